"""The open-data files say exactly what the published case files say, in the documented formats.

The expected values are read from the case data and the taxonomy file directly, and the CSV column
order is written out here as the open-data page documents it, so a slip in the export shows up.
"""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import json

import pytest
import yaml

from macros.content import load_content
from macros.open_data import (CASES_JSON, LICENCE, SCHEMA_JSON, TAXONOMY_JSON, csv_path, open_data_files)
from macros.open_data_page import file_link, render_downloads, render_fields, schema_fields
from macros.schema import case_schema
from tests.conftest import FIXTURE_CASES, ROOT

SITE = "https://kb.example/"
LANGS = ("sv", "en")
DOCUMENTED_COLUMNS = [  # as docs/oppna-data.md documents them (through open_data_fields)
    "id", "title", "organisation",
    "organisation_type", "organisation_type_label", "country", "country_label", "region", "region_label",
    "year_start", "year_end",
    "sectors", "sectors_label", "contract_types", "contract_types_label",
    "requirement_types", "requirement_types_label", "target_groups", "target_groups_label",
    "work_packages", "work_packages_label", "roles", "roles_label", "phases", "phases_label",
    "contract_value_sek", "contract_duration_months", "summary", "outcome_count", "source_urls", "last_reviewed", "url",
]
TERM_FIELDS = {"sectors": "sectors", "contract_types": "contract_types", "requirement_types": "requirement_types",
               "target_groups": "target_groups", "work_packages": "work_packages", "roles": "roles", "phases": "phases"}


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def files(content):
    return open_data_files(content, SITE)


def with_cases(content, cases):
    """The same content with other case data (Content.published is derived from .cases)."""
    return dataclasses.replace(content, cases=sorted(cases, key=lambda case: case["id"]))


def csv_rows(data: bytes) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return reader.fieldnames, rows


# --- cases.json ------------------------------------------------------------------------------------

def test_json_holds_every_published_case_exactly_as_in_its_case_file(content, files):
    document = json.loads(files[CASES_JSON])
    exported = [{key: value for key, value in case.items() if key != "url"} for case in document["cases"]]
    assert exported == content.published  # field for field: names, values, {sv, en} texts, list order
    assert document["case_count"] == len(content.published) >= 6


def test_json_gives_each_case_its_page_address_in_both_languages(files):
    for case in json.loads(files[CASES_JSON])["cases"]:
        assert case["url"] == {"sv": f"{SITE}exempel/{case['id']}/", "en": f"{SITE}en/exempel/{case['id']}/"}


def test_json_fields_follow_the_schema_order_whatever_order_the_author_wrote(content):
    shuffled = [dict(reversed(list(case.items()))) for case in content.cases]
    assert open_data_files(with_cases(content, shuffled), SITE)[CASES_JSON] == open_data_files(content, SITE)[CASES_JSON]
    order = list(case_schema(content.taxonomy)["properties"]) + ["url"]
    for case in json.loads(open_data_files(content, SITE)[CASES_JSON])["cases"]:
        assert list(case) == sorted(case, key=order.index)


