"""Read and check the e-tools' data (macros/etools.yml): every question, outcome and rule, with the
line of each mistake, before any tool page is built.

The rule language of the suitability check lives in suitability.py, the rule kinds of the placement
estimator in placement.py; this module only checks that the data speaks them. The clause
builder's section has its own checks in clauses_check.py.
"""

from __future__ import annotations

import re
from pathlib import Path

from .clauses_check import ClauseChecks
from .placement import CONTRACT_TYPES, KINDS
from .problems import Problem
from .suitability import COUNT_TEST, GROUPS, SET_NAMES
from .taxonomy import LANGUAGES
from .yaml_source import Source, dotted, read_yaml

DOCS_LINK = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*\.md$")  # no '..', no '/', no '.en'
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Each item's fields and how they are checked (the method _Checker.<kind>); optional fields after.
QUESTION = {"id": "id", "group": "group", "text": "text", "source": "url"}
OUTCOME = {"id": "id", "when": "when", "reasons": "reasons", "title": "text", "explanation": "text", "links": "links",
           "cases": "case_filter"}
RULE = {"id": "id", "kind": "kind", "name": "text", "source": "url", "limits": "text"}
OPTIONAL = {"indicator": "flag"}


def load_etools(file: Path, shown_as: str, filters: dict[str, list[str]]) -> tuple[dict | None, list[Problem]]:
    """Read etools.yml and check it; one Problem per mistake, and no data unless there are none.

    `filters` are the catalogue's facet keys and the values each may take (facets.filterable_values):
    an outcome's `cases` names the matching cases the way a filtered catalogue link does.
    """
    source, problems = read_yaml(file, shown_as)
    if source is None:
        return None, problems
    checker = _Checker(source, filters)
    checker.tools()
    problems = sorted(checker.problems, key=Problem.sort_key)
    return (None if problems else source.data), problems


def unknown_guides(tools: dict, guide_docs: set[str], shown_as: str) -> list[Problem]:
    """Outcome links must be guide pages (filed under a work package), whose titles the result shows."""
    return [Problem(shown_as, None, f"suitability.outcomes[{index}].links",
                    f"{link} is not a guide page filed under a work package (front matter work_packages)")
            for index, outcome in enumerate(tools["suitability"]["outcomes"]) for link in outcome["links"]
            if link not in guide_docs]


def _rule_fields(rule: dict) -> tuple[dict, bool]:
    """A rule's fields depend on its kind; with an unknown kind only the common fields can be checked."""
    if rule.get("kind") in KINDS:
        return {**RULE, **KINDS[rule["kind"]]}, True
    return RULE, False


