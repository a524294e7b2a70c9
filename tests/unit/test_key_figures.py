"""Key figures add up exactly what the case files report, under the rules the page states.

Checked on the hand-made fixture set (tests/fixtures/catalogue_cases; its README lists the expected
totals), read as if real because every fixture case is illustrative, and on the real cases. The
expected rows are written out from the case fields themselves, not through the facet definitions.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from pathlib import Path

import pytest

from macros.key_figures import NOT_SUMMABLE, SOURCES_DISAGREE, key_figures
from macros.key_figures_page import render_key_figures
from macros.taxonomy import load_taxonomy
from tests.conftest import ROOT

LANGS = ("sv", "en")
FIELDS = {"wp": lambda case: case["work_packages"], "sector": lambda case: case["sectors"],
          "requirement": lambda case: case["requirement_types"], "org": lambda case: [case["organisation"]["type"]]}


def with_cases(content, cases):
    return dataclasses.replace(content, cases=cases)


def as_real(content):
    """The same cases with `illustrative` taken away, so that they count."""
    cases = copy.deepcopy(content.cases)
    for case in cases:
        case.pop("illustrative", None)
    return with_cases(content, cases)


def shown(total) -> tuple:
    """A total as the README table writes it: (value, approximate)."""
    return (total.value, total.approximate)


def measure(figures, measure_id):
    return next(m for m in figures.measures if m.measure == measure_id)


def figure_keys(figures) -> list[tuple]:
    return [(figure.case["id"], figure.outcome["measure"], figure.outcome["year"], figure.outcome["value"]) for figure in figures]


# --- the fixture set, as the README table says ------------------------------------------------------

def test_fixture_totals_match_the_readme_table(fixture_content):
    figures = key_figures(as_real(fixture_content))
    assert [m.measure for m in figures.measures] == ["people-employed", "apprenticeships", "summer-jobs"]
    employed = measure(figures, "people-employed")
    assert shown(employed.total) == (11, True)
    assert [case["id"] for case in employed.total.cases] == ["alfa-stad-stadning", "gamma-regionen-sjukhusbygge"]
    assert {key: {value: shown(total) for value, total in rows} for key, rows in employed.rows.items()} == {
        "wp": {"wp05": (11, True), "wp07": (5, False)},
        "sector": {"construction": (5, False), "cleaning": (6, True)},
        "requirement": {"employment": (6, True), "apprenticeship": (5, False)},
        "org": {"municipality": (6, True), "region": (5, False)},
        "year": {2017: (5, False), 2019: (2, True), 2020: (4, False)},
    }
    assert shown(measure(figures, "apprenticeships").total) == (9, False)
    assert [value for value, _ in measure(figures, "apprenticeships").rows["wp"]] == ["wp05", "wp07"]
    assert shown(measure(figures, "summer-jobs").total) == (30, False)


def test_fixture_case_counts_match_the_readme_table(fixture_content):
    figures = key_figures(as_real(fixture_content))
    assert len(figures.cases.cases) == 7
    assert [case["id"] for case in figures.cases.with_figures] == ["alfa-stad-stadning", "gamma-regionen-sjukhusbygge", "zeta-bydel-parker"]
    assert {wp: len(count.cases) for wp, count in figures.case_rows["wp"]} == {
        "wp04": 1, "wp05": 2, "wp06": 1, "wp07": 1, "wp08": 2, "wp09": 1, "wp11": 1}
    assert {year: len(count.cases) for year, count in figures.case_rows["year"]} == {
        2012: 1, 2015: 1, 2016: 1, 2018: 1, 2019: 1, 2021: 1, 2023: 1}


def test_rows_of_a_breakdown_may_add_up_to_more_than_the_total(fixture_content):
    employed = measure(key_figures(as_real(fixture_content)), "people-employed")
    assert sum(total.value for _, total in employed.rows["wp"]) == 16 > employed.total.value == 11  # gamma is in wp05 and wp07


# --- what never counts ------------------------------------------------------------------------------

def test_illustrative_cases_never_count(fixture_content):
    figures = key_figures(fixture_content)  # every fixture case is illustrative
    assert (figures.measures, figures.cases.cases, figures.not_summed) == ([], (), [])
    assert all(count.cases == () for rows in figures.case_rows.values() for _, count in rows)


def test_one_illustrative_case_among_real_ones_is_left_out(fixture_content):
    real = as_real(fixture_content)
    cases = copy.deepcopy(real.cases)
    next(case for case in cases if case["id"] == "alfa-stad-stadning")["illustrative"] = True
    figures = key_figures(with_cases(real, cases))
    assert shown(measure(figures, "people-employed").total) == (5, False)
    assert "alfa-stad-stadning" not in [case["id"] for case in figures.cases.cases]


def test_drafts_never_count(fixture_content):
    figures = key_figures(as_real(fixture_content))
    assert "theta-utkast" not in [case["id"] for case in figures.cases.cases]
    assert "theta-utkast" not in render_key_figures("sv", as_real(fixture_content))


def test_a_percentage_is_never_summed_but_listed(fixture_content):
    figures = key_figures(as_real(fixture_content))
    assert "share-in-work" not in [m.measure for m in figures.measures]
    assert [(figure_keys([figure])[0], reason) for figure, reason in figures.not_summed] == [
        (("zeta-bydel-parker", "share-in-work", 2016, 50), NOT_SUMMABLE)]


def test_two_figures_of_one_case_for_the_same_measure_and_year_are_not_summed(fixture_content):
    real = as_real(fixture_content)
    cases = copy.deepcopy(real.cases)
    alfa = next(case for case in cases if case["id"] == "alfa-stad-stadning")
    alfa["outcomes"].append({"measure": "people-employed", "value": 7, "year": 2020, "source": "demo-alfa"})
    figures = key_figures(with_cases(real, cases))
    employed = measure(figures, "people-employed")
    assert shown(employed.total) == (7, True)  # alfa's 2019 figure (about 2) and gamma's 5; neither 4 nor 7
    assert figure_keys(employed.total.figures) == [("alfa-stad-stadning", "people-employed", 2019, 2),
                                                   ("gamma-regionen-sjukhusbygge", "people-employed", 2017, 5)]
    disagreeing = [figure_keys([figure])[0] for figure, reason in figures.not_summed if reason == SOURCES_DISAGREE]
    assert disagreeing == [("alfa-stad-stadning", "people-employed", 2020, 4), ("alfa-stad-stadning", "people-employed", 2020, 7)]
    page = render_key_figures("en", with_cases(real, cases))
    not_summed = page.split("## Figures not added up")[1]
    assert not_summed.count('href="../exempel/alfa-stad-stadning/"') == 2
    assert ">4<" in not_summed and ">7<" in not_summed


# --- the real cases ---------------------------------------------------------------------------------

def _counted_outcomes(content) -> list[tuple]:
    return [(case["id"], index) for case in content.published if not case.get("illustrative")
            for index, _ in enumerate(case.get("outcomes", []))]


def test_every_real_figure_is_summed_or_listed_as_not_summed_exactly_once(real_content):
    figures = key_figures(real_content)
    summed = [(f.case["id"], f.case["outcomes"].index(f.outcome)) for m in figures.measures for f in m.total.figures]
    listed = [(f.case["id"], f.case["outcomes"].index(f.outcome)) for f, _ in figures.not_summed]
    assert sorted(summed + listed) == sorted(_counted_outcomes(real_content))


def test_every_real_total_holds_exactly_the_figures_of_its_row_once(real_content):
    for m in key_figures(real_content).measures:
        for key, rows in m.rows.items():
            for value, total in rows:
                values_of = FIELDS.get(key, None)
                expected = [f for f in m.total.figures if (value in values_of(f.case) if values_of else f.outcome["year"] == value)]
                assert figure_keys(total.figures) == figure_keys(expected), (m.measure, key, value)
            in_some_row = {id(f.outcome) for _, total in rows for f in total.figures}
            assert in_some_row == {id(f.outcome) for f in m.total.figures}  # no figure left out of a breakdown


def test_every_real_total_is_the_sum_of_its_figures(real_content):
    for m in key_figures(real_content).measures:
        for total in [m.total] + [total for rows in m.rows.values() for _, total in rows]:
            assert total.value == sum(f.outcome["value"] for f in total.figures)
            assert total.approximate == any(f.outcome.get("approximate", False) for f in total.figures)
            assert all(f.outcome["measure"] == m.measure for f in total.figures)


def test_no_real_percentage_or_disagreeing_figure_is_summed(real_content):
    figures = key_figures(real_content)
    summed = [f for m in figures.measures for f in m.total.figures]
    assert not [f for f in summed if not real_content.taxonomy.term("measures", f.outcome["measure"]).summable]
    per_case_measure_year = [(f.case["id"], f.outcome["measure"], f.outcome["year"]) for f in summed]
    assert len(per_case_measure_year) == len(set(per_case_measure_year))
    assert any(reason == NOT_SUMMABLE for _, reason in figures.not_summed)  # the real share-in-work figure


def test_real_case_counts_are_the_published_real_cases(real_content):
    figures = key_figures(real_content)
    expected = [case for case in real_content.published if not case.get("illustrative")]
    assert [case["id"] for case in figures.cases.cases] == [case["id"] for case in expected]
    assert len(figures.cases.with_figures) == sum(1 for case in expected if case.get("outcomes"))
    for key, values_of in FIELDS.items():
        for value, count in figures.case_rows[key]:
            assert [c["id"] for c in count.cases] == [c["id"] for c in expected if value in values_of(c)]
    assert sum(len(count.cases) for _, count in figures.case_rows["year"]) == len(expected)  # one start year each


# --- summable in the taxonomy -----------------------------------------------------------------------

def test_share_in_work_is_the_measure_marked_not_summable(real_content):
    terms = real_content.taxonomy.categories["measures"].values()
    assert [term.id for term in terms if not term.summable] == ["share-in-work"]


def _taxonomy_with(tmp_path: Path, line_after_first_measure: str, category: str = "measures"):
    text = (ROOT / "cases" / "_taxonomy.yml").read_text(encoding="utf-8")
    first_term = re.search(rf"^{category}:\n(?:  #.*\n)*  [a-z0-9-]+:\n", text, re.M)
    text = text[: first_term.end()] + f"    {line_after_first_measure}\n" + text[first_term.end():]
    (tmp_path / "_taxonomy.yml").write_text(text, encoding="utf-8")
    return load_taxonomy(tmp_path / "_taxonomy.yml", "_taxonomy.yml")


def test_summable_must_be_true_or_false(tmp_path):
    taxonomy, problems = _taxonomy_with(tmp_path, "summable: nej")
    assert taxonomy is None
    assert [p.message for p in problems] == ["must be true or false, not 'nej'"]
    assert problems[0].field == "measures.people-employed.summable"


def test_only_measures_can_be_marked_summable(tmp_path):
    _, problems = _taxonomy_with(tmp_path, "summable: false", category="sectors")
    assert [(p.field, p.message) for p in problems] == [("sectors.construction.summable", "only measures can be marked summable; remove the line")]


# --- the rendered page ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_page_states_plainly_what_the_figures_are(real_content, lang):
    page = render_key_figures(lang, real_content)
    for part in ("not_statistics", "not_comparable", "illustrative", "overlap", "not_summable", "disagree"):
        heading = real_content.labels(lang, "keyfigures.not_summed_heading")
        assert real_content.labels(lang, f"keyfigures.about.{part}", heading=heading).replace("'", "&#x27;") in page


@pytest.mark.parametrize("lang", LANGS)
def test_each_section_has_a_summary_a_chart_and_a_table(real_content, lang):
    page = render_key_figures(lang, real_content)
    sections = re.findall(r'<div class="kb-keyfigures__section"><p>[^<]+</p>(<svg.*?</svg>)(<table>.*?</table>)</div>', page)
    assert len(sections) == 1 + len(key_figures(real_content).measures)  # the number of cases, then each measure
    for svg, table in sections:
        assert re.match(r'<svg class="kb-chart" role="img" aria-labelledby="[^"]+-title" aria-describedby="[^"]+-desc"', svg)
        assert "<title id=" in svg and "<desc id=" in svg and "<script" not in svg and "href" not in svg
        assert table.startswith("<table><caption>") and '<th scope="col">' in table and '<th scope="row">' in table


@pytest.mark.parametrize("lang", LANGS)
def test_without_real_cases_the_page_says_so_and_shows_no_chart(fixture_content, lang):
    page = render_key_figures(lang, fixture_content)  # only illustrative cases
    assert fixture_content.labels(lang, "keyfigures.no_cases") in page
    assert "<svg" not in page and "<table" not in page


def test_an_approximate_total_reads_about_n(fixture_content):
    page = render_key_figures("sv", as_real(fixture_content))
    assert '<th scope="row">Totalt</th><td class="kb-num">cirka 11</td>' in page
    assert '<th scope="row">Totalt</th><td class="kb-num">9</td>' in page
    assert "Sammanlagt cirka 11 från 2 exempel." in page


def test_markup_in_case_text_is_escaped(fixture_content):
    real = as_real(fixture_content)
    cases = copy.deepcopy(real.cases)
    cases[0]["organisation"]["name"]["en"] = '<script>alert("x")</script> & Co'
    page = render_key_figures("en", with_cases(real, cases))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in page
