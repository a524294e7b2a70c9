"""The catalogue's filters as a reader uses them, on a site built from the fixture cases.

The fixture set (tests/fixtures/catalogue_cases/README.md has the table) is small enough to check every
list and count by hand. Default order, newest first: eta, ostra, beta, alfa, gamma, zeta, delta.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest

from macros.catalogue import catalogue_data
from macros.content import load_content
from macros.facets import newest_first
from tests.conftest import FIXTURE_CASES, ROOT


ALFA, BETA, GAMMA, DELTA = "alfa-stad-stadning", "beta-bostader-fonsterputs", "gamma-regionen-sjukhusbygge", "delta-verket-vagunderhall"
OSTRA, ZETA, ETA = "ostra-kommun-maltider", "zeta-bydel-parker", "eta-kunta-omsorg"
NEWEST_FIRST = [ETA, OSTRA, BETA, ALFA, GAMMA, ZETA, DELTA]
LABELS = load_content(ROOT, FIXTURE_CASES).labels
ALL_SEVEN = LABELS("sv", "catalogue.count", count=7)  # "7 exempel"
NO_MATCH_SV = LABELS("sv", "catalogue.no_match")


def of_seven(shown_count: int, lang: str = "sv") -> str:
    """The status text for some of the seven cases, e.g. "2 av 7 exempel …" (wording from the label table)."""
    return LABELS(lang, "catalogue.shown", shown=shown_count, count=7)


@pytest.fixture
def catalogue(page, fixture_site_url):
    """Open the catalogue, e.g. catalogue("?sector=cleaning") or catalogue("?sort=title", lang="en")."""
    page.set_default_timeout(5000)

    def open_catalogue(query: str = "", lang: str = "sv"):
        page.goto(f"{fixture_site_url}{'/en' if lang == 'en' else ''}/exempel/{query}")
        page.wait_for_selector("#kb-filters:not([hidden])")
        return page
    return open_catalogue


# --- what the reader sees -------------------------------------------------------------------------

def shown(page) -> list[str]:
    """Ids of the cards on screen, top to bottom."""
    return page.eval_on_selector_all(
        "#kb-cards > li.kb-card",
        "cards => cards.filter(c => c.getClientRects().length > 0).map(c => c.id.replace(/^case-/, ''))")


def status(page) -> str:
    return page.locator("#kb-result-count").inner_text().strip()


def query(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


def facet(page, key: str):
    """The disclosure that holds the inputs named `key`."""
    return page.locator("details.kb-facet", has=page.locator(f'input[name="{key}"]'))


def open_facet(page, key: str):
    details = facet(page, key)
    if not details.evaluate("d => d.open"):
        details.locator("summary").click()
    return details


def box(page, key: str, value: str):
    return page.locator(f'input[name="{key}"][value="{value}"]')


def tick(page, key: str, value: str):
    open_facet(page, key)
    box(page, key, value).check()


def untick(page, key: str, value: str):
    open_facet(page, key)
    box(page, key, value).uncheck()


def count(page, key: str, value: str) -> str:
    """The "(n)" beside an option, read with its facet open, as a reader would."""
    open_facet(page, key)
    counter = page.locator(f'[data-kb-count="{key}:{value}"]')
    assert counter.is_visible()
    return counter.inner_text().strip()


def set_year(page, name: str, year: str):
    open_facet(page, "from")
    page.locator(f'input[name="{name}"]').fill(year)
    page.locator(f'input[name="{name}"]').press("Tab")  # leaving the field commits it (change event)


# --- the built page ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["sv", "en"])
def test_built_page_carries_the_facet_data_of_the_fixture_cases(fixture_site, lang):
    content = load_content(ROOT, FIXTURE_CASES)
    html = (fixture_site / ("en" if lang == "en" else "") / "exempel" / "index.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/json" id="kb-catalogue-data">')
    embedded = html[html.index(">", start) + 1: html.index("</script>", start)]
    assert json.loads(embedded) == json.loads(catalogue_data(newest_first(content.published), lang, content))


def test_the_list_starts_complete_newest_first_with_every_count(catalogue):
    page = catalogue()
    assert shown(page) == NEWEST_FIRST
    assert status(page) == ALL_SEVEN
    assert query(page) == []
    assert [count(page, "sector", s) for s in ("cleaning", "construction", "food", "ict")] == ["(2)", "(1)", "(1)", "(0)"]
    assert [count(page, "org", o) for o in ("municipality", "region", "other")] == ["(3)", "(1)", "(1)"]
    assert [count(page, "place", p) for p in ("stockholm", "norway")] == ["(2)", "(1)"]
    assert count(page, "wp", "wp08") == "(2)" and count(page, "wp", "wp01") == "(0)"
    assert count(page, "outcomes", "1") == "(3)"


def test_no_show_more_button_while_every_match_is_shown(catalogue):
    page = catalogue()  # 7 cases, fewer than a page of cards
    assert len(shown(page)) == 7
    assert page.locator(".kb-more").count() == 1  # the script adds it after the list ...
    assert not page.locator(".kb-more").is_visible()  # ... and shows it only when more cards are waiting
    tick(page, "sector", "cleaning")
    assert not page.locator(".kb-more").is_visible()


# --- facets ----------------------------------------------------------------------------------------

def test_ticking_one_option_narrows_the_list_and_recounts_the_other_facets(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    assert shown(page) == [BETA, ALFA]
    assert status(page) == of_seven(2)
    assert query(page) == [("sector", "cleaning")]
    # other facets count among the two cleaning cases
    assert [count(page, "org", o) for o in ("municipality", "municipal-company", "region", "state-agency")] == ["(1)", "(1)", "(0)", "(0)"]
    assert [count(page, "place", p) for p in ("skane", "stockholm", "norway")] == ["(1)", "(1)", "(0)"]
    assert [count(page, "wp", w) for w in ("wp05", "wp06", "wp08")] == ["(1)", "(1)", "(0)"]
    assert count(page, "outcomes", "1") == "(1)"
    # the ticked facet's own counts keep the other options reachable
    assert [count(page, "sector", s) for s in ("cleaning", "construction", "care")] == ["(2)", "(1)", "(1)"]


def test_two_options_in_one_facet_combine_with_or(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    tick(page, "sector", "construction")
    assert shown(page) == [BETA, ALFA, GAMMA]
    assert status(page) == of_seven(3)
    assert query(page) == [("sector", "construction"), ("sector", "cleaning")]  # in the form's order
    untick(page, "sector", "cleaning")
    untick(page, "sector", "construction")
    tick(page, "wp", "wp05")
    tick(page, "wp", "wp07")  # gamma has both: listed once
    assert shown(page) == [ALFA, GAMMA]


def test_options_in_two_facets_combine_with_and(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    tick(page, "sector", "construction")
    tick(page, "org", "municipality")
    assert shown(page) == [ALFA]
    assert status(page) == of_seven(1)
    assert query(page) == [("sector", "construction"), ("sector", "cleaning"), ("org", "municipality")]
    # sector counts among municipalities, org counts among cleaning or construction
    assert [count(page, "sector", s) for s in ("cleaning", "construction", "food", "care")] == ["(1)", "(0)", "(1)", "(1)"]
    assert [count(page, "org", o) for o in ("municipality", "region", "municipal-company", "other")] == ["(1)", "(1)", "(1)", "(0)"]


def test_an_options_count_is_what_ticking_it_alone_shows(catalogue):
    page = catalogue("?sector=cleaning&sector=construction")
    for option in page.locator('input[name="org"]').all():
        value = option.get_attribute("value")
        expected = count(page, "org", value)
        option.check()
        assert f"({len(shown(page))})" == expected, value
        option.uncheck()


def test_no_match_says_so_and_shows_no_card(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    tick(page, "org", "region")
    assert shown(page) == []
    assert status(page) == NO_MATCH_SV


# --- text, years, outcomes --------------------------------------------------------------------------

@pytest.mark.parametrize("words, expected", [
    ("sjukhusbygget", [GAMMA]),        # a word of a title
    ("fönsterputs", [BETA]),           # a word of a summary only
    ("Deltaverket", [DELTA]),          # an organisation named in neither title nor summary
    ("ALFA  städ", [ALFA]),            # any case, every word must match
    ("alfa zeta", []),
])
def test_free_text_narrows_by_title_summary_and_organisation(catalogue, words, expected):
    page = catalogue()
    page.locator("#kb-q").fill(words)
    assert shown(page) == expected
    assert query(page) == [("q", words.strip())]
    assert status(page) == (NO_MATCH_SV if not expected else of_seven(len(expected)))


def test_year_range_keeps_the_cases_that_overlap_it(catalogue):
    page = catalogue()
    set_year(page, "from", "2019")
    set_year(page, "to", "2021")
    assert shown(page) == [OSTRA, BETA, ALFA]  # 2019–2022, 2021, 2018–2020
    assert query(page) == [("from", "2019"), ("to", "2021")]
    set_year(page, "from", "")
    set_year(page, "to", "2013")
    assert shown(page) == [DELTA]
    set_year(page, "to", "")
    set_year(page, "from", "2024")
    assert shown(page) == [ETA]


def test_has_outcomes_keeps_only_cases_with_reported_figures(catalogue):
    page = catalogue()
    tick(page, "outcomes", "1")
    assert shown(page) == [ALFA, GAMMA, ZETA]
    assert query(page) == [("outcomes", "1")]
    assert count(page, "sector", "cleaning") == "(1)" and count(page, "sector", "food") == "(0)"


# --- sort and clear --------------------------------------------------------------------------------

def test_sort_by_title_reorders_the_cards_in_the_page_language(catalogue):
    page = catalogue()
    page.locator("#kb-sort").select_option("title")
    # Alfa stad, Anställningskrav…, Beta, Eta, Gammaregionen, Zeta, Östra (Ö after Z in Swedish)
    assert shown(page) == [ALFA, DELTA, BETA, ETA, GAMMA, ZETA, OSTRA]
    assert query(page) == [("sort", "title")]
    page.locator("#kb-sort").select_option("newest")
    assert shown(page) == NEWEST_FIRST
    assert query(page) == []

    page = catalogue("?sort=title", lang="en")
    # Alfa City, Beta Housing, Employment requirements…, Eta, Gamma Region, Östra (with O in English), Zeta
    assert shown(page) == [ALFA, BETA, DELTA, ETA, GAMMA, OSTRA, ZETA]


def test_clear_all_restores_every_case_and_an_empty_query(catalogue):
    page = catalogue("?sector=cleaning&org=municipality&q=alfa&from=2010&to=2030&outcomes=1&sort=title")
    assert shown(page) == [ALFA]
    page.locator("[data-kb-clear]").click()
    assert shown(page) == NEWEST_FIRST
    assert status(page) == ALL_SEVEN
    assert query(page) == []
    assert page.locator("#kb-filters input:checked").count() == 0
    assert page.locator("#kb-q").input_value() == ""
    assert page.locator('input[name="from"]').input_value() == page.locator('input[name="to"]').input_value() == ""
    assert page.locator("#kb-sort").input_value() == "newest"
    assert count(page, "org", "municipality") == "(3)"
    assert page.evaluate("document.activeElement.id") == "kb-q"
    assert urlsplit(page.locator("a.md-select__link[hreflang='en']").get_attribute("href")).query == ""


# --- URL and history -------------------------------------------------------------------------------

def test_a_url_with_a_query_restores_checkboxes_list_and_counts(catalogue):
    page = catalogue("?sector=cleaning&sector=construction&org=municipality")
    assert box(page, "sector", "cleaning").is_checked() and box(page, "sector", "construction").is_checked()
    assert box(page, "org", "municipality").is_checked()
    assert page.locator("#kb-filters input:checked").count() == 3
    assert facet(page, "sector").evaluate("d => d.open") and facet(page, "org").evaluate("d => d.open")
    assert not facet(page, "wp").evaluate("d => d.open")  # only facets with a choice open
    assert shown(page) == [ALFA]
    assert status(page) == of_seven(1)
    assert count(page, "org", "region") == "(1)" and count(page, "sector", "food") == "(1)"

    page = catalogue("?q=f%C3%B6nsterputs&from=2020&sort=title")
    assert page.locator("#kb-q").input_value() == "fönsterputs"
    assert page.locator('input[name="from"]').input_value() == "2020"
    assert page.locator("#kb-sort").input_value() == "title"
    assert shown(page) == [BETA]


def test_back_and_forward_restore_earlier_states(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    tick(page, "org", "municipality")
    assert shown(page) == [ALFA]

    page.go_back()
    assert query(page) == [("sector", "cleaning")]
    assert shown(page) == [BETA, ALFA]
    assert box(page, "sector", "cleaning").is_checked() and not box(page, "org", "municipality").is_checked()
    assert status(page) == of_seven(2)
    assert count(page, "org", "municipal-company") == "(1)"

    page.go_back()
    assert query(page) == [] and shown(page) == NEWEST_FIRST
    assert page.locator("#kb-filters input:checked").count() == 0
    assert status(page) == ALL_SEVEN

    page.go_forward()
    assert shown(page) == [BETA, ALFA] and box(page, "sector", "cleaning").is_checked()
    page.go_forward()
    assert shown(page) == [ALFA] and box(page, "org", "municipality").is_checked()


def test_back_from_a_case_page_returns_to_the_filtered_list(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    page.locator(f"#case-{ALFA} h2 a").click()
    page.wait_for_url(f"**/exempel/{ALFA}/")
    page.go_back()
    page.wait_for_selector("#kb-filters:not([hidden])")
    assert query(page) == [("sector", "cleaning")]
    assert shown(page) == [BETA, ALFA]
    assert box(page, "sector", "cleaning").is_checked()
    assert status(page) == of_seven(2)


def test_typing_replaces_the_history_entry_instead_of_adding_one_per_key(catalogue):
    page = catalogue()
    tick(page, "sector", "cleaning")
    page.locator("#kb-q").press_sequentially("alfa")
    assert query(page) == [("sector", "cleaning"), ("q", "alfa")]
    assert shown(page) == [ALFA]
    page.go_back()  # one step back leaves the catalogue's first state, not "alf"
    assert query(page) == []
    assert page.locator("#kb-q").input_value() == ""
    assert shown(page) == NEWEST_FIRST


# --- language switch -------------------------------------------------------------------------------

def test_the_language_switch_keeps_the_filters(catalogue):
    page = catalogue("?sector=cleaning")
    english = page.locator("a.md-select__link[hreflang='en']")
    assert urlsplit(english.get_attribute("href")).query == "sector=cleaning"
    tick(page, "org", "municipality")
    assert urlsplit(english.get_attribute("href")).query == "sector=cleaning&org=municipality"
    shown_in_swedish = shown(page)

    page.locator(".md-select").first.hover()  # Material's language selector opens on hover or focus
    english.click()
    page.wait_for_url("**/en/exempel/?sector=cleaning&org=municipality")
    page.wait_for_selector("#kb-filters:not([hidden])")
    assert page.locator("html").get_attribute("lang") == "en"
    assert shown(page) == shown_in_swedish == [ALFA]
    assert status(page) == of_seven(1, "en")
    assert box(page, "sector", "cleaning").is_checked() and box(page, "org", "municipality").is_checked()
    swedish = page.locator("a.md-select__link[hreflang='sv']")
    assert urlsplit(swedish.get_attribute("href")).query == "sector=cleaning&org=municipality"


# --- without JavaScript ----------------------------------------------------------------------------

def test_without_javascript_every_published_case_is_listed_and_the_form_is_hidden(browser, fixture_site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{fixture_site_url}/exempel/?sector=cleaning")
        assert shown(page) == NEWEST_FIRST
        assert status(page) == ALL_SEVEN
        assert page.locator("#case-theta-utkast").count() == 0
        assert not page.locator("#kb-filters").is_visible()
        assert not page.locator("#kb-q").is_visible()
        assert not page.locator("details.kb-facet").first.is_visible()
    finally:
        context.close()


def test_a_card_title_opens_its_case_page(catalogue):
    page = catalogue()
    page.locator(f"#case-{GAMMA} h2 a").click()
    page.wait_for_url(f"**/exempel/{GAMMA}/")
    assert page.locator("h1").inner_text().rstrip("¶").strip() == "Gammaregionen tar emot lärlingar på sjukhusbygget"


# --- keyboard and assistive technology -------------------------------------------------------------

def _focused(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), value: el.getAttribute('value'),
                text: el.textContent.trim().slice(0, 40), inForm: !!el.closest('#kb-filters'),
                facetOpen: el.closest('details') ? el.closest('details').open : null};
    }""")


