"""The e-tools' data (macros/etools.yml) and rules: the suitability check and the placement estimator.

REFERENCE_SUITABILITY and REFERENCE_PLACEMENT are the reference tables: plain data, so that a
browser test can give the same inputs to the e-tool pages and expect the same answers.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from macros.placement import estimate, sek
from macros.content import load_content
from macros.etools import load_etools, unknown_guides
from macros.facets import filterable_values
from macros.suitability import AnswerError, evaluate
from macros.taxonomy import load_taxonomy
from tests.conftest import ROOT

ETOOLS = ROOT / "macros" / "etools.yml"
SHOWN_AS = "macros/etools.yml"
FILTERS = filterable_values(load_taxonomy(ROOT / "cases" / "_taxonomy.yml", "cases/_taxonomy.yml")[0])
LANGS = ("sv", "en")
READINESS = ["management-decision", "interested-client", "job-matching-service", "regional-cooperation"]
INDICATORS = ["longer-than-a-year", "personnel-intensive", "high-staff-costs", "several-people"]
MARKET = ["suppliers-in-region", "same-need-in-region", "labour-law-conditions"]

# Every question is answered yes except those listed under "no".
REFERENCE_SUITABILITY = [
    {"name": "all yes", "no": [], "outcome": "go-ahead", "reasons": READINESS + INDICATORS},
    {"name": "no management decision", "no": ["management-decision"], "outcome": "prepare-first", "reasons": ["management-decision"]},
    {"name": "no job-matching service, no cooperation", "no": ["job-matching-service", "regional-cooperation"],
     "outcome": "prepare-first", "reasons": ["job-matching-service", "regional-cooperation"]},
    {"name": "readiness no wins over a suitable contract", "no": ["interested-client"], "outcome": "prepare-first", "reasons": ["interested-client"]},
    {"name": "everything no", "no": READINESS + INDICATORS + MARKET, "outcome": "prepare-first", "reasons": READINESS},
    {"name": "three of four indicators is enough", "no": ["several-people"], "outcome": "go-ahead",
     "reasons": READINESS + ["longer-than-a-year", "personnel-intensive", "high-staff-costs"]},
    {"name": "two of four indicators is weak", "no": ["longer-than-a-year", "high-staff-costs"],
     "outcome": "consider-alternatives", "reasons": ["longer-than-a-year", "high-staff-costs"]},
    {"name": "no indicator", "no": INDICATORS, "outcome": "consider-alternatives", "reasons": INDICATORS},
    {"name": "market questions do not change the outcome", "no": MARKET, "outcome": "go-ahead", "reasons": READINESS + INDICATORS},
    {"name": "market yes cannot make up for weak indicators", "no": ["personnel-intensive", "high-staff-costs", "several-people"],
     "outcome": "consider-alternatives", "reasons": ["personnel-intensive", "high-staff-costs", "several-people"]},
]

# amounts: rule id -> places (trafikverket) or kronor (social-return-nl; None = not computable without a wage bill).
# says: rule id -> phrases the English explanation must contain, so no figure stands unexplained.
REFERENCE_PLACEMENT = [
    {"name": "100 MSEK works", "value_sek": 100_000_000, "contract_type": "works", "months": 24, "wage_bill_sek": None,
     "amounts": {"trafikverket": 2, "social-return-nl": None},
     "says": {"trafikverket": ["SEK 50 million of works", "Number of places: 2"],
              "social-return-nl": ["until you enter the wage bill", "would then be SEK 5,000,000"]}},
    {"name": "60 MSEK services", "value_sek": 60_000_000, "contract_type": "services", "months": 12, "wage_bill_sek": None,
     "amounts": {"trafikverket": 2, "social-return-nl": None},
     "says": {"trafikverket": ["SEK 25 million of services", "Number of places: 2", "rounds down"]}},
    {"name": "10 MSEK works gives no place, and says why", "value_sek": 10_000_000, "contract_type": "works", "months": 3, "wage_bill_sek": None,
     "amounts": {"trafikverket": 0, "social-return-nl": None},
     "says": {"trafikverket": ["Number of places: 0", "rounds down", "a part of one does not make a place"],
              "social-return-nl": ["at least 6 months", "runs 3 months"]}},
    {"name": "just under one block", "value_sek": 49_999_999, "contract_type": "works", "months": 12, "wage_bill_sek": None,
     "amounts": {"trafikverket": 0, "social-return-nl": None}, "says": {}},
    {"name": "exactly one block", "value_sek": 50_000_000, "contract_type": "works", "months": 12, "wage_bill_sek": None,
     "amounts": {"trafikverket": 1, "social-return-nl": None}, "says": {}},
    {"name": "wage bill given", "value_sek": 100_000_000, "contract_type": "services", "months": 36, "wage_bill_sek": 40_000_000,
     "amounts": {"trafikverket": 4, "social-return-nl": 2_000_000},
     "says": {"social-return-nl": ["wage bill of SEK 40,000,000 gives SEK 2,000,000", "would then be SEK 5,000,000"]}},
    {"name": "kronor rounded down", "value_sek": 2_000_000, "contract_type": "services", "months": 12, "wage_bill_sek": 1_234_567,
     "amounts": {"trafikverket": 0, "social-return-nl": 61_728},
     "says": {"social-return-nl": ["SEK 61,728 (rounded down to whole kronor)"]}},
]


@pytest.fixture(scope="module")
def tools() -> dict:
    data, problems = load_etools(ETOOLS, SHOWN_AS, FILTERS)
    assert problems == []
    return data


def all_yes(tools: dict) -> dict[str, bool]:
    return {question["id"]: True for question in tools["suitability"]["questions"]}


# --- the real data ---------------------------------------------------------------------------------

def test_real_etools_file_has_no_problems():
    data, problems = load_etools(ETOOLS, SHOWN_AS, FILTERS)
    assert [str(p) for p in problems] == []
    assert data is not None


def test_every_question_has_swedish_and_english_text(tools):
    for question in tools["suitability"]["questions"]:
        assert all(question["text"][lang].strip() for lang in LANGS), question["id"]


def test_every_question_and_rule_names_an_https_source(tools):
    for item in tools["suitability"]["questions"] + tools["placement"]["rules"]:
        assert item["source"].startswith("https://"), item["id"]


def test_questions_are_the_four_readiness_and_seven_suitability_questions(tools):
    ids = {group: [q["id"] for q in tools["suitability"]["questions"] if q["group"] == group] for group in ("readiness", "suitability")}
    assert ids == {"readiness": READINESS, "suitability": INDICATORS + MARKET}
    assert [q["id"] for q in tools["suitability"]["questions"] if q.get("indicator")] == INDICATORS


def test_outcome_links_are_guide_pages_that_exist_in_both_languages(tools):
    for outcome in tools["suitability"]["outcomes"]:
        for link in outcome["links"]:
            assert (ROOT / "docs" / link).is_file(), link
            assert (ROOT / "docs" / link.replace(".md", ".en.md")).is_file(), link


def test_threshold_is_marked_as_the_knowledge_bases_own_rule(tools):
    assert "own" in tools["suitability"]["threshold_note"]["en"]
    assert "egen" in tools["suitability"]["threshold_note"]["sv"]


# --- the data checks, on small mistakes in a copy of the real file ----------------------------------

BAD_ETOOLS = [
    # (name, text to replace, replacement, expected "field: message" starts)
    ("question without English text", "en: Is there a political or management decision to work with employment requirements?", 'en: ""',
     ["suitability.questions[0].text.en: English text is missing"]),
    ("rule without Swedish name", "sv: Trafikverkets tumregel\n", "",
     ["placement.rules[0].name.sv: Swedish text is missing"]),
    ("question source not https", "    source: https://www.upphandlingsmyndigheten.se/om-hallbar-upphandling", "    source: http://www.upphandlingsmyndigheten.se/om-hallbar-upphandling",
     ["suitability.questions[0].source: 'http://"]),
    ("rule without source", "      source: https://www.pianoo.nl/en/", "      sources: https://www.pianoo.nl/en/",
     ["placement.rules[1].source: source is missing", "placement.rules[1].sources: unknown field"]),
    ("outcome link from the site root", "links: [villkor/dialogkrav.md", "links: [/villkor/dialogkrav.md",
     ["suitability.outcomes[2].links[0]: '/villkor/dialogkrav.md' is not a page path inside docs/"]),
    ("outcome link with the language suffix", "links: [villkor/dialogkrav.md", "links: [villkor/dialogkrav.en.md",
     ["suitability.outcomes[2].links[0]: 'villkor/dialogkrav.en.md' is not a page path"]),
    ("outcome link to a web address", "links: [villkor/dialogkrav.md", "links: [https://example.org/",
     ["suitability.outcomes[2].links[0]: 'https://example.org/' is not a page path"]),
    ("duplicate id", "- id: interested-client", "- id: management-decision",
     ["suitability.questions[1].id: id 'management-decision' is used twice"]),
    ("unknown group", "group: readiness", "group: ready", ["suitability.questions[0].group: 'ready' is not one of"]),
    ("count test in words", 'indicator_yes: ">=3"', 'indicator_yes: "at least 3"',
     ["suitability.outcomes[1].when.indicator_yes: 'at least 3' is not a count test"]),
    ("unknown answer set", 'indicator_yes: ">=3"', 'indicators_yes: ">=3"',
     ["suitability.outcomes[1].when.indicators_yes: 'indicators_yes' is not one of"]),
    ("unknown rule kind", "kind: places-per-value", "kind: places-per-million",
     ["placement.rules[0].kind: 'places-per-million' is not one of"]),
    ("outcome cases filtered on an unknown facet", "cases: {wp: [wp02]}", "cases: {role: [decision-makers]}",
     ["suitability.outcomes[0].cases.role: 'role' is not one of the catalogue's filters"]),
    ("outcome cases filtered on an unknown value", "cases: {requirement: [dialogue]}", "cases: {requirement: [dialog]}",
     ["suitability.outcomes[2].cases.requirement: ['dialog'] must be a list of"]),
    ("missing contract type parameter", "msek_per_place: {works: 50, services: 25}", "msek_per_place: {works: 50}",
     ["placement.rules[0].msek_per_place.services: services is missing"]),
]


def assert_mistake_reported_on_its_own_line(tmp_path, name: str, old: str, new: str, expected: list[str]) -> None:
    """etools.yml with `old` replaced by `new` loads no data and gives one problem, with its line, per expected "field: message" start."""
    text = ETOOLS.read_text(encoding="utf-8")
    assert old in text, f"the reference text for {name!r} is no longer in etools.yml"
    bad = tmp_path / "etools.yml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    data, problems = load_etools(bad, "etools.yml", FILTERS)
    assert data is None
    assert len(problems) == len(expected), [str(p) for p in problems]
    assert all(problem.line is not None for problem in problems), [str(p) for p in problems]
    messages = [str(problem).split(": ", 1)[1] for problem in problems]
    for start in expected:
        assert sum(message.startswith(start) for message in messages) == 1, (start, messages)


@pytest.mark.parametrize("name, old, new, expected", BAD_ETOOLS, ids=[case[0] for case in BAD_ETOOLS])
def test_each_mistake_in_etools_is_reported_on_its_own_line(tmp_path, name, old, new, expected):
    assert_mistake_reported_on_its_own_line(tmp_path, name, old, new, expected)


def test_problem_line_is_the_line_of_the_mistake(tmp_path):
    bad = tmp_path / "etools.yml"
    bad.write_text(ETOOLS.read_text(encoding="utf-8").replace("group: readiness", "group: ready", 1), encoding="utf-8")
    line = bad.read_text(encoding="utf-8").splitlines().index("      group: ready") + 1
    _, problems = load_etools(bad, "etools.yml", FILTERS)
    assert str(problems[0]).startswith(f"etools.yml:{line}: suitability.questions[0].group:")


def test_file_without_the_tools_reports_every_missing_section(tmp_path):
    bad = tmp_path / "etools.yml"
    bad.write_text("suitability: []\n", encoding="utf-8")
    data, problems = load_etools(bad, "etools.yml", FILTERS)
    assert data is None
    assert [str(p) for p in problems] == [
        "etools.yml:1: clauses: clauses is missing",
        "etools.yml:1: placement: placement is missing",
        "etools.yml:1: suitability: must be a mapping of fields (key: value)",
    ]


# --- the suitability check -------------------------------------------------------------------------

@pytest.mark.parametrize("row", REFERENCE_SUITABILITY, ids=[row["name"] for row in REFERENCE_SUITABILITY])
def test_suitability_reference_table(tools, row):
    answers = {**all_yes(tools), **{qid: False for qid in row["no"]}}
    result = evaluate(answers, tools)
    assert (result.outcome, list(result.reasons)) == (row["outcome"], row["reasons"])


def test_every_combination_of_answers_gives_exactly_one_outcome_and_every_outcome_is_reachable(tools):
    ids = list(all_yes(tools))
    reached = {evaluate(dict(zip(ids, values)), tools).outcome for values in itertools.product([True, False], repeat=len(ids))}
    assert reached == {outcome["id"] for outcome in tools["suitability"]["outcomes"]}


def test_unknown_question_id_is_refused(tools):
    with pytest.raises(AnswerError, match="unknown question ids: budget-approved"):
        evaluate({**all_yes(tools), "budget-approved": True}, tools)


def test_missing_answer_is_refused(tools):
    answers = all_yes(tools)
    del answers["several-people"]
    with pytest.raises(AnswerError, match="no answer for: several-people"):
        evaluate(answers, tools)


def test_answer_that_is_not_yes_or_no_is_refused(tools):
    with pytest.raises(AnswerError, match="true \\(yes\\) or false \\(no\\): personnel-intensive"):
        evaluate({**all_yes(tools), "personnel-intensive": "ja"}, tools)


# --- the placement estimator -----------------------------------------------------------------------

@pytest.mark.parametrize("row", REFERENCE_PLACEMENT, ids=[row["name"] for row in REFERENCE_PLACEMENT])
def test_placement_reference_table(tools, row):
    estimates = estimate(row["value_sek"], row["contract_type"], row["months"], tools, wage_bill_sek=row["wage_bill_sek"])
    assert {e.rule: e.amount for e in estimates} == row["amounts"]
    by_rule = {e.rule: e for e in estimates}
    for rule, phrases in row["says"].items():
        for phrase in phrases:
            assert phrase in by_rule[rule].explanation["en"], (rule, phrase)


@pytest.mark.parametrize("row", REFERENCE_PLACEMENT, ids=[row["name"] for row in REFERENCE_PLACEMENT])
def test_no_estimate_is_a_number_without_explanation_source_and_limits(tools, row):
    for e in estimate(row["value_sek"], row["contract_type"], row["months"], tools, wage_bill_sek=row["wage_bill_sek"]):
        assert e.source.startswith("https://")
        for lang in LANGS:
            assert e.name[lang] and e.limits[lang] and e.explanation[lang]
            if e.amount is not None:
                assert sek(e.amount, lang) in e.explanation[lang]


def test_social_return_is_money_for_the_target_group_not_people(tools):
    dutch = next(e for e in estimate(100_000_000, "works", 24, tools, wage_bill_sek=30_000_000) if e.rule == "social-return-nl")
    assert dutch.unit == "sek"
    assert "not a number of people" in dutch.limits["en"]
    assert "inte ett antal personer" in dutch.limits["sv"]


@pytest.mark.parametrize("args, message", [
    ((100_000_000, "goods", 12), "contract_type must be one of works, services"),
    ((-1, "works", 12), "value_sek must be a whole number"),
    ((100_000_000, "works", 0), "months must be a whole number"),
    ((1_000_000, "works", 12, 2_000_000), "cannot be larger than the contract value"),
])
def test_impossible_contract_is_refused(tools, args, message):
    value, contract_type, months, *wage_bill = args
    with pytest.raises(ValueError, match=message):
        estimate(value, contract_type, months, tools, wage_bill_sek=wage_bill[0] if wage_bill else None)


def test_outcome_link_to_a_page_that_is_not_a_guide_is_reported(tools):
    guides = {guide.doc for guide in load_content(ROOT).guides}
    assert unknown_guides(tools, guides, SHOWN_AS) == []
    changed = {"suitability": {"outcomes": [{**tools["suitability"]["outcomes"][0], "links": ["checklistor/index.md"]}]}}
    assert [str(p) for p in unknown_guides(changed, guides, SHOWN_AS)] == [
        "macros/etools.yml: suitability.outcomes[0].links: checklistor/index.md is not a guide page filed under a work package (front matter work_packages)"]
