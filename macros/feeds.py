"""The What's new list as an Atom 1.0 feed per language: feed.xml at the Swedish root, en/feed.xml.

Every date in a feed is a case's own (published, changed); the feed's `updated` is its newest
entry's, never the build time, so the same content gives the same bytes on any machine.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .content import Content
from .labels import Labels
from .taxonomy import LANGUAGES
from .urls import DEFAULT_LANGUAGE, case_doc, page_url
from .whats_new import PUBLISHED, WHATS_NEW_DOC, Event, event_text, whats_new_events

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_ENTRIES = 50  # feed readers want the latest; the page lists them all
EMPTY_FEED_UPDATED = "1970-01-01"  # a feed without entries has no date of its own; not the build time


def feed_path(lang: str) -> str:
    """The site-root-relative path of a language's feed: 'feed.xml', 'en/feed.xml'."""
    return "feed.xml" if lang == DEFAULT_LANGUAGE else f"{lang}/feed.xml"


def feeds(content: Content, site_url: str) -> dict[str, bytes]:
    """Both feeds, by path, for a site published at `site_url` (absolute, ending in /)."""
    events = whats_new_events(content.published)[:FEED_ENTRIES]
    return {feed_path(lang): atom_feed(events, lang, content.labels, site_url) for lang in LANGUAGES}


def atom_feed(events: list[Event], lang: str, labels: Labels, site_url: str) -> bytes:
    """One language's feed as UTF-8 XML, entries in the order given (newest first)."""
    say = lambda key, **values: labels(lang, key, **values)  # noqa: E731
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _add(feed, "id", site_url + feed_path(lang))
    _add(feed, "title", say("whatsnew.feed_title"))
    _add(feed, "subtitle", say("whatsnew.feed_subtitle"))
    _add(feed, "updated", _timestamp(events[0].date if events else EMPTY_FEED_UPDATED))
    _add(feed, "link", rel="self", type="application/atom+xml", href=site_url + feed_path(lang))
    _add(feed, "link", rel="alternate", type="text/html", href=site_url + page_url(WHATS_NEW_DOC, lang))
    _add(_add(feed, "author"), "name", say("whatsnew.feed_author"))
    for event in events:
        feed.append(_entry(event, lang, labels, site_url))
    ET.indent(feed)
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n").encode("utf-8")


def _entry(event: Event, lang: str, labels: Labels, site_url: str) -> ET.Element:
    """One event; its id is the case's address and the event's kind and day, stable across builds
    (validation allows one change per case and day, so no two entries share an id)."""
    case_url = site_url + page_url(case_doc(event.case["id"]), lang)
    entry = ET.Element("entry")
    _add(entry, "id", f"{case_url}#{event.kind}-{event.date}")
    _add(entry, "title", labels(lang, f"whatsnew.entry_{event.kind}", title=event.case["title"][lang]))
    _add(entry, "updated", _timestamp(event.date))
    if event.kind == PUBLISHED:
        _add(entry, "published", _timestamp(event.date))
    _add(entry, "link", rel="alternate", type="text/html", href=case_url)
    _add(entry, "summary", event_text(event, lang))
    return entry


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def _timestamp(date: str) -> str:
    """An Atom date-time (RFC 3339) for a day: midnight UTC."""
    return f"{date}T00:00:00Z"
