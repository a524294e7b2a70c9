"""The clause builder as a reader uses it, on the real site: every row of the Python reference table
(tests/unit/test_clauses.py) through the page's URL and, for some rows, through the keyboard alone.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from macros.content import load_content
from tests.conftest import ROOT
from tests.unit.test_clauses import REFERENCE_CLAUSES, clause_for

LABELS = load_content(ROOT).labels
PAGE = "/verktyg/villkorsbyggare/"
KEYBOARD_ROWS = [row for row in REFERENCE_CLAUSES if row["keyboard"]]


@pytest.fixture
def builder(page, site_url):
    """Open the clause builder, e.g. builder("variant=bonus&bonus-amount=15000", lang="en")."""
    page.set_default_timeout(5000)

    def open_builder(query: str = "", lang: str = "sv"):
        page.goto(f"{site_url}{'/en' if lang == 'en' else ''}{PAGE}{'?' + query if query else ''}")
        page.wait_for_selector("#kb-tool-form:not([hidden])")
        return page
    return open_builder


def words(text: str) -> str:
    """Whitespace normalised (the page lays paragraphs out on lines of their own)."""
    return " ".join(text.split())


def column(page, lang: str) -> str:
    return words(page.locator(f"#kb-clause-{lang}").inner_text())


def marks(page, lang: str) -> list[str]:
    return page.locator(f"#kb-clause-{lang} mark").all_inner_texts()


def status(page) -> str:
    return page.locator("#kb-tool-status").inner_text().strip()


def expected_status(lang: str, unfilled: int) -> str:
    counted = {0: "clauses.all_filled", 1: "clauses.unfilled_one"}.get(unfilled, "clauses.unfilled")
    return LABELS(lang, "clauses.updated") + " " + LABELS(lang, counted, count=unfilled)


def assert_shows_row(page, row):
    for lang in ("sv", "en"):
        text = "\n\n".join(row[lang])
        assert column(page, lang) == words(text), lang
        assert marks(page, lang) == re.findall(r"\[[^\]]*\]", text), lang


# --- the reference table through the URL -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("row", REFERENCE_CLAUSES, ids=[row["name"] for row in REFERENCE_CLAUSES])
def test_the_page_gives_the_reference_texts_for_a_url(builder, row, lang):
    page = builder(row["query"], lang)
    assert_shows_row(page, row)
    assert status(page) == expected_status(lang, len(row["unfilled"]))
    follow_up = page.locator("#kb-clause-follow-up li").all_inner_texts()
    assert follow_up == clause_for(row["query"]).follow_up[lang]


def test_a_number_the_text_cannot_use_is_marked_invalid_and_its_hint_gives_the_range(builder):
    page = builder("variant=employment&months=700&start=6")
    months = page.locator("#kb-clause-months")
    assert months.get_attribute("aria-invalid") == "true"
    assert page.locator("#kb-clause-start").get_attribute("aria-invalid") == "false"
    assert LABELS("sv", "clauses.range", min=1, max=600) in page.locator(f"#{months.get_attribute('aria-describedby')}").inner_text()
    months.fill("24")
    assert months.get_attribute("aria-invalid") == "false"


def test_swedish_numbers_are_grouped_with_a_no_break_space_on_the_page(builder):
    page = builder("variant=bonus&bonus-amount=15000")
    assert "15\u00a0000 kronor" in page.locator("#kb-clause-sv").text_content()
    assert "SEK 15,000 per" in page.locator("#kb-clause-en").text_content()


def test_each_column_tells_screen_readers_its_language(builder):
    page = builder(lang="en")
    assert page.locator("#kb-clause-sv").get_attribute("lang") == "sv"
    assert page.locator("#kb-clause-en").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("variant", ["dialogue", "employment", "internship", "bonus"])
def test_only_the_details_the_variant_uses_are_shown(builder, variant):
    page = builder(f"variant={variant}")
    shown = [node.get_attribute("data-kb-parameter") for node in page.locator("[data-kb-parameter]").all() if node.is_visible()]
    data = load_content(ROOT).etools["clauses"]
    parameters = next(v["parameters"] for v in data["variants"] if v["id"] == variant)
    assert shown == [p["id"] for p in data["parameters"] if p["id"] in parameters]


# --- the keyboard alone ----------------------------------------------------------------------------

def _focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), type: el.type || '', name: el.getAttribute('name'), value: el.value,
                checked: !!el.checked, inForm: !!el.closest('#kb-tool-form')};
    }""")


