"""The page types the quality gates visit (accessibility, privacy), each in a state a reader can reach.

A view is one page type in one state: the catalogue as it opens and with filters chosen and every
facet opened, the search page before and after a search, each e-tool empty and with a result. Every
view is visited in both languages. The illustrative case page comes from a site built from the
fixture cases (no real case is illustrative); `fixture_site_url` (tests/conftest.py) builds and serves it once.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import pytest

from macros.clauses import clause_data
from macros.content import load_content
from tests.conftest import FIXTURE_CASES, ROOT

LANGS = ("sv", "en")
LANG_ROOT = {"sv": "/", "en": "/en/"}
ILLUSTRATIVE_CASE = "alfa-stad-stadning"  # every fixture case is made up and marked illustrative


def _suitability_answers() -> str:
    """Every question of the suitability check answered (yes), so the page shows an outcome."""
    questions = load_content(ROOT).etools["suitability"]["questions"]
    return urlencode({question["id"]: "yes" for question in questions})


def _filled_clause() -> str:
    """The clause variant with the most details, every detail filled in with a valid value."""
    content = load_content(ROOT)
    data = clause_data(content.etools, content.taxonomy)
    variant = max(data["variants"], key=lambda v: len(v["parameters"]))
    by_id = {parameter["id"]: parameter for parameter in data["parameters"]}
    fields = [("variant", variant["id"])]
    for pid in variant["parameters"]:
        parameter = by_id[pid]
        if parameter["kind"] == "number":
            fields.append((pid, str(parameter["min"])))
        else:
            fields += [(pid, option["id"]) for option in parameter["options"][:2 if parameter["kind"] == "multi" else 1]]
    return urlencode(fields)


@dataclass(frozen=True)
class View:
    """A page in a state: `path` below the language root, `ready` a selector that shows the state is reached."""

    name: str
    path: str | dict[str, str]  # one path, or one per language (a search term in the page's language)
    ready: str | None = None
    open_details: bool = False  # open every disclosure (<details>) as a reader would, by its summary
    illustrative_site: bool = False
    langs: tuple[str, ...] = LANGS

    def url(self, base: str, lang: str) -> str:
        path = self.path[lang] if isinstance(self.path, dict) else self.path
        return base + LANG_ROOT[lang] + path


VIEWS = [
    View("home", ""),
    View("whats-new", "nytt/"),
    View("guide", "sysselsattningskrav/"),
    View("role", "roller/beslutsfattare/"),
    View("phase", "faser/planera/"),
    View("checklist", "checklistor/uppfoljning/"),
    View("condition", "villkor/dialogkrav/"),
    View("international", "internationellt/norge/"),
    View("work-package", "arbetspaket/wp05/"),
    View("work-packages", "arbetspaket/"),
    View("catalogue", "exempel/", ready="#kb-filters:not([hidden])"),
    View("catalogue-filtered", "exempel/?requirement=employment&sector=infrastructure&sector=construction&q=trafikverket&from=2015&outcomes=1",
         ready="#kb-filters:not([hidden])", open_details=True),
    View("catalogue-no-match", "exempel/?sector=ict&requirement=bonus", ready="#kb-filters:not([hidden])", open_details=True),
    View("key-figures", "nyckeltal/"),
    View("case", "exempel/trafikverket-tumregel/"),
    View("case-illustrative", f"exempel/{ILLUSTRATIVE_CASE}/", illustrative_site=True),
    View("search", "sok/", ready="#kb-search-q"),
    View("search-results", {"sv": "sok/?q=upphandling", "en": "sok/?q=procurement"}, ready=".kb-search__results a"),
    View("tools", "verktyg/"),
    View("suitability", "verktyg/lamplighet/", ready="#kb-tool-form:not([hidden])"),
    View("suitability-result", f"verktyg/lamplighet/?{_suitability_answers()}", ready="#kb-tool-result:not([hidden])"),
    View("placement", "verktyg/antal-platser/", ready="#kb-tool-form:not([hidden])"),
    View("placement-result", "verktyg/antal-platser/?value=100000000&type=works&months=24", ready="#kb-tool-result:not([hidden])"),
    View("clauses", "verktyg/villkorsbyggare/", ready="#kb-tool-form:not([hidden])"),
    View("clauses-filled", f"verktyg/villkorsbyggare/?{_filled_clause()}", ready="#kb-tool-form:not([hidden])"),
    View("glossary", "ordlista/"),
    View("about", "om/"),
    View("open-data", "oppna-data/"),
    View("accessibility-statement", "tillganglighet/"),
    View("privacy", "integritet/"),
    # One page for every missing URL in both languages (each part with its own lang): there is no en/404.html.
    View("not-found", "404.html", langs=("sv",)),
]
VISITS = [(view, lang) for view in VIEWS for lang in view.langs]
VISIT_IDS = [f"{view.name}-{lang}" for view, lang in VISITS]
VIEW = {view.name: view for view in VIEWS}  # by name, for tests that visit one page type


def open_view(page, view: View, base: str, lang: str):
    """Load a view and bring it into its state; returns the page."""
    page.set_default_timeout(10_000)
    page.goto(view.url(base, lang))
    if view.ready:
        page.wait_for_selector(view.ready)
    if view.open_details:
        closed = page.locator("details:not([open]) > summary")
        for _ in range(closed.count()):
            closed.first.click()
        assert closed.count() == 0, "a disclosure did not open when its summary was clicked"
    return page


def base_url(request, view: View) -> str:
    """The server a view lives on: the real site, or the fixture site for the illustrative case."""
    return request.getfixturevalue("fixture_site_url" if view.illustrative_site else "site_url")