def test_json_header_names_the_licence_schema_taxonomy_and_documentation(files):
    document = json.loads(files[CASES_JSON])
    assert list(document)[-1] == "cases"
    assert document["licence"]["id"] == "CC-BY-4.0"
    assert document["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/" == LICENCE["url"]
    assert document["licence"]["legal_code"] == "https://creativecommons.org/licenses/by/4.0/legalcode"
    assert document["case_schema"] == f"{SITE}data/case.schema.json"
    assert document["taxonomy"] == f"{SITE}data/taxonomy.json"
    assert document["documentation"] == {"sv": f"{SITE}oppna-data/", "en": f"{SITE}en/oppna-data/"}
    assert all(document[key]["sv"] and document[key]["en"] for key in ("title", "description", "attribution"))


def test_made_up_and_draft_cases_are_left_out():
    fixture = load_content(ROOT, FIXTURE_CASES)
    assert fixture.published and all(case.get("illustrative") for case in fixture.published)
    files = open_data_files(fixture, SITE)
    assert json.loads(files[CASES_JSON])["cases"] == []
    assert csv_rows(files[csv_path("sv")])[1] == []


def test_a_real_case_marked_illustrative_is_left_out(content):
    cases = copy.deepcopy(content.cases)
    cases[0]["illustrative"] = True
    ids = [case["id"] for case in json.loads(open_data_files(with_cases(content, cases), SITE)[CASES_JSON])["cases"]]
    assert cases[0]["id"] not in ids and len(ids) == len(content.published) - (cases[0]["status"] == "published")


# --- cases.<lang>.csv ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_csv_header_is_the_documented_columns_in_order(files, lang):
    assert csv_rows(files[csv_path(lang)])[0] == DOCUMENTED_COLUMNS


@pytest.mark.parametrize("lang", LANGS)
def test_csv_has_one_row_per_published_case_matching_it_cell_for_cell(content, files, lang):
    _, rows = csv_rows(files[csv_path(lang)])
    assert [row["id"] for row in rows] == [case["id"] for case in content.published]
    label = content.taxonomy.label
    for row, case in zip(rows, content.published):
        organisation, contract = case["organisation"], case.get("contract", {})
        assert row["title"] == case["title"][lang] and row["summary"] == case["summary"][lang]
        assert row["organisation"] == organisation["name"][lang]
        assert (row["organisation_type"], row["organisation_type_label"]) == (organisation["type"], label("organisation_types", organisation["type"], lang))
        assert (row["country"], row["country_label"]) == (organisation["country"], label("countries", organisation["country"], lang))
        region = organisation.get("region")
        assert (row["region"], row["region_label"]) == ((region, label("counties", region, lang)) if region else ("", ""))
        assert row["year_start"] == str(case["years"]["start"]) and row["year_end"] == str(case["years"].get("end", ""))
        for column, category in TERM_FIELDS.items():
            assert row[column].split("|") == case[column]
            assert row[f"{column}_label"].split("|") == [label(category, term, lang) for term in case[column]]
        assert row["contract_value_sek"] == str(contract.get("value_sek", ""))
        assert row["contract_duration_months"] == str(contract.get("duration_months", ""))
        assert row["outcome_count"] == str(len(case.get("outcomes", [])))
        assert row["source_urls"].split("|") == [source["url"] for source in case["sources"]]
        assert row["last_reviewed"] == case["last_reviewed"]
        assert row["url"] == f"{SITE}{'' if lang == 'sv' else 'en/'}exempel/{case['id']}/"


@pytest.mark.parametrize("lang", LANGS)
def test_csv_is_utf8_with_a_byte_order_mark_and_crlf_line_ends(files, lang):
    data = files[csv_path(lang)]
    assert data.startswith(b"\xef\xbb\xbfid,title,")
    assert data.count(b"\r\n") >= len(json.loads(files[CASES_JSON])["cases"]) + 1 and b"\n" not in data.replace(b"\r\n", b"")


def test_csv_quotes_commas_quotation_marks_and_line_breaks_so_the_text_survives(content):
    cases = copy.deepcopy(content.cases)
    tricky = 'Jobb, praktik och "lärlingar"\nÅ Ä Ö'
    cases[0]["summary"]["sv"] = tricky
    _, rows = csv_rows(open_data_files(with_cases(content, cases), SITE)[csv_path("sv")])
    assert next(row for row in rows if row["id"] == cases[0]["id"])["summary"] == tricky


def test_a_separator_inside_a_source_address_is_percent_encoded(content):
    cases = copy.deepcopy(content.published)
    cases[0]["sources"][0]["url"] = "https://example.org/a|b"
    _, rows = csv_rows(open_data_files(with_cases(content, cases), SITE)[csv_path("en")])
    assert rows[0]["source_urls"].split("|")[0] == "https://example.org/a%7Cb"


def test_no_taxonomy_label_contains_the_cell_separator(content):
    labels = [term.label[lang] for terms in content.taxonomy.categories.values() for term in terms.values() for lang in LANGS]
    assert not [label for label in labels if "|" in label]


# --- taxonomy.json, case.schema.json, determinism --------------------------------------------------

def test_taxonomy_file_holds_every_category_and_term_as_the_taxonomy_file_does(files):
    written = yaml.safe_load((ROOT / "cases" / "_taxonomy.yml").read_text(encoding="utf-8"))
    for measure in written["measures"].values():  # every measure states it; the file writes only `summable: false`
        measure.setdefault("summable", True)
    categories = json.loads(files[TAXONOMY_JSON])["categories"]
    assert categories == written
    assert list(categories) == list(written) and all(list(categories[c]) == list(written[c]) for c in written)


def test_schema_file_is_byte_for_byte_the_published_case_schema(files):
    assert files[SCHEMA_JSON] == (ROOT / "cases" / "_schema.json").read_bytes()


def test_the_same_content_gives_the_same_bytes_on_every_run():
    first, second = open_data_files(load_content(ROOT), SITE), open_data_files(load_content(ROOT), SITE)
    assert sorted(first) == sorted([CASES_JSON, "data/cases.sv.csv", "data/cases.en.csv", TAXONOMY_JSON, SCHEMA_JSON])
    assert first == second


# --- the open-data page's generated parts ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_field_reference_documents_every_key_case_field_and_column(content, lang):
    reference = render_fields(lang, content, "oppna-data.md")
    paths = [path for path, _, _ in schema_fields(case_schema(content.taxonomy))]
    assert {"organisation.type", "outcomes[].measure", "sources[].url", "keywords.sv"} <= set(paths)
    for name in [*paths, "url", *DOCUMENTED_COLUMNS, "title", "licence", "case_schema", "cases"]:
        assert f"<code>{name}</code>" in reference, name
    assert "{" not in reference.replace("(sv, en)", "")  # no placeholder left unfilled


def test_field_reference_is_written_in_the_page_language(content):
    sv, en = (render_fields(lang, content, "oppna-data.md") for lang in LANGS)
    assert "Organisationens namn." in sv and "The organisation&#x27;s name." in en
    assert "The organisation" not in sv and "Organisationens namn." not in en


def test_file_links_lead_from_each_language_page_to_the_one_set_of_files():
    assert file_link(CASES_JSON, "oppna-data.md", "sv") == '<a href="../data/cases.json"><code>cases.json</code></a>'
    assert file_link(CASES_JSON, "oppna-data.md", "en") == '<a href="../../data/cases.json"><code>cases.json</code></a>'


@pytest.mark.parametrize("lang", LANGS)
def test_download_list_links_every_open_data_file(content, files, lang):
    downloads = render_downloads(lang, content, "oppna-data.md")
    for path in files:
        assert f'href="{"../" * (1 if lang == "sv" else 2)}{path}"' in downloads