def fill_by_keyboard(page, query: str) -> None:
    """Tab from the top of the page to the variant, choose it with the arrow keys, then Tab through the
    controls the variant shows: type numbers, pick options with the arrow keys, tick boxes with Space."""
    wanted = parse_qs(query)
    variant = wanted.pop("variant")[0]
    for _ in range(150):
        page.keyboard.press("Tab")
        if _focused(page)["name"] == "variant":
            break
    else:
        pytest.fail("Tab never reached the variant choice")
    for _ in range(4):
        if _focused(page)["value"] == variant:
            break
        page.keyboard.press("ArrowDown")
    while True:
        page.keyboard.press("Tab")
        focused = _focused(page)
        if not focused["inForm"]:
            break
        values = wanted.get(focused["name"], [])
        if focused["type"] == "number" and values:
            page.keyboard.type(values[0])
        elif focused["tag"] == "select" and values:
            for _ in range(10):
                if _focused(page)["value"] == values[0]:
                    break
                page.keyboard.press("ArrowDown")
        elif focused["type"] == "checkbox" and focused["value"] in values:
            page.keyboard.press("Space")


@pytest.mark.parametrize("row", KEYBOARD_ROWS, ids=[row["name"] for row in KEYBOARD_ROWS])
def test_keyboard_only_filling_gives_the_reference_texts_and_the_url(builder, row):
    assert len(KEYBOARD_ROWS) >= 2
    page = builder()
    fill_by_keyboard(page, row["query"])
    assert_shows_row(page, row)
    assert parse_qs(urlsplit(page.url).query) == parse_qs(row["query"])
    assert status(page) == expected_status("sv", 0)


# --- URL, live region, copy, print -----------------------------------------------------------------

def test_a_shared_url_opens_the_form_filled_in(builder):
    row = next(row for row in REFERENCE_CLAUSES if row["name"].startswith("employment, all filled"))
    page = builder(row["query"])
    assert page.locator('input[name="variant"][value="employment"]').is_checked()
    assert page.locator("#kb-clause-months").input_value() == "12"
    assert page.locator("#kb-clause-start").input_value() == "6"
    assert page.locator("#kb-clause-reporting").input_value() == "quarterly"
    checked = page.eval_on_selector_all("#kb-tool-form input[type=checkbox]:checked", "boxes => boxes.map(b => b.name + '=' + b.value)")
    assert checked == ["groups=long-term-unemployed", "groups=young-people", "routes=municipal-service",
                       "routes=own-recruitment", "sanctions=penalty"]
    assert urlsplit(page.url).query == row["query"]  # opening a link does not rewrite it


def test_every_change_is_kept_in_the_url_and_a_reload_restores_it(builder):
    page = builder("variant=employment")
    page.locator("#kb-clause-months").fill("18")
    page.locator('input[name="groups"][value="new-arrivals"]').check()
    page.locator("#kb-clause-reporting").select_option("yearly")
    assert parse_qs(urlsplit(page.url).query) == {"variant": ["employment"], "months": ["18"], "groups": ["new-arrivals"],
                                                  "reporting": ["yearly"]}
    page.reload()
    page.wait_for_selector("#kb-tool-form:not([hidden])")
    assert page.locator("#kb-clause-months").input_value() == "18"
    assert "minst 18 månader på heltid" in column(page, "sv")


def test_the_live_region_announces_each_update_and_the_unfilled_count(builder):
    page = builder("variant=bonus")
    region = page.locator("#kb-tool-status")
    assert (region.get_attribute("role"), region.get_attribute("aria-live")) == ("status", "polite")
    page.evaluate("window.kbStatusNode = document.getElementById('kb-tool-status')")
    assert status(page) == expected_status("sv", 4)
    page.locator("#kb-clause-bonus-amount").fill("5000")
    assert status(page) == expected_status("sv", 3)
    page.locator("#kb-clause-bonus-unit").select_option("person")
    page.locator("#kb-clause-reporting").select_option("monthly")
    assert status(page) == expected_status("sv", 1)
    page.locator('input[name="groups"][value="unemployed"]').check()
    assert status(page) == expected_status("sv", 0)
    assert page.evaluate("window.kbStatusNode === document.getElementById('kb-tool-status')")  # announced, not replaced


