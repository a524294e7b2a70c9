"""The open data in the real built site: the files sit at the documented paths, hold what the domain
makes from the cases, and are linked from the open-data page and the catalogue in both languages."""

from __future__ import annotations

import csv
import io
import json

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.content import load_content
from macros.open_data import COLUMNS, LICENCE, open_data_files
from tests.conftest import ROOT
from tests.site_pages import read_site, resolve

SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]  # as the build reads it
DOCUMENTED_PATHS = ["data/cases.json", "data/cases.sv.csv", "data/cases.en.csv", "data/taxonomy.json", "data/case.schema.json"]
OPEN_DATA_PAGE = {"sv": "oppna-data/index.html", "en": "en/oppna-data/index.html"}
CATALOGUE_PAGE = {"sv": "exempel/index.html", "en": "en/exempel/index.html"}


@pytest.fixture(scope="module")
def built(site):
    return read_site(site)


def _linked_files(built, page_path: str) -> set[str]:
    """The site files a page links to."""
    page = built.pages[page_path]
    targets = (resolve(built, page, link.url, SITE_URL) for link in page.links if link.tag == "a")
    return {target.path for target in targets if target is not None and target.path}


def test_open_data_files_are_written_at_the_documented_paths_as_the_domain_makes_them(site):
    expected = open_data_files(load_content(ROOT), SITE_URL)
    assert sorted(expected) == sorted(DOCUMENTED_PATHS)
    for path in DOCUMENTED_PATHS:
        assert (site / path).read_bytes() == expected[path], path


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_open_data_page_links_every_file_and_the_links_resolve(built, lang):
    assert set(DOCUMENTED_PATHS) <= _linked_files(built, OPEN_DATA_PAGE[lang])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_open_data_page_links_the_licence_and_its_legal_code(built, lang):
    urls = {link.url for link in built.pages[OPEN_DATA_PAGE[lang]].links}
    assert {LICENCE["url"], LICENCE["legal_code"]} <= urls


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_catalogue_links_the_open_data_page(built, lang):
    assert OPEN_DATA_PAGE[lang] in _linked_files(built, CATALOGUE_PAGE[lang])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_built_csv_opens_with_the_documented_header_row_and_one_row_per_case(site, lang):
    text = (site / f"data/cases.{lang}.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    cases = json.loads((site / "data/cases.json").read_text(encoding="utf-8"))["cases"]
    assert [row[0] for row in rows[1:]] == [case["id"] for case in cases] and len(cases) >= 6


@pytest.mark.parametrize("path", [p for p in DOCUMENTED_PATHS if p.endswith(".json")])
def test_built_json_files_parse(site, path):
    assert json.loads((site / path).read_text(encoding="utf-8"))


def test_case_page_addresses_in_the_data_are_pages_of_the_site(built):
    cases = json.loads((built.root / "data/cases.json").read_text(encoding="utf-8"))["cases"]
    for case in cases:
        for url in case["url"].values():
            assert url.startswith(SITE_URL) and url[len(SITE_URL):] + "index.html" in built.pages, url
