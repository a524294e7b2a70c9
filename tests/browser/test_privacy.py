"""Privacy gate: reading the site, searching it and using its tools sends nothing to any host but the
site's own, and leaves nothing in the browser that could recognise the reader again.

What the privacy page (docs/integritet*.md) promises: no cookies, no analytics, no fonts, scripts,
images or other files from other sites. The browser checks every page type in both languages and
a reader's session of searching, filtering and using the tools; the scan of the built files finds
what a browser test could miss (a resource only some readers' browsers load).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from macros.taxonomy import LANGUAGES
from tests.browser.page_types import VIEW, VISIT_IDS, VISITS, base_url, open_view
from tests.conftest import ROOT
from tests.quality import tally

SEARCH_TERM = {"sv": "upphandling", "en": "procurement"}
STORED = "() => ({cookie: document.cookie, local: {...localStorage}, session: {...sessionStorage}})"


def watch_requests(page, base: str) -> list[str]:
    """The list that collects every request to a host other than `base`'s (data: URLs never leave the browser)."""
    own = urlsplit(base).netloc
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url)
            if urlsplit(request.url).scheme not in ("data", "blob") and urlsplit(request.url).netloc != own else None)
    return outside


def assert_nothing_stored(page) -> int:
    """No cookie, and nothing in localStorage or sessionStorage; returns the number of cookies (0)."""
    cookies = page.context.cookies()
    stored = page.evaluate(STORED)
    assert cookies == [] and stored["cookie"] == "", f"cookies set: {cookies or stored['cookie']}"
    # Material keeps a palette choice, a cookie consent or instant-navigation state in web storage when
    # those features are on; none is. Anything stored must first be named on the privacy page.
    assert stored["local"] == {} and stored["session"] == {}, f"web storage in use: {stored}"
    return len(cookies)


# --- every page type, as it is read --------------------------------------------------------------------

@pytest.mark.parametrize("view, lang", VISITS, ids=VISIT_IDS)
def test_page_requests_nothing_from_other_hosts_and_stores_nothing(page, request, view, lang):
    base = base_url(request, view)
    outside = watch_requests(page, base)
    open_view(page, view, base, lang)
    page.wait_for_load_state("networkidle")
    tally("privacy", pages=1, external_requests=len(outside), cookies=len(page.context.cookies()))
    assert outside == [], f"requests to other hosts: {outside}"
    assert_nothing_stored(page)


# --- a reader's session: search, filters, tools, language switch ----------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_searching_filtering_and_using_the_tools_requests_nothing_from_other_hosts(page, site_url, lang):
    outside = watch_requests(page, site_url)
    steps = [search_from_the_header, filter_the_catalogue, answer_the_suitability_check,
             fill_in_the_placement_estimator, fill_in_the_clause_builder, switch_language]
    for step in steps:
        step(page, site_url, lang)
        page.wait_for_load_state("networkidle")
    cookies = assert_nothing_stored(page)
    tally("privacy", pages=len(steps), external_requests=len(outside), cookies=cookies)
    assert outside == [], f"requests to other hosts: {outside}"


def search_from_the_header(page, site_url, lang):
    open_view(page, VIEW["home"], site_url, lang)
    page.fill("#kb-header-q", SEARCH_TERM[lang])
    page.press("#kb-header-q", "Enter")
    page.wait_for_selector(".kb-search__results a")
    if page.is_visible(".kb-more"):
        page.click(".kb-more")  # the next page of results loads more fragments


def filter_the_catalogue(page, site_url, lang):
    open_view(page, VIEW["catalogue"], site_url, lang)
    page.locator("details.kb-facet", has=page.locator('input[name="sector"]')).locator("summary").click()
    page.check('input[name="sector"][value="cleaning"]')
    page.fill("#kb-q", "stad")
    page.wait_for_function("location.search.includes('sector=cleaning')")


def answer_the_suitability_check(page, site_url, lang):
    open_view(page, VIEW["suitability"], site_url, lang)
    for answer in page.locator('#kb-tool-form input[type="radio"][value="yes"]').all():
        answer.check()
    page.wait_for_selector("#kb-tool-result:not([hidden])")