class _Checker(ClauseChecks):
    """Walks the data once, noting each mistake with its line."""

    def __init__(self, source: Source, filters: dict[str, list[str]]):
        self.source, self.filters, self.problems, self.seen_ids = source, filters, [], set()

    def report(self, path: tuple, message: str) -> None:
        self.problems.append(Problem(self.source.path, self.source.line_of(path), dotted(path), message))

    def tools(self) -> None:
        check = self.mapping(self.source.data.get("suitability"), ("suitability",))
        if check is not None:
            self.fields(check, ("suitability",), {"notice": "text", "threshold_note": "text", "market_note": "text"}, whole=False)
            self.items(check.get("questions"), ("suitability", "questions"), lambda q: (QUESTION, True))
            self.items(check.get("outcomes"), ("suitability", "outcomes"), lambda o: (OUTCOME, True))
        placement = self.mapping(self.source.data.get("placement"), ("placement",))
        if placement is not None:
            self.fields(placement, ("placement",), {"notice": "text", "contract_types": "contract_types"}, whole=False)
            self.items(placement.get("rules"), ("placement", "rules"), _rule_fields)
        self.clauses()

    def mapping(self, value, path: tuple) -> dict | None:
        if isinstance(value, dict):
            return value
        missing = value is None and isinstance(path[-1], str)
        self.report(path, f"{path[-1]} is missing" if missing else "must be a mapping of fields (key: value)")
        return None

    def items(self, value, path: tuple, fields_of) -> None:
        if not isinstance(value, list) or not value:
            return self.report(path, "must be a non-empty list")
        for index, item in enumerate(value):
            if self.mapping(item, path + (index,)) is not None:
                self.fields(item, path + (index,), *fields_of(item))

    def fields(self, item: dict, path: tuple, fields: dict, whole: bool = True) -> None:
        for name, kind in fields.items():
            if name not in item:
                self.report(path + (name,), f"{name} is missing")
            else:
                getattr(self, kind)(item[name], path + (name,))
        for name in item if whole else ():
            if name in OPTIONAL:
                getattr(self, OPTIONAL[name])(item[name], path + (name,))
            elif name not in fields:
                self.report(path + (name,), f"unknown field; expected {', '.join(fields)}")

    def text(self, value, path: tuple) -> None:
        texts = value if isinstance(value, dict) else {}
        for lang in LANGUAGES:
            if not isinstance(texts.get(lang), str) or not texts[lang].strip():
                self.report(path + (lang,), f"{LANGUAGE_NAMES[lang]} text is missing")

    def url(self, value, path: tuple) -> None:
        if not isinstance(value, str) or not re.fullmatch(r"https://[^\s/]+\.[^\s]+", value):
            self.report(path, f"{value!r} is not an https:// address; give the source as https://…")

    def id(self, value, path: tuple) -> None:
        if not isinstance(value, str) or not ID.match(value):
            self.report(path, f"{value!r} is not an id; use lower-case words joined by hyphens, e.g. go-ahead")
        elif value in self.seen_ids:
            self.report(path, f"id {value!r} is used twice; every id must be unique")
        self.seen_ids.add(value)

    def group(self, value, path: tuple) -> None:
        if value not in GROUPS:
            self.report(path, f"{value!r} is not one of {', '.join(GROUPS)}")

    def flag(self, value, path: tuple) -> None:
        if not isinstance(value, bool):
            self.report(path, f"{value!r} must be true or false")

    def when(self, value, path: tuple) -> None:
        for name, test in (self.mapping(value, path) or {}).items():
            if name not in SET_NAMES:
                self.report(path + (name,), f"{name!r} is not one of {', '.join(SET_NAMES)}")
            if not isinstance(test, str) or not COUNT_TEST.match(test):
                self.report(path + (name,), f"{test!r} is not a count test; write \">=N\", \"<=N\" or \"==N\", e.g. \">=1\"")

    def reasons(self, value, path: tuple) -> None:
        for index, name in enumerate(value if isinstance(value, list) else [value]):
            if name not in SET_NAMES:
                self.report(path + (index,), f"{name!r} is not one of {', '.join(SET_NAMES)}")

    def links(self, value, path: tuple) -> None:
        if not isinstance(value, list) or not value:
            return self.report(path, "must be a non-empty list of pages, e.g. [villkor/dialogkrav.md]")
        for index, link in enumerate(value):
            if not isinstance(link, str) or not DOCS_LINK.match(link):
                self.report(path + (index,), f"{link!r} is not a page path inside docs/; write it like villkor/dialogkrav.md (no leading /, no .en)")

    def case_filter(self, value, path: tuple) -> None:
        filters = self.mapping(value, path) or {}
        if not filters:
            self.report(path, "name the matching cases as catalogue filters, e.g. {requirement: [dialogue]}")
        for key, values in filters.items():
            if key not in self.filters:
                self.report(path + (key,), f"{key!r} is not one of the catalogue's filters {', '.join(self.filters)}")
            elif not isinstance(values, list) or not values or any(v not in self.filters[key] for v in values):
                self.report(path + (key,), f"{values!r} must be a list of {', '.join(self.filters[key])}")

    def kind(self, value, path: tuple) -> None:
        if value not in KINDS:
            self.report(path, f"{value!r} is not one of {', '.join(KINDS)}")

    def number(self, value, path: tuple) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            self.report(path, f"{value!r} must be a whole number above 0")

    def per_contract_type(self, value, path: tuple) -> None:
        self.fields(self.mapping(value, path) or {}, path, {t: "number" for t in CONTRACT_TYPES})

    def contract_types(self, value, path: tuple) -> None:
        self.fields(self.mapping(value, path) or {}, path, {t: "text" for t in CONTRACT_TYPES})