def test_start_again_empties_the_form_and_the_text_shows_every_placeholder(builder):
    row = next(row for row in REFERENCE_CLAUSES if row["name"].startswith("empty query"))
    page = builder("variant=employment&months=12&groups=unemployed")
    page.get_by_role("button", name=LABELS("sv", "tools.reset")).click()
    assert_shows_row(page, row)
    assert parse_qs(urlsplit(page.url).query) == {"variant": ["dialogue"]}


def test_copy_puts_the_plain_text_with_placeholders_on_the_clipboard(browser, site_url):
    row = next(row for row in REFERENCE_CLAUSES if row["name"].startswith("internship"))
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{site_url}{PAGE}?{row['query']}")
        for lang in ("sv", "en"):
            page.locator(f'[data-kb-copy="{lang}"]').click()
            page.wait_for_function("text => document.getElementById('kb-tool-status').textContent === text",
                                   arg=LABELS("sv", f"clauses.copied_{lang}"))
            assert page.evaluate("navigator.clipboard.readText()") == "\n\n".join(row[lang])
    finally:
        context.close()


def test_without_clipboard_access_the_text_is_selected_and_the_reader_told_how_to_copy(browser, site_url):
    row = next(row for row in REFERENCE_CLAUSES if row["name"].startswith("bonus, all filled"))
    context = browser.new_context()
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    try:
        page = context.new_page()
        page.goto(f"{site_url}/en{PAGE}?{row['query']}")
        page.locator('[data-kb-copy="sv"]').click()
        assert status(page) == LABELS("en", "clauses.copy_failed")
        assert words(page.evaluate("window.getSelection().toString()")) == words("\n\n".join(row["sv"]))
    finally:
        context.close()


def test_print_prints_the_heading_notice_texts_and_checklist_only(builder):
    page = builder("variant=employment&months=12")
    page.evaluate("() => { window.kbPrinted = 0; window.print = () => { window.kbPrinted += 1; }; }")
    page.get_by_role("button", name=LABELS("sv", "clauses.print")).click()
    assert page.evaluate("window.kbPrinted") == 1
    page.emulate_media(media="print")
    for shown in ("h1", ".kb-tool__notice", "#kb-clause-sv", "#kb-clause-en", "#kb-clause-follow-up"):
        assert page.locator(shown).first.is_visible(), shown
    for hidden in ("#kb-tool-form", "#kb-tool-status", "[data-kb-copy]", "#kb-clause-rules", "article blockquote", "h2#kallor"):
        assert not page.locator(hidden).first.is_visible(), hidden


# --- without JavaScript, and without the network ---------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_page_has_a_readable_noscript_message_pointing_to_the_checklists(site, lang):
    html = (site / ("en" if lang == "en" else "") / PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
    assert f'<noscript><p class="kb-noscript">{LABELS(lang, "tools.noscript")} <a href="../../checklistor/">' in html


def test_without_javascript_the_form_is_hidden_and_the_clause_texts_are_in_the_rules(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}{PAGE}")
        assert page.locator(".kb-noscript").first.is_visible()
        assert not page.locator("#kb-tool-form").is_visible()
        rules = page.locator("#kb-clause-rules").inner_text()
        assert all(paragraph.split("[")[0] in rules for paragraph in REFERENCE_CLAUSES[-1]["sv"])
    finally:
        context.close()


def test_no_request_leaves_the_local_server(page, builder, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    builder("variant=employment&months=12")
    page.locator('input[name="variant"][value="bonus"]').check()
    page.locator("#kb-clause-bonus-amount").fill("1000")
    page.locator('[data-kb-copy="sv"]').click()
    assert any(url.endswith("/clauses.js") for url in requests)
    assert [url for url in requests if not url.startswith(site_url + "/")] == []
