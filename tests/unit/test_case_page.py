"""Rendering a case: every fact on the page, author text never turned into markup."""

from __future__ import annotations

import copy
import datetime as dt

import markdown
import pytest
import yaml

from macros.case_page import render_case
from macros.content import load_content
from macros.urls import Site
from tests.conftest import ROOT

SITE = Site("https://kb.example/", "Kunskapsbank")

TEMPLATE = ROOT / "cases" / "_template.yml"


@pytest.fixture
def content(tmp_path):
    (tmp_path / "kommunnamn-omrade.yml").write_text(TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return load_content(ROOT, tmp_path, today=dt.date(2026, 11, 29))


def _html(case, lang, content) -> str:
    """The page as MkDocs would render it (same extensions as mkdocs.yml)."""
    body = render_case(case, lang, content, SITE).split("---\n", 2)[2]
    return markdown.markdown(body, extensions=["admonition", "attr_list", "def_list", "tables", "md_in_html"])


def test_case_page_shows_title_summary_facts_outcomes_story_and_sources_in_swedish(content):
    case = content.cases[0]
    html = _html(case, "sv", content)
    for expected in (case["title"]["sv"], case["summary"]["sv"], "Kommunen X (Kommun)", "Skåne län, Sverige",
                     "2020–2022", "Städ och lokalvård", "Praktik, Dialogkrav", "10\u00a0000\u00a0000 kr, 48 månader",
                     "Personer som fått anställning", case["story"]["background"]["sv"], case["sources"][0]["title"],
                     "Senast granskad: 29 november 2026"):
        assert expected in html


def test_case_page_in_english_uses_english_labels_and_numbers(content):
    html = _html(content.cases[0], "en", content)
    assert "Municipality X (Municipality)" in html
    assert "SEK 10,000,000, 48 months" in html
    assert "Last reviewed: 29 November 2026" in html
    assert "(Kommun)" not in html and "Senast granskad" not in html


def test_each_outcome_links_its_own_source(content):
    html = _html(content.cases[0], "sv", content)
    assert '<td><a href="https://www.example.se/nyheter/praktik">Kommunen X</a></td>' in html


def test_work_packages_link_to_their_pages(content):
    assert "[Kontraktsvillkor](../arbetspaket/wp05.md)" in render_case(content.cases[0], "sv", content, SITE)


def test_illustrative_case_carries_a_banner_and_real_case_does_not(content):
    case = copy.deepcopy(content.cases[0])
    assert "Påhittat exempel" not in _html(case, "sv", content)
    case["illustrative"] = True
    html = _html(case, "sv", content)
    assert 'class="admonition warning"' in html and "Påhittat exempel" in html


def test_markup_in_author_text_is_shown_as_text_not_rendered(content):
    # Validation rejects such text; rendering must still be safe if it ever got through.
    case = copy.deepcopy(content.cases[0])
    case["title"]["sv"] = "<img src=x onerror=alert(1)> *fet*"
    case["story"]["background"]["sv"] = "<script>alert(1)</script>"
    html = _html(case, "sv", content)
    assert "<img" not in html and "<script" not in html and "<em>fet</em>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_approximate_figures_say_so(content):
    case = copy.deepcopy(content.cases[0])
    case["outcomes"][0].update(value=1500, approximate=True)
    assert "cirka 1\u00a0500" in _html(case, "sv", content)
    assert "about 1,500" in _html(case, "en", content)


def test_front_matter_quotes_titles_safely(content):
    case = copy.deepcopy(content.cases[0])
    case["title"]["sv"] = 'Krav: "citat" och # tecken'
    front = yaml.safe_load(render_case(case, "sv", content, SITE).split("---\n")[1])
    assert front["title"] == 'Krav: "citat" och # tecken'
