"""What's new: the published cases' own dates (first published, each change) as one list of events,
newest first, and that list as the Markdown of the "Nytt" / "What's new" page.

The dates come from the case files alone, never from git history or the build time, so a fresh
clone builds the same page and the same feeds.
"""

from __future__ import annotations

from dataclasses import dataclass

from .content import Content
from .markup import html, long_date, md_inline
from .urls import case_doc, relative

WHATS_NEW_DOC = "nytt.md"
PUBLISHED, CHANGED = "published", "changed"


@dataclass(frozen=True)
class Event:
    """One thing that happened to a case on a day: it was published, or it changed."""

    date: str  # YYYY-MM-DD
    kind: str  # PUBLISHED or CHANGED
    case: dict
    text: dict | None = None  # the change's {sv, en} text; None for a publication


def whats_new_events(cases: list[dict]) -> list[Event]:
    """Every event of the published cases: newest date first, then by case id; on one day a case's
    change comes before its publication (it can only have happened later that day)."""
    events = []
    for case in cases:
        if case["status"] != "published":
            continue
        if case.get("published"):
            events.append(Event(case["published"], PUBLISHED, case))
        events += [Event(change["date"], CHANGED, case, change["text"]) for change in case.get("changes", [])]
    events.sort(key=lambda event: (event.case["id"], event.kind != CHANGED))
    events.sort(key=lambda event: event.date, reverse=True)  # stable: keeps the id order within a day
    return events


def event_text(event: Event, lang: str) -> str:
    """What a reader is told about the event: the case's summary, or what changed."""
    return event.text[lang] if event.kind == CHANGED else event.case["summary"][lang]


def render_whats_new(lang: str, content: Content, from_doc: str, feed_href: str) -> str:
    """A link to the feed (raw HTML: the feed is written after the build, MkDocs cannot check it), then
    the list: date, new or updated, a link to the case and what it is about or what changed."""
    say = lambda key: content.labels(lang, key)  # noqa: E731
    events = whats_new_events(content.published)
    items = [f"- **{long_date(event.date, lang, content.labels)}** · {say('whatsnew.' + event.kind)}: "
             f"[{md_inline(event.case['title'][lang])}]({relative(case_doc(event.case['id']), from_doc)})  \n"
             f"  {md_inline(event_text(event, lang))}" for event in events]
    listing = "\n".join(items) if items else say("whatsnew.empty")
    feed = f'<p class="kb-feed-link"><a href="{html(feed_href)}" type="application/atom+xml">{html(say("whatsnew.feed_link"))}</a></p>'
    return f"{feed}\n\n{listing}\n"
