"""Guides: hand-written pages filed under work packages by `work_packages:` in their Swedish front matter.

Work-package pages list their guides from here, so the filing lives in one place: the guide itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_CASES_WHERE = re.compile(r'\{\{\s*cases_for_(role|phase)\("([^"]*)"\)\s*\}\}')
_TITLE = re.compile(r"^# (.+)$", re.M)


@dataclass(frozen=True)
class Guide:
    doc: str                     # docs-relative path of the Swedish page, e.g. "sysselsattningskrav.md"
    title: dict                  # {sv, en}: the pages' h1
    work_packages: tuple[str, ...]


def load_guides(docs_dir: Path, work_packages: list[str], languages: tuple[str, ...]) -> tuple[list[Guide], list[Problem]]:
    """Every page whose front matter files it under work packages, with its title in each language."""
    guides, problems = [], []
    for page in sorted(docs_dir.rglob("*.md")):
        if any(page.name.endswith(f".{lang}.md") for lang in languages[1:]):
            continue
        match = _FRONT_MATTER.match(page.read_text(encoding="utf-8"))
        filed = (yaml.safe_load(match.group(1)) or {}).get("work_packages") if match else None
        if not filed:
            continue
        shown = f"docs/{page.relative_to(docs_dir).as_posix()}"
        unknown = [wp for wp in filed if wp not in work_packages] if isinstance(filed, list) else [filed]
        if unknown:
            problems.append(Problem(shown, 2, "work_packages", f"{unknown[0]!r} is not one of {', '.join(work_packages)}"))
            continue
        titles = {lang: _title(page if lang == languages[0] else page.with_name(page.name[:-3] + f".{lang}.md")) for lang in languages}
        guides.append(Guide(page.relative_to(docs_dir).as_posix(), titles, tuple(filed)))
    return guides, problems


def _title(page: Path) -> str:
    match = _TITLE.search(page.read_text(encoding="utf-8")) if page.exists() else None
    return match.group(1).strip() if match else page.stem


def macro_argument_problems(docs_dir: Path, taxonomy) -> list[Problem]:
    """cases_for_role("…") / cases_for_phase("…") in a page must name a known role or phase, so a
    typo is one plain line here instead of a traceback from the template engine."""
    problems = []
    for page in sorted(docs_dir.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in _CASES_WHERE.finditer(text):
            category = {"role": "roles", "phase": "phases"}[match.group(1)]
            if match.group(2) not in taxonomy.ids(category):
                line = text[: match.start()].count("\n") + 1
                problems.append(Problem(f"docs/{page.relative_to(docs_dir).as_posix()}", line, f"cases_for_{match.group(1)}",
                                        f"{match.group(2)!r} is not one of {', '.join(taxonomy.ids(category))}"))
    return problems
