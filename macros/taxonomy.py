"""The controlled vocabulary (cases/_taxonomy.yml): every classifying value, defined once, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .yaml_source import read_yaml

LANGUAGES = ("sv", "en")

# The usual cause of an unexpected key in {sv: …, en: …}: YAML splits unquoted text at commas.
COMMA_HINT = "a comma inside {sv: …, en: …} on one line splits the text; put each text in quotes"

# Which taxonomy category each classifying case field draws its values from.
CATEGORIES = (
    "work_packages", "sectors", "contract_types", "requirement_types", "target_groups",
    "roles", "phases", "organisation_types", "countries", "counties", "measures",
)


@dataclass(frozen=True)
class Term:
    """One controlled value: its id, and its label and description per language."""

    id: str
    label: dict
    description: dict
    summable: bool = True  # measures only: false for figures that must never be added up (a percentage)


class Taxonomy:
    """Categories of terms, in the order the file gives them."""

    def __init__(self, categories: dict[str, dict[str, Term]]):
        self.categories = categories

    def ids(self, category: str) -> list[str]:
        return list(self.categories[category])

    def term(self, category: str, term_id: str) -> Term:
        return self.categories[category][term_id]

    def label(self, category: str, term_id: str, lang: str) -> str:
        return self.categories[category][term_id].label[lang]


def load_taxonomy(file: Path, shown_as: str) -> tuple[Taxonomy | None, list[Problem]]:
    """Read the taxonomy file; every category must exist and every term have sv and en texts."""
    source, problems = read_yaml(file, shown_as)
    if source is None:
        return None, problems
    categories: dict[str, dict[str, Term]] = {}
    for category in CATEGORIES:
        terms = source.data.get(category)
        if not isinstance(terms, dict) or not terms:
            problems.append(Problem(shown_as, None, category, "category is missing or empty"))
            continue
        categories[category] = {}
        for term_id, entry in terms.items():
            term, term_problems = _term(category, str(term_id), entry, source)
            problems += term_problems
            if term:
                categories[category][term.id] = term
    for unknown in sorted(set(source.data) - set(CATEGORIES)):
        problems.append(Problem(shown_as, source.line_of((unknown,)), unknown, f"unknown category; known are {', '.join(CATEGORIES)}"))
    return (Taxonomy(categories) if not problems else None), problems


def _term(category: str, term_id: str, entry, source) -> tuple[Term | None, list[Problem]]:
    problems = []
    texts = {}
    for part in ("label", "description"):
        value = entry.get(part) if isinstance(entry, dict) else None
        for lang in LANGUAGES:
            text = value.get(lang) if isinstance(value, dict) else None
            if not isinstance(text, str) or not text.strip():
                path = (category, term_id, part, lang)
                problems.append(Problem(source.path, source.line_of(path), ".".join(path), f"{'Swedish' if lang == 'sv' else 'English'} text is missing"))
        for extra in sorted(set(value) - set(LANGUAGES), key=str) if isinstance(value, dict) else ():
            path = (category, term_id, part)
            problems.append(Problem(source.path, source.line_of(path), ".".join(path), f"unexpected key {extra!r}; {COMMA_HINT}"))
        texts[part] = value
    summable, summable_problems = _summable(category, term_id, entry, source)
    problems += summable_problems
    return (Term(term_id, texts["label"], texts["description"], summable) if not problems else None), problems


def _summable(category: str, term_id: str, entry, source) -> tuple[bool, list[Problem]]:
    """`summable: false` keeps a measure's figures out of every key-figure total; only measures may say it."""
    if not isinstance(entry, dict) or "summable" not in entry:
        return True, []
    path = (category, term_id, "summable")
    where = (source.path, source.line_of(path), ".".join(path))
    if category != "measures":
        return True, [Problem(*where, "only measures can be marked summable; remove the line")]
    if not isinstance(entry["summable"], bool):
        return True, [Problem(*where, f"must be true or false, not {entry['summable']!r}")]
    return entry["summable"], []
