"""A reader on a case page who switches language lands on the same case in the other language."""

from __future__ import annotations

from macros.content import load_content
from tests.conftest import ROOT


def _heading(page) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    return page.locator("h1").inner_text().rstrip("¶").strip()


def _a_published_case() -> dict:
    return load_content(ROOT).published[0]


def test_switching_language_on_a_case_keeps_the_case(page, site_url):
    case = _a_published_case()
    page.goto(f"{site_url}/exempel/{case['id']}/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert _heading(page) == case["title"]["sv"]

    page.locator(".md-select").first.hover()  # Material's language selector opens on hover or focus
    page.locator("a.md-select__link[hreflang='en']").click()

    page.wait_for_url(f"{site_url}/en/exempel/{case['id']}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert _heading(page) == case["title"]["en"]


def test_switching_back_to_swedish_returns_to_the_swedish_case(page, site_url):
    case = _a_published_case()
    page.goto(f"{site_url}/en/exempel/{case['id']}/")
    page.locator(".md-select").first.hover()
    page.locator("a.md-select__link[hreflang='sv']").click()
    page.wait_for_url(f"{site_url}/exempel/{case['id']}/")
    assert _heading(page) == case["title"]["sv"]
