"""What's new in the built site: a feed per language that parses as Atom and links only to pages that
were built, every page's head pointing to its own language's feed, and a case's change history on
its page, in the feed and on the What's new page.

The real cases have no changes yet (none has changed since it was published), so the change history
is checked on a second, small build: the authoring template, published, which carries one change.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from mkdocs.utils.yaml import yaml_load

from macros.content import load_content
from tests.conftest import ROOT, build_site
from tests.site_pages import read_site

SITE_URL = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]  # as the build reads it
A = "{http://www.w3.org/2005/Atom}"
FEEDS = {"sv": "feed.xml", "en": "en/feed.xml"}
TEMPLATE_ID = "kommunnamn-omrade"


def _feed(site, lang: str) -> ET.Element:
    try:
        return ET.parse(site / FEEDS[lang]).getroot()
    except (OSError, ET.ParseError) as error:
        pytest.fail(f"{FEEDS[lang]}: {error}", pytrace=False)


def _site_file(site, url: str) -> str | None:
    """The file of the built site an absolute URL under site_url is served from, or None."""
    if not url.startswith(SITE_URL):
        return None
    path = url[len(SITE_URL):].split("#")[0]
    for candidate in (path, f"{path}index.html" if path.endswith("/") or not path else f"{path}/index.html"):
        if candidate and (site / candidate).is_file():
            return candidate
    return None


def _language(path: str) -> str:
    return "en" if path.startswith("en/") else "sv"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_feed_parses_as_atom_in_its_language_with_an_entry_per_published_case(site, lang):
    feed = _feed(site, lang)
    assert feed.tag == f"{A}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    entries = feed.findall(f"{A}entry")
    published = load_content(ROOT).published
    assert len(entries) == len(published) + sum(len(case.get("changes", [])) for case in published)
    newest = max(entry.findtext(f"{A}updated") for entry in entries)
    assert feed.findtext(f"{A}updated") == newest, "the feed is as new as its newest entry, not the build"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_feed_link_points_to_a_page_built_in_the_feed_language(site, lang):
    feed = _feed(site, lang)
    links = [(link.get("rel"), link.get("href")) for link in feed.iter(f"{A}link")]
    problems = [f"{FEEDS[lang]}: {rel} link {href} is not a file of the built site" for rel, href in links if not _site_file(site, href)]
    problems += [f"{FEEDS[lang]}: {rel} link {href} leads to the other language"
                 for rel, href in links if _site_file(site, href) and _language(_site_file(site, href)) != lang]
    assert len(links) > 2
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


class _FeedLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml":
            self.hrefs.append(a.get("href", ""))


def test_every_page_names_its_own_language_feed_in_its_head(site):
    problems, pages = [], read_site(site).reader_pages()
    for path in pages:
        parser = _FeedLinks()
        parser.feed((site / path).read_text(encoding="utf-8").split("</head>")[0])
        page_url = SITE_URL + (path[: -len("index.html")] if path.endswith("index.html") else path)
        targets = [urljoin(page_url, href) for href in parser.hrefs]
        if targets != [SITE_URL + FEEDS[_language(path)]]:
            problems.append(f"{path}: feed links {targets}, expected {SITE_URL + FEEDS[_language(path)]}")
    assert len(pages) > 100
    if problems:
        pytest.fail(f"{len(problems)} pages:\n" + "\n".join(problems), pytrace=False)


@pytest.mark.parametrize("lang,path", [("sv", "nytt/index.html"), ("en", "en/nytt/index.html")])
def test_whats_new_page_links_the_feed_and_every_published_case(site, lang, path):
    html = (site / path).read_text(encoding="utf-8")
    feed_links = re.findall(r'<a href="([^"]+)" type="application/atom\+xml">', html)
    assert [urljoin(SITE_URL + path, href) for href in feed_links] == [SITE_URL + FEEDS[lang]]
    linked = {urljoin(SITE_URL + path, href) for href in re.findall(r'href="([^"]+)"', html)}
    prefix = "" if lang == "sv" else "en/"
    missing = [case["id"] for case in load_content(ROOT).published if f"{SITE_URL}{prefix}exempel/{case['id']}/" not in linked]
    assert missing == []


# --- a case with a change -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """The site built from one case: the authoring template, published (it has one change)."""
    folder = tmp_path_factory.mktemp("changed-cases")
    text = (ROOT / "cases" / "_template.yml").read_text(encoding="utf-8").replace("status: draft", "status: published")
    (folder / f"{TEMPLATE_ID}.yml").write_text(text, encoding="utf-8")
    return build_site(tmp_path_factory.mktemp("changed-site") / "site", folder)


@pytest.mark.parametrize("lang,prefix,heading,dates", [
    ("sv", "", "Ändringshistorik", ["15 november 2026", "1 oktober 2026"]),
    ("en", "en/", "Change history", ["15 November 2026", "1 October 2026"]),
])
def test_case_page_shows_its_change_history_newest_first(changed_site, lang, prefix, heading, dates):
    html = (changed_site / f"{prefix}exempel/{TEMPLATE_ID}/index.html").read_text(encoding="utf-8")
    match = re.search(rf"<h2[^>]*>{heading}<a class=\"headerlink\".*?</ul>", html, re.S)
    assert match, f"no {heading} section"
    section = match.group(0)
    assert section.index(dates[0]) < section.index(dates[1])
    assert "Added the 2022 outcome" in section if lang == "en" else "Lade till resultatet för 2022" in section


def test_a_change_is_an_entry_of_the_feed_and_a_line_of_the_whats_new_page(changed_site):
    entries = _feed(changed_site, "sv").findall(f"{A}entry")
    assert [entry.findtext(f"{A}id") for entry in entries] == [
        f"{SITE_URL}exempel/{TEMPLATE_ID}/#changed-2026-11-15", f"{SITE_URL}exempel/{TEMPLATE_ID}/#published-2026-10-01"]
    assert entries[0].findtext(f"{A}summary") == "Lade till resultatet för 2022 från kommunens uppföljning."
    assert _feed(changed_site, "sv").findtext(f"{A}updated") == "2026-11-15T00:00:00Z"
    page = (changed_site / "en/nytt/index.html").read_text(encoding="utf-8")
    assert page.index("<strong>15 November 2026</strong> · Updated:") < page.index("<strong>1 October 2026</strong> · New case:")
