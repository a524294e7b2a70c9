"""The real site, built strictly: every case in both languages, right language markup, no template leftovers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from macros.content import load_content
from tests.conftest import ROOT

CASES = load_content(ROOT).published
LANGUAGE_PREFIX = {"sv": "", "en": "en/"}


def _html(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def _alternates(html: str) -> dict[str, str]:
    return dict((lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]+)"', html))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_case_has_a_page_in_each_language_with_its_title_and_lang(site, case, lang):
    html = _html(site, f"{LANGUAGE_PREFIX[lang]}exempel/{case['id']}")
    assert f'<html lang="{lang}"' in html
    h1 = re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", html, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", h1).replace("&amp;", "&") == case["title"][lang]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_pages_name_their_counterpart_as_hreflang_alternate(site, case):
    sv, en = _html(site, f"exempel/{case['id']}"), _html(site, f"en/exempel/{case['id']}")
    assert _alternates(sv)["en"].endswith(f"en/exempel/{case['id']}/")
    assert _alternates(en)["sv"].endswith(f"exempel/{case['id']}/") and "/en/" not in _alternates(en)["sv"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_language_selector_links_the_same_case(site, case):
    sv = _html(site, f"exempel/{case['id']}")
    selector = re.search(r'<a href="([^"]+)" hreflang="en" class="md-select__link">', sv)
    assert selector and selector.group(1).endswith(f"en/exempel/{case['id']}/")


def test_every_case_page_shows_its_sources_and_last_review(site):
    for case in CASES:
        html = _html(site, f"exempel/{case['id']}")
        for source in case["sources"]:
            assert f'href="{source["url"].replace("&", "&amp;")}"' in html
        assert "Senast granskad" in html


def test_no_template_markers_leak_into_the_site(site):
    leaks = [str(p.relative_to(site)) for p in site.rglob("*.html") if "{{" in p.read_text(encoding="utf-8") or "{%" in p.read_text(encoding="utf-8")]
    assert leaks == []


def test_sitemap_lists_both_languages_of_every_case(site):
    tree = ET.parse(site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locations = {loc.text for loc in tree.findall(".//s:loc", ns)}
    alternates = {link.get("href") for link in tree.findall(".//x:link", ns)}
    for case in CASES:
        assert any(loc.endswith(f"/exempel/{case['id']}/") and "/en/" not in loc for loc in locations)
        assert any(href.endswith(f"/en/exempel/{case['id']}/") for href in alternates)


def test_no_page_requests_fonts_or_scripts_from_another_host(site):
    outside = re.compile(r'(?:src|href)="(https?:)?//(?!127\.0\.0\.1)[^"]*\.(?:css|js|woff2?)"')
    offenders = [str(p.relative_to(site)) for p in site.rglob("*.html") if outside.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def test_work_package_pages_list_the_cases_filed_under_them(site):
    content = load_content(ROOT)
    for wp in content.taxonomy.ids("work_packages"):
        html = _html(site, f"arbetspaket/{wp}")
        for case in content.published:
            linked = f'href="../../exempel/{case["id"]}/"' in html
            assert linked == (wp in case["work_packages"]), (wp, case["id"])
