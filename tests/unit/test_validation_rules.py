"""One test per content rule: what a case, the taxonomy or the label table must be, and what an author is told.

Cases are the real template with a small text edit, checked in a temporary folder with a fixed `today`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.content import load_content
from macros.labels import load_labels
from macros.problems import ContentError
from macros.taxonomy import CATEGORIES, load_taxonomy
from macros.yaml_source import MAX_BYTES
from tests.conftest import ROOT

TEMPLATE = (ROOT / "cases" / "_template.yml").read_text(encoding="utf-8")
CASE = "kommunnamn-omrade.yml"
TODAY = dt.date(2026, 11, 30)

TITLE_EN = "  en: Municipality X required internships in its cleaning contract\n"
RESULTS_SV = "    sv: Vad källorna redovisar.\n"


def edited(old: str, new: str, text: str = TEMPLATE) -> str:
    """The text with `old` (which must occur exactly once) replaced by `new`."""
    assert text.count(old) == 1, f"the template no longer holds exactly one {old!r}"
    return text.replace(old, new)


def line_number(text: str, line: str) -> int:
    """The 1-based number of the line that reads exactly `line`."""
    return text.split("\n").index(line.rstrip("\n")) + 1


def write_cases(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(tmp_path: Path, files: dict[str, str], today: dt.date = TODAY) -> list[str]:
    """The problem lines for a folder of case files, each path shown as the bare file name."""
    folder = write_cases(tmp_path, files)
    try:
        load_content(ROOT, cases_dir=folder, today=today)
    except ContentError as error:
        return [str(problem).removeprefix(f"{folder}/") for problem in error.problems]
    return []


def problems_in_case(tmp_path: Path, text: str, today: dt.date = TODAY) -> list[str]:
    return problems(tmp_path, {CASE: text}, today)


# --- cases: what passes ---------------------------------------------------------------------------

def test_valid_template_has_no_problems(tmp_path):
    content = load_content(ROOT, cases_dir=write_cases(tmp_path, {CASE: TEMPLATE}), today=TODAY)
    assert [case["id"] for case in content.cases] == ["kommunnamn-omrade"]


def test_draft_cases_are_loaded_but_not_published(tmp_path):
    published = edited("id: kommunnamn-omrade", "id: publicerad").replace("status: draft", "status: published")
    folder = write_cases(tmp_path, {CASE: TEMPLATE, "publicerad.yml": published})
    content = load_content(ROOT, cases_dir=folder, today=TODAY)
    assert [case["id"] for case in content.cases] == ["kommunnamn-omrade", "publicerad"]
    assert [case["id"] for case in content.published] == ["publicerad"]


def test_dates_stay_as_written(tmp_path):
    case = load_content(ROOT, cases_dir=write_cases(tmp_path, {CASE: TEMPLATE}), today=TODAY).cases[0]
    assert case["last_reviewed"] == "2026-11-29"
    assert case["sources"][0]["date"] == "2023-03-01"


def test_an_illustrative_case_needs_no_sources(tmp_path):
    text = edited("illustrative: false", "illustrative: true")
    text = text[: text.index("# Resultat som")] + text[text.index("# Berättelsen"):]  # no outcomes
    text = text[: text.index("# Källor, minst en")] + text[text.index("# Senast granskad"):]  # no sources
    assert "sources:" not in text and "outcomes:" not in text
    assert problems_in_case(tmp_path, text) == []


def test_a_source_date_may_be_a_quoted_year_or_a_year_and_month(tmp_path):
    assert problems_in_case(tmp_path, edited("    date: 2023-03-01", '    date: "2023"')) == []
    assert problems_in_case(tmp_path / "b", edited("    date: 2023-03-01", "    date: 2023-03")) == []


# --- cases: what is reported ----------------------------------------------------------------------

def test_missing_english_title_is_reported(tmp_path):
    text = edited(TITLE_EN, "")
    title = line_number(text, "title:")  # a missing part is reported on the line of its parent's key
    assert problems_in_case(tmp_path, text) == [f"{CASE}:{title}: title.en: English text is missing"]


def test_duplicate_keys_are_reported_with_their_line(tmp_path):
    text = edited("status: draft\n", "status: draft\nstatus: published\n")
    second = line_number(text, "status: published")
    assert problems_in_case(tmp_path, text) == [f"{CASE}:{second}: status: this key appears twice in the same mapping; keep one"]


def test_all_problems_in_a_file_are_reported_together(tmp_path):
    text = edited("  type: municipality", "  type: kommun")
    text = edited(TITLE_EN, "", text)
    text = edited("last_reviewed: 2026-11-29", "last_reviewed: 2099-01-01", text)
    text = edited("    sv: Vad som krävdes, i vilka kontrakt.", '    sv: "Vad som krävdes {{ x }}."', text)
    found = problems_in_case(tmp_path, text)
    assert len(found) == 4, found
    assert any(": organisation.type: 'kommun' is not one of " in line for line in found)
    assert any(": title.en: English text is missing" in line for line in found)
    assert any(": last_reviewed: '2099-01-01' is in the future" in line for line in found)
    assert any(": story.requirement.sv: template markers" in line for line in found)


def test_problems_in_every_file_are_reported_in_one_run(tmp_path):
    first = edited("  type: municipality", "  type: kommun")
    second = edited("id: kommunnamn-omrade", "id: annan").replace("sectors: [cleaning]", "sectors: [städ]")
    folder = write_cases(tmp_path, {CASE: first, "annan.yml": second})
    with pytest.raises(ContentError) as raised:
        load_content(ROOT, cases_dir=folder, today=TODAY)
    assert {problem.path for problem in raised.value.problems} == {str(folder / CASE), str(folder / "annan.yml")}
    # 2 case files plus the taxonomy and the label table
    assert re.fullmatch(r"2 problems in 2 of \d+ content files\. Nothing was built\.", str(raised.value).split("\n")[-1])


def test_future_dates_are_judged_against_the_given_today(tmp_path):
    assert problems_in_case(tmp_path, TEMPLATE, today=dt.date(2026, 11, 29)) == []
    reviewed = line_number(TEMPLATE, "last_reviewed: 2026-11-29")
    assert problems_in_case(tmp_path / "b", TEMPLATE, today=dt.date(2026, 11, 28)) == [
        f"{CASE}:{reviewed}: last_reviewed: '2026-11-29' is in the future"]


def test_an_unquoted_year_where_text_is_expected_asks_for_quotes(tmp_path):
    text = edited("    date: 2023-03-01", "    date: 2023")
    line = line_number(text, "    date: 2023")
    assert problems_in_case(tmp_path, text) == [
        f"{CASE}:{line}: sources[0].date: expected a text, found a number 2023 (put it in quotes)"]


def test_a_value_with_a_line_break_is_shown_on_one_problem_line(tmp_path):
    text = edited("  type: municipality", '  type: "kom\\nmun"')
    [line] = problems_in_case(tmp_path, text)
    assert "'kom\\nmun' is not one of" in line and "\n" not in line


def test_cross_field_rules_wait_until_the_shape_is_right(tmp_path):
    """years.end before years.start is only checked once the case matches the schema (one run, then the next)."""
    text = edited("  end: 2022", "  end: 2019")
    assert any(": years.end: 2019 is before the start year 2020" in line for line in problems_in_case(tmp_path, text))
    text = edited("  type: municipality", "  type: kommun", text)
    assert not any("years.end" in line for line in problems_in_case(tmp_path / "b", text))


def test_an_unknown_field_is_reported_on_the_line_of_its_key(tmp_path):
    text = edited("status: draft\n", "status: draft\nauthor:\n  name: Anna\n")
    assert problems_in_case(tmp_path, text)[0].startswith(f"{CASE}:{line_number(text, 'author:')}: author: unknown field")


def test_an_empty_text_is_reported_once(tmp_path):
    found = problems_in_case(tmp_path, edited(RESULTS_SV, '    sv: ""\n'))
    assert len(found) == 1, found


def test_an_unclosed_quote_is_reported_on_the_line_where_it_opens(tmp_path):
    text = edited("    publisher: Kommunen X", '    publisher: "Kommunen X')
    opening = line_number(text, '    publisher: "Kommunen X')
    [line] = problems_in_case(tmp_path, text)
    assert line.startswith(f"{CASE}:{opening}: YAML syntax:"), line


def test_a_tab_used_for_indentation_is_named_as_a_tab(tmp_path):
    [line] = problems_in_case(tmp_path, edited("  start: 2020", "\tstart: 2020"))
    assert "tab" in line.lower(), line


def test_a_file_just_over_the_size_limit_is_not_said_to_be_at_the_limit(tmp_path):
    text = TEMPLATE + "#" * (MAX_BYTES + 1 - len(TEMPLATE.encode("utf-8")))
    [line] = problems_in_case(tmp_path, text)
    assert f"file is {MAX_BYTES // 1024} KiB" not in line, line


def test_an_unusual_yaml_type_is_reported_not_crashed(tmp_path):
    text = edited(TITLE_EN, "").replace("  sv: Kommunen X ställde krav på praktikplatser i städupphandlingen\n", "")
    text = edited("title:\n", "title: !!binary aGVq\n", text)
    assert any(": title: expected Swedish and English texts" in line for line in problems_in_case(tmp_path, text))


def test_unknown_fields_with_number_and_text_keys_are_reported_not_crashed(tmp_path):
    text = edited("status: draft\n", "status: draft\n2020: x\nauthor: y\n")
    assert any("unknown field" in line for line in problems_in_case(tmp_path, text))


def test_check_content_fails_when_the_cases_folder_does_not_exist(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_content.py"), "--cases", str(tmp_path / "nope")],
                            cwd=ROOT, capture_output=True, encoding="utf-8", timeout=120,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode != 0


# --- taxonomy -------------------------------------------------------------------------------------

def taxonomy_text(categories=CATEGORIES, label_of_first_sector: str = "{sv: Städ, en: Cleaning}", extra: str = "") -> str:
    """A small taxonomy: one term per category, written the way _taxonomy.yml writes terms."""
    lines = []
    for category in categories:
        label = label_of_first_sector if category == "sectors" else "{sv: Etikett, en: Label}"
        lines += [f"{category}:", "  term-one:", f"    label: {label}", "    description: {sv: Beskrivning., en: Description.}"]
    return "\n".join(lines) + "\n" + extra


def load_small_taxonomy(tmp_path: Path, text: str):
    (tmp_path / "_taxonomy.yml").write_text(text, encoding="utf-8")
    return load_taxonomy(tmp_path / "_taxonomy.yml", "_taxonomy.yml")


def test_project_taxonomy_and_labels_have_no_problems():
    assert load_taxonomy(ROOT / "cases" / "_taxonomy.yml", "cases/_taxonomy.yml")[1] == []
    assert load_labels(ROOT / "macros" / "labels.yml", "macros/labels.yml")[1] == []


def test_complete_taxonomy_loads_every_category(tmp_path):
    taxonomy, found = load_small_taxonomy(tmp_path, taxonomy_text())
    assert found == []
    assert taxonomy.ids("sectors") == ["term-one"]
    assert taxonomy.label("sectors", "term-one", "en") == "Cleaning"


def test_taxonomy_term_missing_its_english_label_is_reported(tmp_path):
    text = taxonomy_text(label_of_first_sector="{sv: Städ}")
    taxonomy, found = load_small_taxonomy(tmp_path, text)
    assert taxonomy is None
    label_line = line_number(text, "    label: {sv: Städ}")
    assert [str(p) for p in found] == [f"_taxonomy.yml:{label_line}: sectors.term-one.label.en: English text is missing"]


def test_taxonomy_term_with_blank_swedish_description_is_reported(tmp_path):
    text = taxonomy_text().replace("description: {sv: Beskrivning., en: Description.}", 'description: {sv: " ", en: Description.}', 1)
    _, found = load_small_taxonomy(tmp_path, text)
    assert [str(p) for p in found] == ["_taxonomy.yml:4: work_packages.term-one.description.sv: Swedish text is missing"]


def test_taxonomy_missing_category_is_reported(tmp_path):
    _, found = load_small_taxonomy(tmp_path, taxonomy_text(categories=[c for c in CATEGORIES if c != "measures"]))
    assert [str(p) for p in found] == ["_taxonomy.yml: measures: category is missing or empty"]


def test_taxonomy_unknown_category_is_reported_with_its_line(tmp_path):
    unknown = "colours: {red: {label: {sv: Röd, en: Red}, description: {sv: Röd., en: Red.}}}"
    text = taxonomy_text(extra=unknown + "\n")
    _, found = load_small_taxonomy(tmp_path, text)
    assert [str(p) for p in found] == [
        f"_taxonomy.yml:{line_number(text, unknown)}: colours: unknown category; known are {', '.join(CATEGORIES)}"]


def test_taxonomy_problems_with_and_without_a_line_are_reported_together(tmp_path):
    text = taxonomy_text(categories=[c for c in CATEGORIES if c != "measures"], label_of_first_sector="{sv: Städ}")
    _, found = load_small_taxonomy(tmp_path, text)
    assert len(found) == 2
    assert str(ContentError(found, 1)).endswith("2 problems in 1 of 1 content files. Nothing was built.")


# --- labels ---------------------------------------------------------------------------------------

def load_small_labels(tmp_path: Path, text: str):
    (tmp_path / "labels.yml").write_text(text, encoding="utf-8")
    return load_labels(tmp_path / "labels.yml", "labels.yml")


def test_labels_with_the_same_keys_in_both_languages_load(tmp_path):
    labels, found = load_small_labels(tmp_path, "sv:\n  case.count: '{n} exempel'\nen:\n  case.count: '{n} cases'\n")
    assert found == []
    assert labels("en", "case.count", n=6) == "6 cases"


def test_label_present_in_swedish_but_missing_in_english_is_reported(tmp_path):
    labels, found = load_small_labels(tmp_path, "sv:\n  case.facts: Fakta\n  case.years: År\nen:\n  case.facts: Facts\n")
    assert labels is None
    assert [str(p) for p in found] == ["labels.yml:3: en.case.years: label is missing (the line is the Swedish one)"]


def test_english_label_without_swedish_counterpart_is_reported_with_its_line(tmp_path):
    _, found = load_small_labels(tmp_path, "sv:\n  case.facts: Fakta\nen:\n  case.facts: Facts\n  case.extra: Extra\n")
    assert [str(p) for p in found] == ["labels.yml:5: en.case.extra: label has no Swedish counterpart"]


def test_empty_label_is_reported_with_its_line(tmp_path):
    _, found = load_small_labels(tmp_path, "sv:\n  case.facts: ''\nen:\n  case.facts: Facts\n")
    assert [str(p) for p in found] == ["labels.yml:2: sv.case.facts: label is empty"]


def test_missing_and_extra_labels_are_reported_together(tmp_path):
    _, found = load_small_labels(tmp_path, "sv:\n  a: A\n  b: B\nen:\n  a: A\n  c: C\n")
    assert len(found) == 2
    assert str(ContentError(found, 1)).endswith("2 problems in 1 of 1 content files. Nothing was built.")


# --- rules added after review -----------------------------------------------------------------------

def test_yaml_aliases_are_refused_so_a_small_file_cannot_expand_without_limit(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    found = problems(tmp_path, {CASE: bomb})
    assert found and all("anchors and aliases" in line for line in found)


def test_a_year_written_as_a_decimal_is_not_a_whole_number(tmp_path):
    found = problems_in_case(tmp_path, edited("  start: 2020\n", "  start: 2020.0\n"))
    assert found == [f"{CASE}:{line_number(TEMPLATE, '  start: 2020')}: years.start: expected a whole number, found a number 2020.0"]


def test_a_case_file_ending_in_yaml_is_reported_not_silently_skipped(tmp_path):
    assert problems(tmp_path, {"kommunnamn-omrade.yaml": TEMPLATE}) == [
        "kommunnamn-omrade.yaml: case files end in .yml; rename it to kommunnamn-omrade.yml"]


@pytest.mark.parametrize("harmless", [
    "Open data: the figures are published.", "Organisationsnummer 212000-1355.", "Avtalet gällde 01-02-2021.",
    "Budget 9 197 579 kr.", "Diarienummer 2016/00590.", "[Källan](http://socialhansyn.se/) är en blogg.",
])
def test_ordinary_text_is_not_mistaken_for_markup_links_or_personal_data(tmp_path, harmless):
    assert problems_in_case(tmp_path, edited(RESULTS_SV, f"    sv: '{harmless}'\n")) == []


def test_a_comma_splitting_a_one_line_translation_is_explained(tmp_path):
    text = edited("  name: {sv: Kommunen X, en: Municipality X}", "  name: {sv: Kommunen X, Y-stad, en: Municipality X}")
    found = problems_in_case(tmp_path, text)
    assert len(found) == 1 and "organisation.name.Y-stad: unknown field" in found[0] and "put each text in quotes" in found[0]


def test_a_comma_splitting_a_taxonomy_label_is_reported(tmp_path):
    taxonomy = (ROOT / "cases" / "_taxonomy.yml").read_text(encoding="utf-8").replace(
        'label: {sv: "Gata, park och utemiljö", en: "Streets, parks and grounds"}',
        "label: {sv: Gata, park och utemiljö, en: Streets, parks and grounds}")
    (tmp_path / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    _, found = load_taxonomy(tmp_path / "taxonomy.yml", "taxonomy.yml")
    assert any("sectors.grounds-maintenance.label: unexpected key 'park och utemiljö'" in str(p) for p in found)
