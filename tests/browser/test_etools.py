"""The suitability check and the placement estimator in Chromium give what the Python rules give.

The reference tables of tests/unit/test_etools.py go through the real pages, in both languages,
by URL and by keyboard; the texts on the page must equal those Python computes from etools.yml.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from macros.content import load_content
from macros.placement import estimate
from tests.conftest import ROOT
from tests.unit.test_etools import REFERENCE_PLACEMENT, REFERENCE_SUITABILITY

LANG_ROOT = {"sv": "", "en": "/en"}
SUITABILITY, PLACEMENT = "verktyg/lamplighet/", "verktyg/antal-platser/"


@pytest.fixture(scope="module")
def tools() -> dict:
    return load_content(ROOT).etools


def question_ids(tools) -> list[str]:
    return [question["id"] for question in tools["suitability"]["questions"]]


def answers_query(row: dict, tools: dict) -> str:
    return urlencode({qid: "no" if qid in row["no"] else "yes" for qid in question_ids(tools)})


def shown_outcome(page) -> tuple[str, list[str]]:
    outcome = page.get_attribute("#kb-tool-result h2", "data-kb-outcome")
    reasons = page.eval_on_selector_all("[data-kb-question]", "items => items.map(item => item.dataset.kbQuestion)")
    return outcome, reasons


# --- the suitability check -------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("row", REFERENCE_SUITABILITY, ids=[row["name"] for row in REFERENCE_SUITABILITY])
def test_suitability_page_gives_the_reference_outcome_and_reasons(page, site_url, tools, row, lang):
    page.goto(f"{site_url}{LANG_ROOT[lang]}/{SUITABILITY}?{answers_query(row, tools)}")
    assert shown_outcome(page) == (row["outcome"], row["reasons"])
    outcome = next(o for o in tools["suitability"]["outcomes"] if o["id"] == row["outcome"])
    assert page.inner_text("#kb-tool-result h2") == outcome["title"][lang]
    assert outcome["title"][lang] in page.inner_text("#kb-tool-status")


def test_suitability_check_can_be_answered_with_the_keyboard_alone(page, site_url, tools):
    row = next(row for row in REFERENCE_SUITABILITY if row["name"] == "two of four indicators is weak")
    page.goto(f"{site_url}/{SUITABILITY}")
    page.focus("#kb-tool-form input[name='management-decision'][value='yes']")
    for index, qid in enumerate(question_ids(tools)):
        if index:
            page.keyboard.press("Tab")  # to the next question's group of two radio buttons
        assert page.evaluate("document.activeElement.name") == qid
        page.keyboard.press("ArrowRight" if qid in row["no"] else "Space")  # the arrow moves to "no" and checks it
    assert shown_outcome(page) == (row["outcome"], row["reasons"])
    assert "?" + answers_query(row, tools) == page.evaluate("location.search")  # the filled-in state is shareable


def test_suitability_check_says_how_many_questions_remain_until_all_are_answered(page, site_url):
    page.goto(f"{site_url}/en/{SUITABILITY}?management-decision=yes&interested-client=no")
    assert page.inner_text("#kb-tool-status") == "Answer every question to get a result. 9 questions remain."
    assert page.is_hidden("#kb-tool-result")
    assert page.get_attribute("#kb-tool-status", "aria-live") == "polite"


def test_suitability_result_links_guides_and_matching_cases_that_exist(page, site_url, tools):
    row = REFERENCE_SUITABILITY[0]
    page.goto(f"{site_url}/{SUITABILITY}?{answers_query(row, tools)}")
    hrefs = page.eval_on_selector_all("#kb-tool-result a", "links => links.map(link => link.href)")
    assert len(hrefs) >= 4
    for href in hrefs:
        assert page.request.get(href).ok, href
    assert any("/exempel/?requirement=employment" in href for href in hrefs)


def test_suitability_language_switch_keeps_the_answers(page, site_url, tools):
    query = answers_query(REFERENCE_SUITABILITY[1], tools)
    page.goto(f"{site_url}/{SUITABILITY}?{query}")
    english = page.get_attribute("a.md-select__link[hreflang='en']", "href")
    page.goto(english)
    assert shown_outcome(page)[0] == REFERENCE_SUITABILITY[1]["outcome"]
    assert page.inner_text("#kb-tool-result h2") == "Start with management"


# --- the placement estimator -----------------------------------------------------------------------

def placement_query(row: dict) -> str:
    fields = {"value": row["value_sek"], "type": row["contract_type"], "months": row["months"]}
    if row["wage_bill_sek"] is not None:
        fields["wage"] = row["wage_bill_sek"]
    return urlencode(fields)


def shown_estimates(page) -> dict[str, tuple]:
    return dict(page.eval_on_selector_all("[data-kb-rule]", """sections => sections.map(section => [
        section.dataset.kbRule,
        [section.dataset.kbAmount, section.querySelector('[data-kb-explanation]').textContent]])"""))


def expected_estimates(row: dict, tools: dict, lang: str) -> dict[str, list]:
    estimates = estimate(row["value_sek"], row["contract_type"], row["months"], tools, wage_bill_sek=row["wage_bill_sek"])
    return {e.rule: ["" if e.amount is None else str(e.amount), e.explanation[lang]] for e in estimates}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("row", REFERENCE_PLACEMENT, ids=[row["name"] for row in REFERENCE_PLACEMENT])
def test_placement_page_gives_the_reference_figures_with_the_same_explanations(page, site_url, tools, row, lang):
    page.goto(f"{site_url}{LANG_ROOT[lang]}/{PLACEMENT}?{placement_query(row)}")
    shown = shown_estimates(page)
    assert {rule: int(amount) if amount else None for rule, (amount, _) in shown.items()} == row["amounts"]
    assert {rule: list(pair) for rule, pair in shown.items()} == expected_estimates(row, tools, lang)


def test_placement_estimator_can_be_filled_in_with_the_keyboard_alone(page, site_url, tools):
    row = next(row for row in REFERENCE_PLACEMENT if row["name"] == "wage bill given")
    page.goto(f"{site_url}/en/{PLACEMENT}")
    page.focus("#kb-value")
    page.keyboard.type("100,000,000")  # typed as it is read
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # from the first contract type to "services", checking it
    page.keyboard.press("Tab")
    page.keyboard.type(str(row["months"]))
    page.keyboard.press("Tab")
    page.keyboard.type("40 000 000")
    assert {rule: list(pair) for rule, pair in shown_estimates(page).items()} == expected_estimates(row, tools, "en")
    assert page.inner_text("#kb-tool-status") == "The estimates are updated."
    assert page.evaluate("location.search") == "?value=100%2C000%2C000&type=services&months=36&wage=40+000+000"


@pytest.mark.parametrize("query, message, invalid", [
    ("value=12.5&type=works&months=12", "The contract value must be a whole number of kronor, 0 or more.", "value"),
    ("value=1000000&type=works&months=0", "The duration must be a whole number of months, at least 1.", "months"),
    ("value=1000000&type=works&months=12&wage=2000000", "The wage bill cannot be larger than the contract value.", "wage"),
    ("value=1000000&months=12", "Enter the contract value, contract type and duration to get an estimate.", None),
])
def test_placement_estimator_names_the_field_that_is_wrong_and_shows_no_figure(page, site_url, query, message, invalid):
    page.goto(f"{site_url}/en/{PLACEMENT}?{query}")
    assert page.inner_text("#kb-tool-status") == message
    assert page.is_hidden("#kb-tool-result")
    flagged = page.eval_on_selector_all("[aria-invalid=true]", "fields => fields.map(field => field.name)")
    assert flagged == ([invalid] if invalid else [])


# --- both tools ------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [SUITABILITY, PLACEMENT])
def test_tool_without_javascript_points_to_the_checklists(browser, site_url, path):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    assert "checklistorna" in page.inner_text(".kb-noscript")
    page.click(".kb-noscript a")
    assert page.url == f"{site_url}/checklistor/"
    context.close()


@pytest.mark.parametrize("path", [SUITABILITY, PLACEMENT])
def test_tools_send_no_request_off_the_local_server(page, site_url, tools, path):
    hosts = []
    page.on("request", lambda request: hosts.append(request.url.split("/")[2]))
    query = answers_query(REFERENCE_SUITABILITY[0], tools) if path == SUITABILITY else placement_query(REFERENCE_PLACEMENT[5])
    page.goto(f"{site_url}/{path}?{query}")
    page.wait_for_load_state("networkidle")
    assert set(hosts) == {site_url.split("/")[2]}
