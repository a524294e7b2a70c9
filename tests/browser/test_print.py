"""Printing: case pages, guides, checklists and tool results come out of headless Chromium as A4 PDFs
with the article alone: its full address and review date under the title, other sites' addresses
written out, no table row or heading cut from its text, and nothing of the header, menu, search,
table of contents or footer.

Each page is printed once (a module fixture); the PDF's text is read with pypdf. What a printout
must hold is derived from the sources (front matter, case files, labels, mkdocs.yml) and from the
page on screen (its headings, its menu), never written out here.
"""

from __future__ import annotations

import functools
import io
import math
import re
from dataclasses import dataclass

import pypdf
import pytest
import yaml
from mkdocs.config import load_config

from macros.content import load_content
from macros.markup import long_date
from macros.urls import page_url
from tests.browser.page_types import LANG_ROOT, _suitability_answers
from tests.conftest import ROOT

CONTENT = load_content(ROOT)
A4_POINTS = (595.3, 841.9)  # 210 × 297 mm
# How much text an A4 page holds at the print type size, in characters without spaces: measured
# 850–4,000 a page, 1,700–2,400 on average over a printout. A printout on fewer pages than its text
# over MOST has shrunk; on more than its text over LEAST it wastes paper (a blank page, a narrow
# column beside a printed menu, rows or headings pushed to pages of their own).
MOST_CHARACTERS_PER_PAGE = 7000
LEAST_CHARACTERS_PER_PAGE = 1200


@dataclass(frozen=True)
class Printed:
    """A page to print: its docs path (for its review date), the path below the language root, and
    whether it is a tool showing a result."""

    name: str
    doc: str
    path: str
    lang: str = "sv"
    tool: bool = False


CASE = "trafikverket-tumregel"
THE_CASE = next(case for case in CONTENT.cases if case["id"] == CASE)
PRINTED = [
    Printed("case-sv", f"exempel/{CASE}.md", f"exempel/{CASE}/"),
    Printed("case-en", f"exempel/{CASE}.md", f"exempel/{CASE}/", lang="en"),
    Printed("guide", "sysselsattningskrav.md", "sysselsattningskrav/"),
    Printed("checklist", "checklistor/uppfoljning.md", "checklistor/uppfoljning/"),
    Printed("glossary", "ordlista.md", "ordlista/"),  # a table over several pages
    Printed("placement-result", "verktyg/antal-platser.md", "verktyg/antal-platser/?value=100000000&type=works&months=24", tool=True),
    Printed("suitability-result", "verktyg/lamplighet.md", f"verktyg/lamplighet/?{_suitability_answers()}", tool=True),
    Printed("suitability-result-en", "verktyg/lamplighet.md", f"verktyg/lamplighet/?{_suitability_answers()}", lang="en", tool=True),
]


def squeezed(text: str) -> str:
    """Text without any whitespace: a PDF breaks lines (and long addresses) wherever they end."""
    return "".join(text.split())


def without_written_out_addresses(text: str) -> str:
    return re.sub(r"\(https?://[^()]*\)", "", squeezed(text))


@functools.cache
def site_config():
    """mkdocs.yml as the build reads it (site_url may come from SITE_URL)."""
    return load_config(str(ROOT / "mkdocs.yml"))


def review_line(item: Printed) -> str:
    """'Senast granskad: 29 november 2026', from the case file or the page's front matter."""
    if item.doc.startswith("exempel/"):
        iso = THE_CASE["last_reviewed"]
    else:
        source = ROOT / "docs" / (item.doc if item.lang == "sv" else item.doc.replace(".md", ".en.md"))
        iso = str(yaml.safe_load(source.read_text(encoding="utf-8").split("---\n")[1])["last_reviewed"])
    return f"{CONTENT.labels(item.lang, 'page.last_reviewed')}: {long_date(iso, item.lang, CONTENT.labels)}"


@dataclass
class Printout:
    item: Printed
    pages: list[str]  # the text of each PDF page
    sizes: list[tuple[float, float]]
    on_screen: dict  # what the page showed before printing (see SCREEN_FACTS)

    @property
    def text(self) -> str:
        return "\n".join(self.pages)


# Read from the page on screen: its title, and of what print shows (the article, or for a tool its
# result) the headings, table rows and links; the texts around the article (header, menu, table of
# contents, footer) that the article does not itself contain; for a tool, the form's texts and the
# headings outside the tool that its result does not repeat.
SCREEN_FACTS = """() => {
  const norm = (text) => text.replace(/\u00b6/g, "").replace(/\\s+/g, " ").trim();  // without the headings' ¶ links
  const all = (selector, root = document) => [...root.querySelectorAll(selector)];
  const texts = (nodes) => [...new Set(nodes.map((node) => norm(node.textContent)).filter(Boolean))];
  const article = document.querySelector("article");
  const articleText = norm(article.textContent);
  const result = document.getElementById("kb-tool-result");
  const resultText = result ? norm(result.textContent) : "";
  const printed = result || article;
  const around = texts(all(".md-header a, .md-header button, .md-header label, .md-header__topic, " +
                           ".md-sidebar .md-nav__link, .md-sidebar .md-nav__title, .md-footer, .md-top, .md-skip"));
  const notIn = (text, words) => words.length >= 4 && !text.includes(words);
  return {
    title: norm(article.querySelector("h1").textContent),
    headings: texts(all("h2, h3", printed)),
    around: around.filter((words) => notIn(articleText, words)),
    rows: all("tbody tr", printed).map((row) => norm(row.textContent)),
    table_headers: all("thead", printed).map((head) => norm(head.textContent)),
    external: all("a[href^='http']", printed).filter((a) => !a.closest(".kb-outcomes"))
      .map((a) => ({ text: norm(a.textContent), href: a.getAttribute("href") })),
    not_printed: result ? texts(all("#kb-tool-form legend, #kb-tool-form label, #kb-tool-form h2, [data-pagefind-body] > h2"))
      .filter((words) => notIn(resultText, words)) : [],
  };
}"""


