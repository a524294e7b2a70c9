"""Text from a case file is shown as text on every page that shows it, and never runs or becomes markup.

tests/fixtures/injection_cases/ holds one valid, published case whose every text field carries
HTML/JavaScript that the content check lets through (entity-encoded tags, quotes that would end an
attribute, Markdown links with quotes, a web address with ')' and '<'). The site is
built from it and each page that shows the case is opened in Chromium, in both languages, with a
synthetic mouse-over, focus and click on every element of the article, while nothing may leave
127.0.0.1.
"""

from __future__ import annotations


import pytest

from macros.content import load_content
from macros.schema import case_schema
from tests.conftest import ROOT, build_site, serve
from tests.quality import tally

INJECTION_CASES = ROOT / "tests" / "fixtures" / "injection_cases"
MARKERS = ("xss", "alert(")
LANGUAGES = ("sv", "en")

# Page kind -> path below the language root, and how long to wait for what the page builds itself.
PAGES = {
    "case": ("exempel/{id}/", None),
    "catalogue": ("exempel/", "#kb-filters:not([hidden])"),
    "search": ("sok/?q=xss", ".kb-search__result"),
    "home": ("", None),
    "work-package": ("arbetspaket/wp05/", None),
    "role": ("roller/upphandlande-organisation/", None),
    "phase": ("faser/upphandla/", None),
}

# What a reader sees of each story part: Markdown is rendered and entities are decoded, so an
# encoded tag is shown as the tag's text. The payloads of the links and the link
# title stay inside escaped attributes, so only the words around them show.
STORY_SHOWN = {
    ("background", "sv"): "xss-bakgrund <script>alert(17)</script> och <img src=x onerror=alert(18)> som text.",
    ("background", "en"): "xss-background länk.",
    ("implementation", "sv"): "xss-genomförande <svg/onload=alert(45)> hexadecimalt.",
    ("implementation", "en"): "xss-implementation ref with a title.",
    ("requirement", "sv"): "xss-krav javascript:alert(21) och \" onmouseover=\"alert(22) och ' onfocus='alert(23)",
    ("requirement", "en"): "xss-requirement &lt;svg onload=alert(24)&gt; and &lt;script&gt;alert(25)&lt;/script&gt; in code.",
    ("results", "sv"): "xss-resultat <iframe src=x></iframe> och %3Cscript%3Ealert(26)%3C/script%3E.",
    ("results", "en"): "xss-results <img src=x onerror=alert(27)> in bold.",
    ("lessons", "sv"): "xss-lärdom <a href=x onclick=alert(28)>x</a>",
    ("lessons", "en"): "xss-lesson <style>bodydisplay:none</style> <!-- kommentar -->",
}

# Run in the page: every element with an on… attribute, every script that is not the site's own,
# and every element a payload would have made.
FIND_INJECTED = """() => {
  const describe = (el) => el.outerHTML.slice(0, 120);
  const all = [...document.querySelectorAll('*')];
  const handlers = all.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')));
  const scripts = [...document.scripts].filter((s) =>
    (s.src && new URL(s.src).origin !== location.origin) || /alert\\(|xss/.test(s.textContent));
  const elements = [...document.querySelectorAll(
    'iframe, object, embed, base, frame, meta[http-equiv], img[src="x"], a[href="x"], svg[onload], ' +
    'a[href^="javascript" i], [src^="javascript" i], [style*="display:none"]')];
  return [...handlers, ...scripts, ...elements].map(describe);
}"""

# Run in the page: a mouse-over, focus and click on every element of the article (links do not navigate).
PROVOKE = """() => {
  window.addEventListener('click', (event) => event.preventDefault(), true);
  for (const el of document.querySelectorAll('.md-content *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click']) {
      el.dispatchEvent(new Event(type, {bubbles: true, cancelable: true}));
    }
  }
}"""


def _text(page, selector: str) -> str:
    """The text content of the first match, as written (not as laid out), without the permalink sign."""
    return page.locator(selector).first.evaluate("(el) => el.textContent").replace("¶", "").strip()


def _texts(page, selector: str) -> list[str]:
    return [text.replace("¶", "").strip() for text in page.locator(selector).evaluate_all("(els) => els.map((el) => el.textContent)")]


@pytest.fixture(scope="module")
def case() -> dict:
    """The injection case, through the real content check: its payloads are ones the check allows."""
    return load_content(ROOT, INJECTION_CASES).published[0]


@pytest.fixture(scope="module")
def injection_server(tmp_path_factory):
    yield from serve(build_site(tmp_path_factory.mktemp("injection-site") / "site", INJECTION_CASES))


