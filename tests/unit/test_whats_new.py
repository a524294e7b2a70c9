"""What's new: events from the cases' own dates, the Atom feeds made from them, the page that lists
them, and the change history on a case page.

Events and feeds are checked on small hand-made cases (only the fields they read); the page and
the case page on the authoring template, published, through the real loader.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET

import markdown
import pytest

from macros.case_page import render_case
from macros.content import load_content
from macros.feeds import EMPTY_FEED_UPDATED, FEED_ENTRIES, atom_feed, feed_path, feeds
from macros.whats_new import CHANGED, PUBLISHED, event_text, render_whats_new, whats_new_events
from macros.urls import Site
from tests.conftest import ROOT

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://kunskapsbank.example.se/"
SITE = Site(SITE_URL, "Kunskapsbank")
LABELS = load_content(ROOT).labels


def case(case_id: str, published: str | None, *changes: str, status: str = "published") -> dict:
    """A case with the fields What's new reads; each change is a date, its text made from it."""
    made = {"id": case_id, "status": status, "title": {"sv": f"Titel {case_id}", "en": f"Title {case_id}"},
            "summary": {"sv": f"Sammanfattning {case_id}", "en": f"Summary {case_id}"},
            "changes": [{"date": day, "text": {"sv": f"Ändrat {day}", "en": f"Changed {day}"}} for day in changes]}
    return made | ({"published": published} if published else {})


def listed(events) -> list[tuple[str, str, str]]:
    return [(event.date, event.kind, event.case["id"]) for event in events]


# --- events --------------------------------------------------------------------------------------

def test_events_are_newest_first_and_a_day_lists_its_cases_by_id():
    cases = [case("cesar", "2026-11-29"), case("adam", "2026-11-29", "2026-12-03"), case("bertil", "2026-11-30")]
    assert listed(whats_new_events(cases)) == [
        ("2026-12-03", CHANGED, "adam"),
        ("2026-11-30", PUBLISHED, "bertil"),
        ("2026-11-29", PUBLISHED, "adam"),
        ("2026-11-29", PUBLISHED, "cesar"),
    ]


def test_each_change_is_its_own_event_whatever_its_order_in_the_file():
    events = whats_new_events([case("adam", "2026-01-10", "2026-03-01", "2026-05-20", "2026-02-14")])
    assert listed(events) == [("2026-05-20", CHANGED, "adam"), ("2026-03-01", CHANGED, "adam"),
                              ("2026-02-14", CHANGED, "adam"), ("2026-01-10", PUBLISHED, "adam")]


def test_a_change_on_the_day_of_publication_is_listed_above_the_publication():
    assert listed(whats_new_events([case("adam", "2026-11-29", "2026-11-29")])) == [
        ("2026-11-29", CHANGED, "adam"), ("2026-11-29", PUBLISHED, "adam")]


def test_drafts_are_not_in_whats_new():
    assert whats_new_events([case("utkast", "2026-11-29", "2026-11-30", status="draft")]) == []


def test_a_case_without_a_publication_date_appears_only_through_its_changes():
    assert listed(whats_new_events([case("adam", None, "2026-11-30")])) == [("2026-11-30", CHANGED, "adam")]


def test_a_publication_is_described_by_the_summary_and_a_change_by_its_own_text():
    changed, published = whats_new_events([case("adam", "2026-11-29", "2026-11-30")])
    assert event_text(changed, "en") == "Changed 2026-11-30"
    assert event_text(published, "sv") == "Sammanfattning adam"


# --- the Atom feed -------------------------------------------------------------------------------

def feed_of(cases: list[dict], lang: str = "sv") -> ET.Element:
    return ET.fromstring(atom_feed(whats_new_events(cases), lang, LABELS, SITE_URL))


CASES = [case("adam", "2026-11-29", "2026-12-03"), case("bertil", "2026-11-30")]


def test_feed_is_well_formed_atom_with_id_title_updated_and_link_in_every_entry():
    feed = feed_of(CASES)
    assert feed.tag == f"{A}feed"
    for field in ("id", "title", "updated", "author/" + A + "name"):
        assert feed.findtext(A + field), field
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 3
    for entry in entries:
        assert entry.findtext(f"{A}id") and entry.findtext(f"{A}title") and entry.findtext(f"{A}updated")
        assert entry.find(f"{A}link[@rel='alternate']").get("href").startswith(SITE_URL + "exempel/")


def test_feed_entries_link_to_the_case_page_in_the_feed_language():
    hrefs = [entry.find(f"{A}link").get("href") for entry in feed_of(CASES, "en").findall(f"{A}entry")]
    assert hrefs == [f"{SITE_URL}en/exempel/adam/", f"{SITE_URL}en/exempel/bertil/", f"{SITE_URL}en/exempel/adam/"]


def test_feed_updated_is_the_newest_entry_date():
    feed = feed_of(CASES)
    assert feed.findtext(f"{A}updated") == "2026-12-03T00:00:00Z"
    assert [entry.findtext(f"{A}updated") for entry in feed.findall(f"{A}entry")] == [
        "2026-12-03T00:00:00Z", "2026-11-30T00:00:00Z", "2026-11-29T00:00:00Z"]


def test_feed_entry_ids_are_distinct_and_name_the_case_address_the_kind_and_the_day():
    ids = [entry.findtext(f"{A}id") for entry in feed_of(CASES).findall(f"{A}entry")]
    assert ids == [f"{SITE_URL}exempel/adam/#changed-2026-12-03", f"{SITE_URL}exempel/bertil/#published-2026-11-30",
                   f"{SITE_URL}exempel/adam/#published-2026-11-29"]


