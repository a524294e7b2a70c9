"""The built pages (both languages, and the 404 page) keep the HTML rules that assistive technology
relies on: ids are unique, every link and button has a name, every image an alt, every table headers.

Each page is parsed once per session (tests/site_pages.py); a failure lists page, line and what.
"""

from __future__ import annotations

import pytest

from tests.quality import tally
from tests.site_pages import DUPLICATE_ID, NO_ALT, NO_NAME, NO_TH, parse_page, read_site


@pytest.fixture(scope="module")
def pages(site):
    return read_site(site).pages


def _check(pages, rule: str) -> None:
    """Fail with every page's breaches of one rule, one line each: page:line: what."""
    found = [f"{path}:{where}" for path, page in pages.items() for kind, where in page.problems if kind == rule]
    tally("html", problems=len(found))
    if found:
        pytest.fail(f"{len(found)} × {rule}:\n" + "\n".join(found), pytrace=False)


def test_no_page_has_duplicate_ids(pages):
    tally("html", pages=len(pages))
    _check(pages, DUPLICATE_ID)


def test_every_link_and_button_has_an_accessible_name(pages):
    _check(pages, NO_NAME)


def test_every_image_has_an_alt(pages):
    _check(pages, NO_ALT)


def test_every_table_has_header_cells(pages):
    _check(pages, NO_TH)


# --- the checker itself finds each kind of problem ----------------------------------------------

def test_html_checker_finds_each_rule_broken_and_accepts_the_good_forms():
    page = parse_page("x/index.html", "\n".join([
        '<p id="a"></p><p id="a"></p>',                                        # 1 duplicate id
        '<a href="/"></a><button><svg><path d=""/></svg></button>',             # 2 two nameless controls
        '<a href="/"><span aria-hidden="true">×</span></a>',                     # 3 hidden text is no name
        '<img src="a.png"><img src="b.png" alt="">',                            # 4 one image without alt
        "<table><tr><td>1</td></tr></table>",                                   # 5 no header cells
        '<a href="/" aria-label="Hem"></a><a href="/"><img src="c.png" alt="Hem"></a>',  # 6 named
        '<button type="button" hidden>Upp<svg></svg></button>',                 # 7 named (shown by JS)
        "<table><tr><th>A</th></tr><tr><td>1</td></tr></table><a name=\"x\"></a>",  # 8 fine
    ]))
    assert sorted((rule, where.split(":")[0]) for rule, where in page.problems) == [
        (DUPLICATE_ID, "1"), (NO_ALT, "4"), (NO_NAME, "2"), (NO_NAME, "2"), (NO_NAME, "3"), (NO_TH, "5")]
