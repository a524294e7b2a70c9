"""Permalink and citation on case pages: "copy link" copies the page's full address (from site_url)
and says so in a live region; without a clipboard the address is selected instead; without
JavaScript the address is plain text and no button shows. The citation names the case, its
organisation, the site, the address and the review date, in the page's language.
"""

from __future__ import annotations

import functools

import pytest
from mkdocs.config import load_config

from macros.content import load_content
from macros.markup import long_date
from macros.urls import case_doc, page_url
from tests.browser.page_types import LANG_ROOT
from tests.conftest import ROOT

LABELS = load_content(ROOT).labels
CASE = next(case for case in load_content(ROOT).published if case["id"] == "trafikverket-tumregel")


@functools.cache
def site_config():
    """mkdocs.yml as the build reads it (site_url may come from SITE_URL)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def site_name(lang: str) -> str:
    """The site's name in a language: mkdocs.yml's, or the one its i18n settings give that language."""
    config = site_config()
    language = next(language for language in config.plugins["i18n"].config.languages if language.locale == lang)
    return language.site_name or config.site_name


def full_address(lang: str) -> str:
    return site_config().site_url + page_url(case_doc(CASE["id"]), lang)


def open_case(page, site_url: str, lang: str):
    page.set_default_timeout(10_000)
    page.goto(site_url + LANG_ROOT[lang] + f"exempel/{CASE['id']}/")
    return page


@pytest.fixture
def clipboard_page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page()
    context.close()


# --- copy link --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_copy_link_copies_the_full_address_and_announces_it(clipboard_page, site_url, lang):
    page = open_case(clipboard_page, site_url, lang)
    assert page.get_attribute("link[rel=canonical]", "href") == full_address(lang)
    page.get_by_role("button", name=LABELS(lang, "case.copy_link")).click()
    status = page.get_by_role("status").filter(has_text=LABELS(lang, "case.copy_link_done"))
    status.wait_for()  # the clipboard answers asynchronously
    assert status.is_visible() and status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == full_address(lang)


def test_copy_link_announces_again_when_pressed_twice(clipboard_page, site_url):
    page = open_case(clipboard_page, site_url, "sv")
    button = page.get_by_role("button", name=LABELS("sv", "case.copy_link"))
    button.click()
    page.get_by_role("status").filter(has_text=LABELS("sv", "case.copy_link_done")).wait_for()
    page.evaluate("""() => { window.kbAnnounced = [];
      new MutationObserver(() => window.kbAnnounced.push(document.querySelector('.kb-permalink [role=status]').textContent))
        .observe(document.querySelector('.kb-permalink [role=status]'), { childList: true, characterData: true, subtree: true }); }""")
    button.click()
    page.wait_for_function("window.kbAnnounced.at(-1) === " + repr(LABELS("sv", "case.copy_link_done")))
    assert "" in page.evaluate("window.kbAnnounced")  # cleared first, so a screen reader speaks it again


def test_without_a_clipboard_the_address_is_selected_and_the_reader_told_how_to_copy(page, site_url):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', { value: undefined })")
    open_case(page, site_url, "en").get_by_role("button", name=LABELS("en", "case.copy_link")).click()
    page.get_by_role("status").filter(has_text=LABELS("en", "case.copy_link_failed")).wait_for()
    assert page.evaluate("window.getSelection().toString()") == full_address("en")


def test_when_the_clipboard_refuses_the_address_is_selected(page, site_url):
    page.add_init_script("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))")
    open_case(page, site_url, "sv").get_by_role("button", name=LABELS("sv", "case.copy_link")).click()
    page.get_by_role("status").filter(has_text=LABELS("sv", "case.copy_link_failed")).wait_for()
    assert page.evaluate("window.getSelection().toString()") == full_address("sv")


def test_without_javascript_the_address_is_text_and_no_button_shows(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = open_case(context.new_page(), site_url, "sv")
    assert page.inner_text(".kb-permalink__url") == full_address("sv")
    assert page.get_by_role("button", name=LABELS("sv", "case.copy_link")).count() == 0  # hidden: not in the accessibility tree
    assert page.locator(".kb-permalink__copy").count() == 1
    context.close()


# --- citation ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_citation_gives_title_organisation_site_address_and_review_date_in_the_pages_language(page, site_url, lang):
    reviewed = long_date(CASE["last_reviewed"], lang, LABELS)
    expected = (f"{CASE['title'][lang]}. {CASE['organisation']['name'][lang]}. {site_name(lang)}. {full_address(lang)}. "
                f"{LABELS(lang, 'page.last_reviewed')} {reviewed}.")
    citation = open_case(page, site_url, lang).locator("blockquote.kb-cite")
    assert " ".join(citation.inner_text().split()) == expected
    assert page.get_by_text(LABELS(lang, "case.cite_intro")).is_visible()


def test_citation_can_be_selected_as_a_whole_by_a_triple_click(page, site_url):
    citation = open_case(page, site_url, "en").locator("blockquote.kb-cite p")
    citation.click(click_count=3)
    assert page.evaluate("window.getSelection().toString()").strip() == citation.inner_text().strip()