def _free_text_fields(schema: dict, path: tuple = ()):
    """Paths of every free-text field in the case schema ('*' for list items): strings without a
    fixed list of values or a format (ids, dates and web addresses have one)."""
    if schema.get("type") == "object":
        for key, child in schema.get("properties", {}).items():
            yield from _free_text_fields(child, path + (key,))
    elif schema.get("type") == "array":
        yield from _free_text_fields(schema.get("items", {}), path + ("*",))
    elif schema.get("type") == "string" and "enum" not in schema and schema.get("pattern", r"\S") == r"\S":
        yield path


def _values(data, path: tuple) -> list:
    if not path:
        return [data]
    head, rest = path[0], path[1:]
    if head == "*":
        return [value for item in data for value in _values(item, rest)] if isinstance(data, list) else []
    return _values(data[head], rest) if isinstance(data, dict) and head in data else []


def test_every_text_field_of_the_injection_case_carries_a_payload(case):
    content = load_content(ROOT, INJECTION_CASES)
    fields = list(_free_text_fields(case_schema(content.taxonomy)))
    assert len(fields) >= 20
    without = [path for path in fields if not _values(case, path) or not all(
        any(marker in value for marker in MARKERS) for value in _values(case, path))]
    assert not without, f"text fields without a payload in the injection case: {without}"
    tally("injection", payload_fields=sum(len(_values(case, path)) for path in fields) + len(case["sources"]))  # + each web address


@pytest.fixture
def opened(page, injection_server, case):
    """Open a page of the injection site with dialogs recorded and every request off the site refused."""
    dialogs, refused = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(injection_server)
               else (refused.append(route.request.url), route.abort()))
    page.set_default_timeout(10000)

    def open_page(kind: str, lang: str):
        path, ready = PAGES[kind]
        page.goto(f"{injection_server}/{'en/' if lang == 'en' else ''}{path.format(id=case['id'])}")
        if ready:
            page.wait_for_selector(ready)
        page.evaluate(PROVOKE)
        page.wait_for_timeout(200)  # an onerror or onload handler fires after the page has loaded
        return dialogs

    return open_page


def _shown_as_text(page, kind: str, lang: str, case: dict) -> list[str]:
    """The texts this kind of page must show exactly as written; returns what is missing."""
    title, summary, name = case["title"][lang], case["summary"][lang], case["organisation"]["name"][lang]
    article = _text(page, "article")
    if kind == "case":
        outcome, source = case["outcomes"][0], case["sources"][0]
        expected = [outcome["period"][lang], outcome["note"][lang], source["title"], source["publisher"],
                    *case["keywords"][lang], *(text for (part, language), text in STORY_SHOWN.items() if language == lang)]
        expected += ['xss-rubrik " onclick="alert(46)'] if lang == "sv" else []  # an admonition's title
        shown = {"h1": _text(page, "article h1"), "summary": _text(page, ".kb-summary")}
        missing = [f"{where}: {text!r}" for where, text in (("h1", title), ("summary", summary)) if shown[where] != text]
        return missing + [repr(text) for text in [name, *expected] if text not in " ".join(article.split()) and text not in article]
    if kind == "catalogue":
        card = page.locator(f"#case-{case['id']}")
        got = (_text(card, ".kb-card__title"), _text(card, ".kb-card__summary"), _text(card, ".kb-card__meta"))
        return [f"card: {got!r}"] if got[:2] != (title, summary) or name not in got[2] else []
    if kind == "search":
        results = page.locator(".kb-search__result", has=page.locator(f"a[href$='/exempel/{case['id']}/']"))
        excerpt_tags = results.first.locator(".kb-search__excerpt *:not(mark)").count()
        shown = _texts(results, ".kb-search__title")
        return ([f"search result titles {shown!r}"] if title not in shown else []) + \
               ([f"{excerpt_tags} elements other than <mark> in the excerpt"] if excerpt_tags else [])
    entries = [text for text in _texts(page, "article li") if title in text]
    return [] if any(name in text and summary in text for text in entries) else [f"listing entry for {title!r}: {entries!r}"]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_case_text_is_shown_as_text_and_never_runs(opened, page, case, kind, lang):
    dialogs = opened(kind, lang)
    injected = page.evaluate(FIND_INJECTED)
    missing = _shown_as_text(page, kind, lang, case)
    tally("injection", pages=1, executed=len(dialogs))
    assert not dialogs, f"script ran: {dialogs}"
    assert not injected, f"payload became markup: {injected}"
    assert not missing, f"payload not shown as written: {missing}"