def _tab_until(page, wanted, limit: int = 120) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if wanted(focused):
            return focused
    pytest.fail(f"{limit} presses of Tab never reached the element; last focused: {focused}")


def test_keyboard_only_a_reader_can_open_a_facet_tick_an_option_and_move_on(catalogue):
    page = catalogue()
    _tab_until(page, lambda f: f["tag"] == "summary" and f["text"] == "Område")  # the sector facet, from the top
    assert _focused(page)["facetOpen"] is False
    page.keyboard.press("Enter")
    assert _focused(page)["facetOpen"] is True
    _tab_until(page, lambda f: f["name"] == "sector" and f["value"] == "cleaning", limit=5)
    page.keyboard.press("Space")
    assert box(page, "sector", "cleaning").is_checked()
    assert shown(page) == [BETA, ALFA]
    assert status(page) == of_seven(2)
    assert _focused(page)["name"] == "sector" and _focused(page)["inForm"]  # focus stays where it was

    summary = _tab_until(page, lambda f: f["tag"] == "summary" and f["text"] == "Typ av organisation", limit=20)
    page.keyboard.press("Space")  # Space opens a disclosure too
    assert _focused(page)["facetOpen"] is True and summary["inForm"]
    _tab_until(page, lambda f: not f["inForm"])  # no trap: Tab leaves the form


def test_result_count_is_a_polite_live_region_that_follows_the_filters(catalogue):
    page = catalogue()
    region = page.locator("#kb-result-count")
    assert region.get_attribute("role") == "status"
    assert region.get_attribute("aria-live") == "polite"
    page.evaluate("window.kbStatusNode = document.getElementById('kb-result-count')")
    texts = [status(page)]
    tick(page, "sector", "cleaning")
    texts.append(status(page))
    tick(page, "org", "region")
    texts.append(status(page))
    assert texts == [ALL_SEVEN, of_seven(2), NO_MATCH_SV]
    assert page.evaluate("window.kbStatusNode === document.getElementById('kb-result-count')")  # announced, not replaced


# --- small screens ---------------------------------------------------------------------------------

def test_at_320px_the_page_has_no_horizontal_scroll_with_a_facet_open(browser, fixture_site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(f"{fixture_site_url}/exempel/?sector=cleaning")
        page.wait_for_selector("#kb-filters:not([hidden])")
        for key in ("wp", "requirement", "from"):
            open_facet(page, key)
        assert facet(page, "wp").evaluate("d => d.open")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
