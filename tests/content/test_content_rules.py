"""The real content obeys the rules: every case valid, pages paired with the same headings, all documented."""

from __future__ import annotations

import re

import pytest

from macros.content import case_files, load_content
from macros.page_pairs import unpaired_pages
from macros.schema import case_schema, schema_json
from macros.taxonomy import LANGUAGES
from tests.conftest import ROOT

DOCS = ROOT / "docs"
CONTENT = load_content(ROOT)


def test_every_real_case_is_valid_and_there_are_at_least_six_published():
    assert len(CONTENT.published) >= 6


def test_every_real_case_has_at_least_one_source_or_is_illustrative():
    for case in CONTENT.cases:
        assert case.get("illustrative") or case.get("sources"), case["id"]


@pytest.mark.parametrize("path", case_files(ROOT / "cases"), ids=lambda p: p.name)
def test_every_case_file_names_the_schema_for_editors(path):
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=_schema.json\n")


def test_published_json_schema_is_generated_from_the_taxonomy():
    # After editing _taxonomy.yml run: python scripts/check_content.py --write-schema
    assert (ROOT / "cases" / "_schema.json").read_text(encoding="utf-8") == schema_json(CONTENT.taxonomy)


def test_every_hand_written_page_exists_in_both_languages():
    assert unpaired_pages(DOCS, LANGUAGES) == []


def _headings(path) -> list[str]:
    """Heading levels in order, ignoring fenced code."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [m.group(1) for m in re.finditer(r"^(#{1,6}) ", text, flags=re.M)]


@pytest.mark.parametrize("page", sorted(p for p in DOCS.rglob("*.md") if not p.name.endswith(".en.md")),
                         ids=lambda p: p.relative_to(DOCS).as_posix())
def test_each_page_pair_has_the_same_heading_structure_and_one_h1(page):
    english = page.with_name(page.name.replace(".md", ".en.md"))
    assert _headings(page) == _headings(english)
    assert _headings(page).count("#") == 1


def _schema_fields(schema: dict, prefix: str = "") -> list[str]:
    fields = []
    for name, spec in schema.get("properties", {}).items():
        fields.append(prefix + name)
        if spec.get("$comment") != "bilingual":
            fields += _schema_fields(spec.get("items", spec), f"{prefix}{name}.")
    return fields


def test_authoring_template_shows_every_schema_field_with_a_swedish_and_english_comment():
    template = (ROOT / "cases" / "_template.yml").read_text(encoding="utf-8").splitlines()
    for field in _schema_fields(case_schema(CONTENT.taxonomy)):
        index = 0
        for name in field.split("."):  # find each part after its parent, so 'keywords.sv' is not 'title.sv'
            index = next((i for i, line in enumerate(template) if i >= index and re.match(rf"\s*(- )?{name}:", line)), None)
            assert index is not None, f"{field} is not in the template"
        comment = template[index - 1].strip()
        assert comment.startswith("#"), f"{field} has no comment line above it"
        assert " / " in comment or "|" in comment, f"{field}'s comment is not in both languages: {comment}"


@pytest.mark.parametrize("page", sorted(DOCS.rglob("*.md")), ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_hand_written_page_states_when_it_was_last_reviewed(page):
    front = re.match(r"\A---\n(.*?)\n---\n", page.read_text(encoding="utf-8"), re.S)
    if page.name.startswith("sok."):  # the search page has no content of its own to review
        return
    assert front and re.search(r"^last_reviewed: \d{4}-\d{2}-\d{2}$", front.group(1), re.M), "front matter needs last_reviewed"
