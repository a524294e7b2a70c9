"""The built key-figures pages (sv at /nyckeltal/, en at /en/nyckeltal/): each chart is an SVG image with
a title and a description, followed by a data table whose numbers are the domain's totals, and every
case link in the tables opens the page of a case the total counts.
"""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser

import pytest

from macros.content import load_content
from macros.key_figures import BREAKDOWNS, YEAR, key_figures
from macros.markup import number
from tests.conftest import ROOT

PAGES = {"sv": "nyckeltal/index.html", "en": "en/nyckeltal/index.html"}
TITLES = {"sv": "Nyckeltal", "en": "Key figures"}


class _Sections(HTMLParser):
    """Each div.kb-keyfigures__section: its child elements in order, its chart and its table rows."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.sections: list[dict] = []
        self._depth = 0          # depth inside the current section; 0 = outside
        self._text_into = None   # where character data goes: (dict, key)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if not self._depth:
            if tag == "div" and a.get("class") == "kb-keyfigures__section":
                self.sections.append({"children": [], "svg": None, "rows": [], "caption": "", "links": []})
                self._depth = 1
            return
        section = self.sections[-1]
        if self._depth == 1:
            section["children"].append(tag)
        self._depth += 1
        if tag == "svg":
            section["svg"] = {"attrs": a, "title": "", "desc": "", "tags": set()}
        elif section["svg"] is not None and self._inside("svg"):
            section["svg"]["tags"].add(tag)
            if tag in ("title", "desc"):
                section["svg"][f"{tag}_id"] = a.get("id")
                self._text_into = (section["svg"], tag)
        elif tag == "caption":
            self._text_into = (section, "caption")
        elif tag == "tr":
            section["rows"].append({"header": "", "scope": None, "cells": [], "links": []})
        elif tag == "th" and section["rows"]:
            section["rows"][-1]["scope"] = a.get("scope")
            self._text_into = (section["rows"][-1], "header")
        elif tag == "td":
            section["rows"][-1]["cells"].append("")
            self._text_into = ("cell", section["rows"][-1])
        elif tag == "a" and section["rows"]:
            section["rows"][-1]["links"].append(a["href"])

    def _inside(self, tag: str) -> bool:
        return self.sections[-1]["children"] and self.sections[-1]["children"][-1] == tag and self._depth > 2

    def handle_data(self, data):
        if self._text_into is None:
            return
        target, key = self._text_into
        if target == "cell":
            key["cells"][-1] += data
        else:
            target[key] += data

    def handle_endtag(self, tag):
        if tag in ("title", "desc", "caption", "th", "td"):
            self._text_into = None
        if self._depth:
            self._depth -= 1


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def pages(site) -> dict[str, str]:
    return {lang: (site / path).read_text(encoding="utf-8") for lang, path in PAGES.items()}


def _amount(total, lang, labels) -> str:
    value = number(total.value, lang, labels)
    return labels(lang, "case.approximately", value=value) if total.approximate else value


def _label(breakdown, value, lang, content) -> str:
    return str(value) if breakdown.category is None else content.taxonomy.label(breakdown.category, value, lang)


def _expected_tables(content, lang) -> list[list[tuple]]:
    """Per section, (row header, numbers, case ids) in table order: the number of cases first, then each measure."""
    say, figures = content.labels, key_figures(content)
    total = say(lang, "keyfigures.total")
    counts = [(total, [number(len(figures.cases.cases), lang, say), number(len(figures.cases.with_figures), lang, say)], figures.cases.cases)]
    for b in BREAKDOWNS:
        counts.append((say(lang, "keyfigures.year_of_case" if b.key == YEAR else b.label), [], ()))
        counts += [(_label(b, v, lang, content), [number(len(c.cases), lang, say), number(len(c.with_figures), lang, say)], c.cases)
                   for v, c in figures.case_rows[b.key]]
    tables = [counts]
    for m in figures.measures:
        rows = [(total, [_amount(m.total, lang, say)], m.total.cases)]
        for b in BREAKDOWNS:
            rows.append((say(lang, b.label), [], ()))
            rows += [(_label(b, v, lang, content), [_amount(t, lang, say)], t.cases) for v, t in m.rows[b.key]]
        tables.append(rows)
    return [[(header, cells, [case["id"] for case in cases]) for header, cells, cases in rows] for rows in tables]


@pytest.mark.parametrize("lang", PAGES)
def test_key_figures_page_exists_in_both_languages(pages, lang):
    text = pages[lang]
    assert re.search(rf'<html[^>]* lang="{lang}"', text)
    assert re.search(rf"<h1[^>]*>{TITLES[lang]}", text)
    assert "{{" not in text


@pytest.mark.parametrize("lang", PAGES)
def test_each_chart_is_an_svg_image_with_a_title_followed_by_its_table(pages, content, lang):
    sections = [s for s in _Sections(pages[lang]).sections if s["svg"]]
    assert len(sections) == 1 + len(key_figures(content).measures)
    for section in sections:
        svg = section["svg"]
        assert section["children"] == ["p", "svg", "table"]  # summary, chart, then its table right after it
        assert svg["attrs"]["role"] == "img" and svg["attrs"]["width"] == "100%"
        assert re.fullmatch(r"0 0 \d+ \d+", svg["attrs"]["viewbox"])  # html.parser lower-cases attribute names
        assert svg["attrs"]["aria-labelledby"] == svg["title_id"] and svg["attrs"]["aria-describedby"] == svg["desc_id"]
        assert svg["title"].strip() and svg["desc"].strip()
        assert svg["tags"] <= {"title", "desc", "text", "rect"}  # no script, image, link or foreign content
        assert section["caption"].strip()
        assert section["rows"][0]["scope"] == "col" and all(r["scope"] in ("row", "rowgroup") for r in section["rows"][1:])


@pytest.mark.parametrize("lang", PAGES)
def test_table_numbers_and_case_links_are_the_domain_totals(pages, content, lang):
    sections = [s for s in _Sections(pages[lang]).sections if s["svg"]]
    expected = _expected_tables(content, lang)
    assert len(sections) == len(expected)
    for section, rows in zip(sections, expected):
        found = [(row["header"], [c for c in row["cells"][:len(cells)]], [_case_id(href) for href in row["links"]])
                 for row, (_, cells, _) in zip(section["rows"][1:], rows)]
        assert found == rows, section["caption"]


def _case_id(href: str) -> str:
    match = re.fullmatch(r"\.\./exempel/([a-z0-9-]+)/", href)
    assert match, f"not a link to a case page: {href}"
    return match.group(1)


@pytest.mark.parametrize("lang", PAGES)
def test_every_case_link_in_the_tables_opens_a_built_case_page(site, pages, lang):
    page_folder = posixpath.dirname(PAGES[lang])
    links = [href for s in _Sections(pages[lang]).sections for row in s["rows"] for href in row["links"]]
    assert links
    for href in set(links):
        target = posixpath.normpath(posixpath.join(page_folder, href, "index.html"))
        assert (site / target).is_file(), f"{PAGES[lang]}: {href} does not resolve ({target})"
        assert re.search(r'<html[^>]* lang="' + lang + '"', (site / target).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", PAGES)
def test_catalogue_and_menu_link_to_the_key_figures_page(site, lang):
    catalogue = (site / PAGES[lang].replace("nyckeltal/", "exempel/")).read_text(encoding="utf-8")
    assert 'href="../nyckeltal/"' in catalogue
    assert re.search(rf'<a href="\.\./nyckeltal/" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*{TITLES[lang]}\s*</span>', catalogue)
