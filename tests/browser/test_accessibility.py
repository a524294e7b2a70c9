"""Accessibility gate: every page type, in both languages, meets WCAG 2.0/2.1 A and AA as axe-core
checks it, and a keyboard and screen-reader user gets a skip link, one h1, the right language and
a visible focus.

axe-core (4.12) comes inside the axe-playwright-python wheel as axe.min.js and is injected into
the page: nothing is fetched. A violation is fixed where it arises (templates, CSS, generated
HTML, page text); no rule is switched off.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.taxonomy import LANGUAGES
from tests.browser.page_types import VIEW, VIEWS, VISIT_IDS, VISITS, base_url, open_view
from tests.quality import tally

WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
             "resultTypes": ["violations"]}
AXE = Axe()


def other(lang: str) -> str:
    return next(code for code in LANGUAGES if code != lang)


def described(violations: list[dict]) -> str:
    """One line per failing element: rule id, impact, where, and what the rule asks."""
    lines = [f"{len(violations)} WCAG A/AA rule(s) violated:"]
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"  {violation['id']} ({violation['impact']}) at {target}: {violation['help']}")
    return "\n".join(lines)


# --- axe-core ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("view, lang", VISITS, ids=VISIT_IDS)
def test_page_has_no_wcag_a_or_aa_violation(page, request, view, lang):
    open_view(page, view, base_url(request, view), lang)
    violations = AXE.run(page, options=WCAG_A_AA).response["violations"]
    tally("accessibility", pages=1, violations=len(violations))
    if violations:
        pytest.fail(described(violations), pytrace=False)


# WCAG 1.4.10 (reflow): content must work at 320 CSS pixels wide, what 1280 pixels are at 400 % zoom.
# Narrow screens bring the menu drawer and sideways-scrolling tables; each page type once, in Swedish.
NARROW = {"width": 320, "height": 640}


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])
def test_page_has_no_wcag_a_or_aa_violation_at_320_pixels_wide(page, request, view):
    page.set_viewport_size(NARROW)
    open_view(page, view, base_url(request, view), view.langs[0])
    violations = AXE.run(page, options=WCAG_A_AA).response["violations"]
    tally("accessibility", pages=1, violations=len(violations))
    if violations:
        pytest.fail(described(violations), pytrace=False)


def test_a_table_wider_than_the_screen_scrolls_sideways_from_the_keyboard(page, site_url):
    page.set_viewport_size(NARROW)
    open_view(page, VIEW["clauses"], site_url, "sv")  # the builder's table of details: four columns of text
    box = page.locator(".md-typeset__scrollwrap", has=page.locator("caption")).first
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label") == box.locator("caption").inner_text()
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("b => b.scrollLeft > 0", arg=box.element_handle())


# --- structure: skip link, one h1, language ----------------------------------------------------------

FROM_THE_TOP = "() => { const top = document.documentElement; top.tabIndex = -1; top.focus(); }"
FOCUSED_IN_CONTENT = "() => document.activeElement.closest('article.md-content__inner') !== null"


@pytest.mark.parametrize("view", VIEWS, ids=[view.name for view in VIEWS])  # one template: each page type once
def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, request, view):
    page.goto(view.url(base_url(request, view), view.langs[-1]))  # in English where there is one
    page.evaluate(FROM_THE_TOP)  # a script may have moved the focus (the search box): start from the top
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')"), \
        f"the first Tab stop is {page.evaluate('document.activeElement.outerHTML.slice(0, 120)')}, not the skip link"
    target = page.get_attribute(".md-skip", "href")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == target
    assert page.evaluate("h => document.getElementById(h.slice(1)).closest('article.md-content__inner') !== null", target)
    page.keyboard.press("Tab")  # the next stop comes after the header and the navigation
    assert page.evaluate(FOCUSED_IN_CONTENT), \
        f"after the skip link, Tab went to {page.evaluate('document.activeElement.outerHTML.slice(0, 120)')}"


def built_pages(site) -> dict[str, str]:
    """Every HTML page of the built site (both languages, the 404 page too), by its path in the site."""
    return {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in sorted(site.rglob("*.html"))}


def test_every_page_has_exactly_one_h1(site):
    pages = built_pages(site)
    counts = {path: len(re.findall(r"<h1[\s>]", html)) for path, html in pages.items()}
    assert len(pages) > 100 and "en/index.html" in pages
    assert {path: count for path, count in counts.items() if count != 1} == {}


def test_html_lang_is_sv_on_swedish_pages_and_en_on_english_pages(site):
    declared = {path: re.search(r'<html\b[^>]*\blang="([^"]*)"', html) for path, html in built_pages(site).items()}
    wrong = {path: match and match.group(1) for path, match in declared.items()
             if (match and match.group(1)) != ("en" if path.startswith("en/") else "sv")}
    assert wrong == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_selector_names_each_language_in_its_own_lang(page, site_url, lang):
    open_view(page, VIEW["home"], site_url, lang)
    links = page.eval_on_selector_all("a.md-select__link", "links => links.map(a => [a.hreflang, a.closest('[lang]').lang, a.textContent.trim()])")
    assert {hreflang for hreflang, _, _ in links} == set(LANGUAGES)
    assert [(hreflang, name) for hreflang, marked, name in links if marked != hreflang] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_terms_in_another_language_carry_their_lang(page, site_url, lang):
    open_view(page, VIEW["glossary"], site_url, lang)
    column = LANGUAGES.index(other(lang)) + 1  # the term columns follow the site's language order
    assert page.get_attribute(f"thead th:nth-child({column})", "lang") == other(lang)  # "English" on the Swedish page
    terms = page.eval_on_selector_all(f"tbody td:nth-child({column})",
                                      "cells => cells.map(c => [c.querySelector('[lang]')?.lang || '', c.textContent.trim()])")
    assert [text for marked, text in terms if not marked] == []  # every term says its language ...
    assert len([marked for marked, _ in terms if marked == other(lang)]) > 40  # ... mostly the other one
    foreign = dict(page.eval_on_selector_all("tbody td:nth-child(1) [lang]", "terms => terms.map(t => [t.textContent, t.lang])"))
    assert (foreign["lærlingkrav"], foreign["työllistämisehto"]) == ("no", "fi")  # terms from other countries


# --- focus ------------------------------------------------------------------------------------------

NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"
FOCUS = """() => {
  const element = document.activeElement, style = getComputedStyle(element), box = element.getBoundingClientRect();
  let opacity = 1;
  for (let node = element; node; node = node.parentElement) opacity *= parseFloat(getComputedStyle(node).opacity);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return {element: element.outerHTML.slice(0, 100).replace(/\\s+/g, ' '), tag: element.tagName.toLowerCase(),
          shown: outline || style.boxShadow !== 'none',
          visible: opacity > 0 && style.visibility === 'visible' && box.width > 0 && box.height > 0};
}"""
FOCUS_VIEWS = ["guide", "catalogue-filtered", "search", "search-results", "placement-result", "clauses-filled"]


@pytest.mark.parametrize("name", FOCUS_VIEWS)
def test_every_tab_stop_is_visible_and_shows_a_focus_outline(page, request, name):
    view = VIEW[name]
    open_view(page, view, base_url(request, view), "sv")  # the same controls and styles in both languages
    page.add_style_tag(content=NO_TRANSITIONS)  # judge the focused state itself, not a fade into it
    page.evaluate(FROM_THE_TOP)
    stops, problems = [], []
    for _ in range(400):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus["tag"] in ("body", "html"):  # past the last stop
            break
        stops.append(focus["tag"])
        if not (focus["visible"] and focus["shown"]):
            problems.append(f"  {'no focus outline' if focus['visible'] else 'invisible'}: {focus['element']}")
    assert {"a", "button"} <= set(stops) and {"input", "select", "summary"} & set(stops), stops  # a link, a button, a control
    assert not problems, f"{len(problems)} of {len(stops)} Tab stops:\n" + "\n".join(problems)