def test_feed_is_byte_identical_across_two_runs():
    content = load_content(ROOT)
    assert feeds(content, SITE_URL) == feeds(content, SITE_URL)
    assert atom_feed(whats_new_events(CASES), "sv", LABELS, SITE_URL) == atom_feed(whats_new_events(copy.deepcopy(CASES)), "sv", LABELS, SITE_URL)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_feed_title_and_entries_are_in_the_feed_language(lang):
    feed = feed_of(CASES, lang)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert feed.findtext(f"{A}title") == LABELS(lang, "whatsnew.feed_title")
    first, second, _ = feed.findall(f"{A}entry")
    assert first.findtext(f"{A}title") == LABELS(lang, "whatsnew.entry_changed", title=CASES[0]["title"][lang])
    assert first.findtext(f"{A}summary") == CASES[0]["changes"][0]["text"][lang]
    assert second.findtext(f"{A}summary") == CASES[1]["summary"][lang]


def test_feed_text_with_markup_characters_reads_back_as_written():
    tricky = case("adam", "2026-11-29")
    tricky["title"]["sv"] = 'A & B <c> "d" ]]>'
    assert feed_of([tricky]).find(f"{A}entry").findtext(f"{A}title").endswith('A & B <c> "d" ]]>')


def test_a_feed_without_entries_is_valid_and_dated_without_the_build_time():
    feed = feed_of([])
    assert feed.findall(f"{A}entry") == []
    assert feed.findtext(f"{A}updated") == f"{EMPTY_FEED_UPDATED}T00:00:00Z"


def test_feeds_hold_the_newest_events_only():
    many = [case(f"fall-{n:03}", f"2026-{1 + n // 28:02}-{1 + n % 28:02}") for n in range(FEED_ENTRIES + 5)]
    content = dataclasses.replace(load_content(ROOT), cases=many)
    tree = ET.fromstring(feeds(content, SITE_URL)["feed.xml"])
    dates = [entry.findtext(f"{A}updated")[:10] for entry in tree.findall(f"{A}entry")]
    assert len(dates) == FEED_ENTRIES and dates[0] == max(c["published"] for c in many)


def test_feed_paths_are_the_swedish_root_and_the_language_folder():
    assert (feed_path("sv"), feed_path("en")) == ("feed.xml", "en/feed.xml")


# --- the page and the case page ------------------------------------------------------------------

@pytest.fixture
def content(tmp_path):
    """The authoring template, published (it has a publication date and one change)."""
    text = (ROOT / "cases" / "_template.yml").read_text(encoding="utf-8").replace("status: draft", "status: published")
    (tmp_path / "kommunnamn-omrade.yml").write_text(text, encoding="utf-8")
    return load_content(ROOT, tmp_path, today=dt.date(2026, 11, 30))


def as_html(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "attr_list", "def_list", "tables", "md_in_html"])


def test_whats_new_page_lists_each_event_with_its_date_kind_and_case_link_and_links_the_feed(content):
    case_ = content.cases[0]
    page = as_html(render_whats_new("sv", content, "nytt.md", "../feed.xml"))
    link = f'<a href="exempel/kommunnamn-omrade.md">{case_["title"]["sv"]}</a>'
    changed = page.index(f"<strong>15 november 2026</strong> · Uppdaterat: {link}")  # the change (2026-11-15)
    published = page.index(f"<strong>1 oktober 2026</strong> · Nytt exempel: {link}")  # publication (2026-10-01)
    assert changed < published
    assert page.index(case_["changes"][0]["text"]["sv"]) < published < page.index(case_["summary"]["sv"])
    assert '<a href="../feed.xml" type="application/atom+xml">' in page


def test_whats_new_page_says_so_when_nothing_is_published(content):
    empty = dataclasses.replace(content, cases=[])
    assert LABELS("en", "whatsnew.empty") in render_whats_new("en", empty, "nytt.md", "../feed.xml")


def test_case_page_shows_change_history_newest_first_with_dates_in_the_page_language(content):
    case_ = copy.deepcopy(content.cases[0])
    case_["changes"].insert(0, {"date": "2026-10-20", "text": {"sv": "Rättade namnet.", "en": "Corrected the name."}})
    for lang, heading, dates in (("sv", "Ändringshistorik", ["15 november 2026", "20 oktober 2026", "1 oktober 2026"]),
                                 ("en", "Change history", ["15 November 2026", "20 October 2026", "1 October 2026"])):
        page = as_html(render_case(case_, lang, content, SITE).split("---\n", 2)[2])
        section = page[page.index(f"<h2>{heading}</h2>"):]
        assert [section.index(date) for date in dates] == sorted(section.index(date) for date in dates)
        assert case_["changes"][1]["text"][lang] in section and LABELS(lang, "case.changes_published") in section


def test_case_page_without_changes_has_no_change_history(content):
    case_ = copy.deepcopy(content.cases[0])
    del case_["changes"]
    assert "Ändringshistorik" not in render_case(case_, "sv", content, SITE)


# --- the real content ----------------------------------------------------------------------------

def test_every_published_real_case_states_the_day_it_was_published():
    """Otherwise the case would be missing from What's new (`published` is optional in the schema
    so that test fixtures need not carry it)."""
    assert [c["id"] for c in load_content(ROOT).published if not c.get("published")] == []