def fill_in_the_placement_estimator(page, site_url, lang):
    open_view(page, VIEW["placement"], site_url, lang)
    page.fill('input[name="value"]', "50000000")
    page.check('input[name="type"][value="services"]')
    page.fill('input[name="months"]', "36")
    page.wait_for_selector("#kb-tool-result:not([hidden])")


def fill_in_the_clause_builder(page, site_url, lang):
    open_view(page, VIEW["clauses"], site_url, lang)
    page.check('input[name="variant"][value="bonus"]')
    page.fill('input[name="bonus-amount"]', "5000")
    page.wait_for_function("location.search.includes('bonus-amount=5000')")


def switch_language(page, site_url, lang):
    open_view(page, VIEW["guide"], site_url, lang)
    page.locator(".md-select").first.hover()  # Material's selector opens on hover and looks up the other language's page
    other = next(code for code in LANGUAGES if code != lang)
    page.click(f"a.md-select__link[hreflang='{other}']")
    page.wait_for_function(f"document.documentElement.lang === '{other}'")


# --- the built files: what any browser would load ----------------------------------------------------

LOADING_ATTRIBUTES = {  # tag -> the attributes whose URL the browser fetches without a click
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",), "frame": ("src",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "embed": ("src",), "object": ("data",),
    "input": ("src",), "image": ("href",), "use": ("href",),
}
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload", "modulepreload",
                 "prefetch", "preconnect", "dns-prefetch"}  # <link rel> that fetch; alternate and canonical do not
ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.I)
CSS_URL = re.compile(r"""@import\s+(?:url\()?\s*["']?([^"')\s;]+)|url\(\s*["']?([^"')\s]+)""", re.I)


class _Resources(HTMLParser):
    """The URLs a page makes the browser fetch: script, image, frame and media sources, fetched <link>s, inline style url()s."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        names = LOADING_ATTRIBUTES.get(tag, ())
        if tag == "link" and FETCHED_LINKS & set(values.get("rel", "").lower().split()):
            names = ("href", "imagesrcset")
        for name in names:
            self.urls += [part.split()[0] for part in values.get(name, "").split(",") if part.strip()]
        self.urls += [next(filter(None, match)) for match in CSS_URL.findall(values.get("style", ""))]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])


def off_site(urls, own_host: str) -> list[str]:
    return [url for url in urls if ABSOLUTE.match(url) and urlsplit(url.strip()).netloc != own_host]


def test_built_pages_load_no_script_style_font_or_image_from_another_host(site):
    own_host = urlsplit(site_url_setting()).netloc  # absolute URLs to the site itself (hreflang, canonical) are fine
    found = []
    for path in sorted(site.rglob("*.html")):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(site)}: {url}" for url in off_site(parser.urls, own_host)]
    assert found == []


def test_built_stylesheets_import_nothing_from_another_host(site):
    found = []
    for path in sorted(site.rglob("*.css")):
        urls = [next(filter(None, match)) for match in CSS_URL.findall(path.read_text(encoding="utf-8"))]
        found += [f"{path.relative_to(site)}: {url}" for url in off_site(urls, "")]
    assert found == []


def test_our_scripts_name_no_other_host(site):
    ours = [site / "assets" / "javascripts" / source.name for source in sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))]
    assert len(ours) >= 4  # catalogue, search and the tools, as built
    found = [f"{path.name}: {url}" for path in ours for url in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"'`)]*", path.read_text(encoding="utf-8"))]
    assert found == []


def test_no_page_makes_material_fetch_a_script_from_another_host(site):
    # Material's bundle loads mermaid from unpkg.com for a page with a .mermaid diagram, and asks
    # api.github.com about a repository when repo_url is set. Neither may happen on this site.
    triggers = {path.relative_to(site).as_posix() for path in site.rglob("*.html")
                if re.search(r'class="[^"]*\bmermaid\b|class="md-source"', path.read_text(encoding="utf-8"))}
    assert triggers == set()


def site_url_setting() -> str:
    """The site_url the pages were built with (mkdocs.yml; SITE_URL when publishing)."""
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml")).site_url
