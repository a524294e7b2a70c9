"""Search finds pages in the reader's language only, and finds inflected forms and compound words."""

from __future__ import annotations

import pytest

from macros.content import load_content
from tests.conftest import ROOT

# Pagefind's own API, run in the page: it picks the index of the page's <html lang>.
SEARCH = """async (term) => {
  const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI.replace(/en\\/.*$/, '')).href);
  const search = await pagefind.search(term);
  const pages = await Promise.all(search.results.map((result) => result.data()));
  return pages.map((page) => page.url);
}"""


def search(page, site_url: str, lang_root: str, term: str) -> list[str]:
    page.goto(f"{site_url}/{lang_root}")
    return page.evaluate(SEARCH, term)


@pytest.mark.parametrize("term", ["upphandling", "upphandlingen", "upphandlingar"])
def test_swedish_search_finds_inflected_forms_and_only_swedish_pages(page, site_url, term):
    found = search(page, site_url, "", term)
    assert "/sysselsattningskrav/" in found and "/exempel/trafikverket-tumregel/" in found
    assert not [url for url in found if url.startswith("/en/")]


@pytest.mark.parametrize("term", ["procurement", "procurements"])
def test_english_search_finds_inflected_forms_and_only_english_pages(page, site_url, term):
    found = search(page, site_url, "en/", term)
    assert "/en/sysselsattningskrav/" in found
    assert found and all(url.startswith("/en/") for url in found)


def _swedish_text(case: dict) -> str:
    texts = [case["title"]["sv"], case["summary"]["sv"], *(part["sv"] for part in case["story"].values())]
    return " ".join(texts).lower()


def test_compound_word_finds_every_case_that_speaks_of_internships(page, site_url):
    # "praktikplatser" must find cases that only say "praktik": their keywords carry the compound
    cases = [case for case in load_content(ROOT).published if "praktik" in _swedish_text(case)]
    assert cases
    found = search(page, site_url, "", "praktikplatser")
    assert {f"/exempel/{case['id']}/" for case in cases} <= set(found)


def test_header_search_opens_the_search_page_of_the_same_language_with_results(page, site_url):
    page.goto(f"{site_url}/en/exempel/")
    page.fill("#kb-header-q", "procurement")
    page.press("#kb-header-q", "Enter")
    page.wait_for_url(f"{site_url}/en/sok/?q=procurement")
    page.wait_for_selector(".kb-search__results a")
    links = page.eval_on_selector_all(".kb-search__results a", "els => els.map(e => e.getAttribute('href'))")
    assert links and all(link.startswith("/en/") for link in links)
    assert page.input_value("#kb-header-q") == "procurement"


def test_a_search_without_results_says_so_in_the_live_status(page, site_url):
    page.goto(f"{site_url}/sok/?q=qwxzyv")
    status = page.locator("#kb-search-status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    page.wait_for_function("document.getElementById('kb-search-status').textContent.startsWith('Inga träffar')")
    assert page.locator(".kb-search__results li").count() == 0


def test_search_page_form_updates_the_address_and_back_returns_to_the_previous_search(page, site_url):
    page.goto(f"{site_url}/en/sok/?q=procurement")
    page.wait_for_selector(".kb-search__results a")
    page.fill("#kb-search-q", "internship")
    page.press("#kb-search-q", "Enter")
    page.wait_for_url(f"{site_url}/en/sok/?q=internship")
    page.go_back()
    page.wait_for_url(f"{site_url}/en/sok/?q=procurement")
    assert page.input_value("#kb-search-q") == "procurement"