@pytest.fixture(scope="module")
def printouts(browser, site_url) -> dict[str, Printout]:
    """Every page of PRINTED, printed once. Letter is asked for: the page's own @page rule must make it A4."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    done = {}
    for item in PRINTED:
        page.goto(site_url + LANG_ROOT[item.lang] + item.path)
        if item.tool:
            page.wait_for_selector("#kb-tool-result:not([hidden])")
        on_screen = page.evaluate(SCREEN_FACTS)
        reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="Letter", prefer_css_page_size=True)))
        done[item.name] = Printout(item, [p.extract_text() for p in reader.pages],
                                   [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages], on_screen)
    context.close()
    return done


def _each(items: list[Printed]):
    """A fixture giving the printout of each of `items` in turn."""
    @pytest.fixture(params=items, ids=[item.name for item in items])
    def fixture(request, printouts) -> Printout:
        return printouts[request.param.name]
    return fixture


printout = _each(PRINTED)
case_printout = _each([item for item in PRINTED if item.doc.startswith("exempel/")])
tool_printout = _each([item for item in PRINTED if item.tool])


def has_words(text: str, words: str) -> bool:
    """`words` in the PDF's text as whole words, whatever the line breaks."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", " ".join(text.split())) is not None


# --- the page and its length -----------------------------------------------------------------------

def test_every_printed_page_is_a4(printout):
    for size in printout.sizes:  # Chromium rounds to whole CSS pixels: 595.0 × 841.9
        assert all(math.isclose(got, a4, abs_tol=1) for got, a4 in zip(size, A4_POINTS)), size


def test_page_count_fits_the_amount_of_text(printout):
    characters = len(squeezed(printout.text))
    most = max(1, math.ceil(characters / LEAST_CHARACTERS_PER_PAGE))
    least = max(1, math.ceil(characters / MOST_CHARACTERS_PER_PAGE))
    assert least <= len(printout.pages) <= most, f"{len(printout.pages)} pages for {characters} characters"


def test_no_page_is_blank(printout):
    assert all(squeezed(text) for text in printout.pages)


# --- under the title -------------------------------------------------------------------------------

def test_title_is_followed_by_the_full_address_and_review_date(printout):
    item = printout.item
    address = site_config().site_url + page_url(item.doc, item.lang)
    assert squeezed(printout.pages[0]).startswith(squeezed(printout.on_screen["title"] + address + review_line(item)))


def test_review_date_is_printed_under_the_title_and_not_again_at_the_end(printout):
    assert squeezed(printout.text).count(squeezed(review_line(printout.item))) == 1


# --- what is printed, and what is not -------------------------------------------------------------------

def test_every_heading_of_what_is_printed_is_in_the_pdf(printout):
    assert printout.on_screen["headings"]
    for heading in printout.on_screen["headings"]:
        assert squeezed(heading) in squeezed(printout.text), heading


def test_header_menu_search_contents_and_footer_are_not_printed(printout):
    around = printout.on_screen["around"]
    assert len(around) >= 10, around  # the site name, the search field, the menu's entries …
    for words in around:
        assert not has_words(printout.text, words), words


def test_case_prints_the_site_name_only_in_its_citation(case_printout):
    config = site_config()
    names = [config.site_name, *(lang.site_name for lang in config.plugins["i18n"].config.languages if lang.site_name)]
    assert sum(squeezed(case_printout.text).count(squeezed(name)) for name in names) == 1


def test_tool_prints_its_result_without_its_form_or_the_text_around_it(tool_printout):
    not_printed = tool_printout.on_screen["not_printed"]
    assert len(not_printed) >= 3, not_printed  # the form's fields, "how the tool works", "sources"
    for words in not_printed:
        assert not has_words(tool_printout.text, words), words


# --- links -----------------------------------------------------------------------------------------

def test_links_to_other_sites_are_followed_by_their_address(printout):
    text = squeezed(printout.text)
    for link in printout.on_screen["external"]:
        assert squeezed(f"{link['text']} ({link['href']})") in text, link["href"]


def test_links_within_the_site_or_the_page_are_not_written_out(printout):
    text = squeezed(printout.text)
    assert not re.search(r"\((\.\.?/|#)", text)


def test_case_source_addresses_are_written_out_once_in_the_list_of_sources(case_printout):
    text = squeezed(case_printout.text)
    for source in THE_CASE["sources"]:
        assert text.count(f"({source['url']})") == 1, source["url"]  # not again in the outcomes table


# --- nothing cut -----------------------------------------------------------------------------------

def test_no_table_row_is_split_between_pages(printout):
    pages = [without_written_out_addresses(text) for text in printout.pages]
    for row in printout.on_screen["rows"]:
        assert any(squeezed(row) in page for page in pages), row[:80]


def test_a_table_over_several_pages_repeats_its_header_row_on_each(printouts):
    glossary = printouts["glossary"]
    header = squeezed(glossary.on_screen["table_headers"][0])
    with_rows = [text for text in glossary.pages if any(squeezed(row)[:30] in squeezed(text) for row in glossary.on_screen["rows"])]
    assert len(with_rows) >= 2, "the glossary no longer runs over pages; print a longer table here"
    assert all(header in squeezed(text) for text in with_rows)


def test_no_page_ends_with_a_heading(printout):
    headings = [squeezed(heading) for heading in printout.on_screen["headings"]]
    for number, text in enumerate(printout.pages[:-1], start=1):
        assert not any(squeezed(text).endswith(heading) for heading in headings), f"page {number} ends with a heading"
