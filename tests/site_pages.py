"""The built site read once: each HTML page parsed (html.parser) into its ids, links and markup problems.

The link and HTML gates (tests/build/test_links.py, test_valid_html.py) share one parse per session
through `read_site`. Every check returns plain lines, path first, so a failing test lists them all:
`en/om/index.html:57: <a href="../x/">: no such file in the site (…/en/x/)`. The HTML rules are named
by the constants below; each problem a page has is kept as (rule, "line: what").
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that load or link to another resource.
LINK_ATTRS = {"a": "href", "area": "href", "link": "href", "script": "src", "img": "src", "iframe": "src",
              "source": "src", "form": "action"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NOT_PAGES = ("assets/", "pagefind/", "404.html")  # files that are not pages a reader navigates to
DUPLICATE_ID, NO_NAME, NO_ALT, NO_TH = "duplicate id", "link or button without a name", "image without alt", "table without th"


@dataclass
class Link:
    tag: str
    attr: str
    url: str
    line: int

    def __str__(self) -> str:
        return f'{self.line}: <{self.tag} {self.attr}="{self.url}">'


@dataclass
class Page:
    path: str                                   # relative to the site root: "en/om/index.html"
    ids: dict[str, list[int]] = field(default_factory=dict)   # id or <a name> -> lines where it is an id
    links: list[Link] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (rule, "line: what")

    @property
    def url(self) -> str:
        """The site path a browser shows: "/en/om/" for en/om/index.html."""
        return "/" + (self.path[:-len("index.html")] if self.path.endswith("index.html") else self.path)


class _PageParser(HTMLParser):
    """One pass over a page: ids, links, links/buttons without a name, images without alt, tables without th."""

    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self._open: list[tuple[str, bool]] = []   # open elements: (tag, hidden from assistive technology)
        self._controls: list[dict] = []          # open <a href> and <button>: do they have a name yet?
        self._tables: list[dict] = []

    def _line(self) -> int:
        return self.getpos()[0]

    def handle_starttag(self, tag, attrs):
        a = {name: (value or "") for name, value in attrs}
        self._record_ids_and_links(tag, a)
        if tag == "img":
            if "alt" not in a:
                self._problem(NO_ALT, self._line(), f'<img src="{a.get("src", "")}"> has no alt (decorative: alt="")')
            elif a["alt"].strip():
                self._named()
        if (tag == "a" and "href" in a) or tag == "button":
            named = bool(a.get("aria-label", "").strip() or a.get("aria-labelledby", "").strip())
            self._controls.append({"tag": tag, "line": self._line(), "named": named, "what": _describe(tag, a)})
        if tag == "table":
            self._tables.append({"line": self._line(), "th": False})
        if tag == "th" and self._tables:
            self._tables[-1]["th"] = True
        if tag not in VOID:
            self._open.append((tag, a.get("aria-hidden") == "true" or self._hidden()))

    def _record_ids_and_links(self, tag: str, a: dict) -> None:
        if "id" in a:
            self.page.ids.setdefault(a["id"], []).append(self._line())
        if tag == "a" and a.get("name"):
            self.page.ids.setdefault(a["name"], [])  # a #fragment target, but not an id
        attr = LINK_ATTRS.get(tag)
        if attr and attr in a:
            self.page.links.append(Link(tag, attr, a[attr], self._line()))

    def _problem(self, rule: str, line: int, what: str) -> None:
        self.page.problems.append((rule, f"{line}: {what}"))

    def _hidden(self) -> bool:
        return bool(self._open) and self._open[-1][1]

    def _named(self) -> None:
        for control in self._controls:
            control["named"] = True

    def handle_data(self, data):
        if data.strip() and not self._hidden() and not (self._open and self._open[-1][0] in ("script", "style")):
            self._named()

    def handle_endtag(self, tag):
        if tag in ("a", "button") and any(c["tag"] == tag for c in self._controls):
            control = next(c for c in reversed(self._controls) if c["tag"] == tag)
            self._controls.remove(control)
            if not control["named"]:
                self._problem(NO_NAME, control["line"], f"{control['what']} has no accessible name "
                              "(no text, aria-label, aria-labelledby or img alt)")
        if tag == "table" and self._tables:
            table = self._tables.pop()
            if not table["th"]:
                self._problem(NO_TH, table["line"], "<table> has no header cell <th>")
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open.pop()[0] != tag:
                pass


def _describe(tag: str, a: dict) -> str:
    shown = " ".join(f'{k}="{a[k]}"' for k in ("href", "class", "id", "type") if k in a)
    return f"<{tag} {shown}>"


def parse_page(path: str, text: str) -> Page:
    page = Page(path)
    parser = _PageParser(page)
    parser.feed(text)
    parser.close()
    page.problems += [(DUPLICATE_ID, f'{lines[0]}: id="{name}" is used {len(lines)} times (lines {", ".join(map(str, lines))})')
                      for name, lines in page.ids.items() if len(lines) > 1]
    return page


@dataclass
class Site:
    root: Path
    files: set[str]                 # every file, relative posix paths
    pages: dict[str, Page]          # every HTML file (pages, 404), by path

    def reader_pages(self) -> list[str]:
        """The pages a reader navigates to: not assets, the search bundle or the 404 page."""
        return sorted(p for p in self.pages if not p.startswith(NOT_PAGES))


@functools.lru_cache(maxsize=None)
def read_site(root: Path) -> Site:
    """Parse every HTML file of a built site once (cached per root for the whole test session)."""
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    pages = {path: parse_page(path, (root / path).read_text(encoding="utf-8"))
             for path in sorted(files) if path.endswith(".html")}
    return Site(root, files, pages)


# --- links -----------------------------------------------------------------------------------------

@dataclass
class Target:
    url: str            # as written, resolved against the page
    path: str | None    # the file it names inside the site, None when outside the site
    fragment: str


def resolve(site: Site, page: Page, url: str, site_url: str) -> Target | None:
    """Where a link leads: a file of the site (path), the outside world (path None), or None (mailto:, data:…)."""
    if url.startswith("#"):  # the same document wherever it is served (the 404 page's skip link, too)
        return Target(url, page.path, unquote(url[1:]))
    base = urlsplit(site_url)
    page_url = f"{base.scheme}://{base.netloc}{base.path.rstrip('/')}{page.url}"
    if page.path == "404.html":  # served at any URL: its links must work from anywhere (root-relative)
        page_url = f"{base.scheme}://{base.netloc}{base.path}__anywhere__/deep/"
    absolute = urlsplit(urljoin(page_url, url))
    if absolute.scheme not in ("http", "https"):
        return None
    if (absolute.scheme, absolute.netloc) != (base.scheme, base.netloc):
        return Target(absolute.geturl(), None, absolute.fragment)
    path = unquote(absolute.path)
    if not path.startswith(base.path):
        return Target(absolute.geturl(), "", absolute.fragment)  # on our host but outside the site
    path = posixpath.normpath(path[len(base.path):]) if path != base.path else "."
    path = "" if path == "." else path
    for candidate in (path, f"{path}/index.html".lstrip("/")):
        if candidate in site.files:
            return Target(absolute.geturl(), candidate, unquote(absolute.fragment))
    return Target(absolute.geturl(), "", unquote(absolute.fragment))


def broken_links(site: Site, site_url: str) -> tuple[int, list[str]]:
    """(links checked, problems): internal targets that do not exist, #fragments with no such id or name."""
    checked, problems = 0, []
    for page in site.pages.values():
        for link in page.links:
            target = resolve(site, page, link.url, site_url)
            if target is None or target.path is None:
                continue
            checked += 1
            if not target.path:
                problems.append(f"{page.path}:{link}: no such file in the site ({target.url})")
            elif target.fragment and target.path in site.pages and target.fragment not in site.pages[target.path].ids:
                problems.append(f"{page.path}:{link}: {target.path} has no id or name \"{target.fragment}\"")
    return checked, problems


