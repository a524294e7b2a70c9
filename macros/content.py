"""Load and check all content (taxonomy, labels, cases) once, before any page renders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator, validators

from .labels import Labels, load_labels
from .problems import ContentError, Problem
from .schema import case_schema
from .taxonomy import Taxonomy, load_taxonomy
from .validation import validate_case
from .yaml_source import read_yaml

CASES_DIR = "cases"
TAXONOMY_FILE = "cases/_taxonomy.yml"
LABELS_FILE = "macros/labels.yml"


@dataclass(frozen=True)
class Content:
    """Everything the pages are made from, already validated."""

    taxonomy: Taxonomy
    labels: Labels
    cases: list[dict]  # every case, drafts included, sorted by id

    @property
    def published(self) -> list[dict]:
        return [case for case in self.cases if case["status"] == "published"]

    def case(self, case_id: str) -> dict:
        return next(case for case in self.cases if case["id"] == case_id)


# YAML reads 2020.0 as a float; a year or an amount written that way is a slip, not a whole number.
_CaseValidator = validators.extend(Draft202012Validator, type_checker=Draft202012Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool)))


def case_files(cases_dir: Path) -> list[Path]:
    """The case files: every .yml in the folder except the _-prefixed support files."""
    return sorted(p for p in cases_dir.glob("*.yml") if not p.name.startswith("_"))


def load_content(root: Path, cases_dir: Path | None = None, today: dt.date | None = None) -> Content:
    """Read and validate everything; raise ContentError listing every problem if anything is wrong.

    `cases_dir` replaces root/cases, e.g. for the benchmark's demo cases or a test's fixtures.
    """
    taxonomy, problems = load_taxonomy(root / TAXONOMY_FILE, TAXONOMY_FILE)
    labels, label_problems = load_labels(root / LABELS_FILE, LABELS_FILE)
    problems += label_problems
    folder = cases_dir or root / CASES_DIR
    files = case_files(folder)
    problems += _folder_problems(folder, root)
    if taxonomy is None or labels is None or problems:
        raise ContentError(problems, len(files) + 2)
    validator = _CaseValidator(case_schema(taxonomy))
    stems = {file.stem: _shown_as(file, root) for file in files}
    cases = []
    for file in files:
        source, file_problems = read_yaml(file, _shown_as(file, root))
        if source is not None:
            file_problems = validate_case(source, validator, stems, file.stem, today or dt.date.today())
        problems += file_problems
        if not file_problems:
            cases.append(source.data)
    if problems:
        raise ContentError(problems, len(files) + 2)
    return Content(taxonomy, labels, sorted(cases, key=lambda case: case["id"]))


def _folder_problems(folder: Path, root: Path) -> list[Problem]:
    """A missing folder, or case files with another ending, would otherwise pass unseen."""
    if not folder.is_dir():
        return [Problem(_shown_as(folder, root), None, "", "folder of case files not found")]
    return [Problem(_shown_as(p, root), None, "", f"case files end in .yml; rename it to {p.stem}.yml")
            for p in sorted(folder.glob("*.yaml"))]


def _shown_as(file: Path, root: Path) -> str:
    """A path relative to the project when it is inside it, as authors know it."""
    try:
        return str(file.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(file)


_cache: dict = {}


def cached_content(root: Path, cases_dir: Path | None = None) -> Content:
    """load_content, parsed once per process and again only when a content file changes.

    `mkdocs serve` and the i18n plugin's one build per language both call this many times.
    """
    folder = cases_dir or root / CASES_DIR
    watched = [root / TAXONOMY_FILE, root / LABELS_FILE, *case_files(folder)]
    key = (str(root), str(folder), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in watched))
    if _cache.get("key") != key:
        _cache.clear()
        _cache.update(key=key, content=load_content(root, cases_dir))
    return _cache["content"]
