"""Interface text the code puts on pages: one flat table per language, with identical keys."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .taxonomy import LANGUAGES
from .yaml_source import read_yaml


class Labels:
    """Look up interface text by dotted key; an unknown key is a programming error and fails loudly."""

    def __init__(self, tables: dict[str, dict[str, str]]):
        self.tables = tables

    def __call__(self, lang: str, key: str, **values) -> str:
        text = self.tables[lang][key]
        return text.format(**values) if values else text


def load_labels(file: Path, shown_as: str) -> tuple[Labels | None, list[Problem]]:
    """Read the label table; Swedish is the reference and English must have exactly its keys."""
    source, problems = read_yaml(file, shown_as)
    if source is None:
        return None, problems
    tables = {lang: source.data.get(lang) for lang in LANGUAGES}
    for lang, table in tables.items():
        if not isinstance(table, dict):
            problems.append(Problem(shown_as, source.line_of((lang,)), lang, "must be a mapping of label keys to texts"))
    if problems:
        return None, problems
    reference = tables[LANGUAGES[0]]
    for lang in LANGUAGES:
        for key in sorted(set(reference) - set(tables[lang])):
            problems.append(Problem(shown_as, source.line_of((LANGUAGES[0], key)), f"{lang}.{key}", "label is missing (the line is the Swedish one)"))
        for key in sorted(set(tables[lang]) - set(reference)):
            problems.append(Problem(shown_as, source.line_of((lang, key)), f"{lang}.{key}", "label has no Swedish counterpart"))
        for key, text in tables[lang].items():
            if not isinstance(text, str) or not text:
                problems.append(Problem(shown_as, source.line_of((lang, key)), f"{lang}.{key}", "label is empty"))
    return (Labels(tables) if not problems else None), problems