def outside_links(site: Site, site_url: str) -> list[tuple[str, Link]]:
    """Every link that leaves the site, with the page it is on."""
    found = []
    for page in site.pages.values():
        for link in page.links:
            target = resolve(site, page, link.url, site_url)
            if target is not None and target.path is None:
                found.append((page.path, link))
    return found


def reachable_pages(site: Site, site_url: str, starts: tuple[str, ...] = ("index.html", "en/index.html")) -> set[str]:
    """The pages a reader reaches from the home pages by following links and (GET) forms, in the built files.

    The header's search form is how readers reach the search pages, so form actions count as links."""
    seen, queue = set(starts), list(starts)
    while queue:
        page = site.pages[queue.pop()]
        for link in page.links:
            if link.tag not in ("a", "area", "form"):
                continue
            target = resolve(site, page, link.url, site_url)
            if target and target.path and target.path in site.pages and target.path not in seen:
                seen.add(target.path)
                queue.append(target.path)
    return seen


class _LanguageParts(HTMLParser):
    """Text and links inside each element that declares its own lang (below <html>), by language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: dict[str, dict] = {}
        self._open: list[tuple[str, str | None]] = []  # (tag, lang it declares)

    def _lang(self) -> str | None:
        return next((lang for _, lang in reversed(self._open) if lang), None)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in VOID and tag != "html":
            self._open.append((tag, a.get("lang")))
        lang = self._lang()
        if lang and tag == "a" and a.get("href"):
            self.parts.setdefault(lang, {"text": "", "links": []})["links"].append(a["href"])

    def handle_data(self, data):
        if self._lang():
            self.parts.setdefault(self._lang(), {"text": "", "links": []})["text"] += data

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self._open):
            while self._open.pop()[0] != tag:
                pass


def language_parts(text: str) -> dict[str, dict]:
    """{lang: {"text": …, "links": [href, …]}} for the parts of a page marked with their own lang."""
    parser = _LanguageParts()
    parser.feed(text)
    return parser.parts
