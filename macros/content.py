"""Load and check all content (taxonomy, labels, cases) once, before any page renders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .etools import load_etools, unknown_guides
from .facets import filterable_values
from .guides import Guide, load_guides, macro_argument_problems
from .labels import Labels, load_labels
from .page_pairs import doc_pages, unpaired_pages
from .problems import ContentError, Problem
from .schema import case_schema
from .taxonomy import LANGUAGES, Taxonomy, load_taxonomy
from .validation import CaseValidator, validate_case
from .yaml_source import read_yaml

DOCS_DIR = "docs"
CASES_DIR = "cases"
TAXONOMY_FILE = "cases/_taxonomy.yml"
LABELS_FILE = "macros/labels.yml"
ETOOLS_FILE = "macros/etools.yml"


@dataclass(frozen=True)
class Content:
    """Everything the pages are made from, already validated."""

    taxonomy: Taxonomy
    labels: Labels
    cases: list[dict]  # every case, drafts included, sorted by id
    guides: list[Guide]  # hand-written pages filed under work packages
    etools: dict  # the e-tools' questions, rules and texts (macros/etools.yml)

    @cached_property
    def published(self) -> list[dict]:
        return [case for case in self.cases if case["status"] == "published"]


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
    etools = None
    if taxonomy is not None:
        etools, etools_problems = load_etools(root / ETOOLS_FILE, ETOOLS_FILE, filterable_values(taxonomy))
        problems += etools_problems
    folder = cases_dir or root / CASES_DIR
    files = case_files(folder)
    files_checked = len(files) + 3 + len(doc_pages(root / DOCS_DIR))
    problems += _folder_problems(folder, root) + unpaired_pages(root / DOCS_DIR, LANGUAGES)
    if taxonomy is None or labels is None or problems:
        raise ContentError(problems, files_checked)
    guides, guide_problems = load_guides(root / DOCS_DIR, taxonomy.ids("work_packages"), LANGUAGES)
    problems += guide_problems + macro_argument_problems(root / DOCS_DIR, taxonomy)
    problems += unknown_guides(etools, {guide.doc for guide in guides}, ETOOLS_FILE)
    validator = CaseValidator(case_schema(taxonomy))
    shown = {file: _shown_as(file, root) for file in files}
    stems = {file.stem: shown[file] for file in files}
    cases = []
    for file in files:
        source, file_problems = read_yaml(file, shown[file])
        if source is not None:
            file_problems = validate_case(source, validator, stems, file.stem, today or dt.date.today())
        problems += file_problems
        if not file_problems:
            cases.append(source.data)
    if problems:
        raise ContentError(problems, files_checked)
    return Content(taxonomy, labels, sorted(cases, key=lambda case: case["id"]), guides, etools)


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


def cached_content(root: Path, cases_dir: str | Path | None = None, recheck: bool = True) -> Content:
    """load_content, parsed once per process and again only when a content file changes.

    `cases_dir` is the site setting as written (relative to `root`, or absolute); None means cases/.
    `mkdocs serve` and the i18n plugin's one build per language both call this many times.
    With recheck=False the content already loaded for the same folders is returned without
    looking at the files again (within one build, after the build's first call has checked).
    """
    cases_dir = root / cases_dir if cases_dir else None
    folder = cases_dir or root / CASES_DIR
    if not recheck and _cache.get("folders") == (root, folder):
        return _cache["content"]
    watched = [root / TAXONOMY_FILE, root / LABELS_FILE, root / ETOOLS_FILE, *case_files(folder), *(root / DOCS_DIR).rglob("*.md")]
    key = (str(root), str(folder), tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in watched))
    if _cache.get("key") != key:
        _cache.clear()
        _cache.update(key=key, folders=(root, folder), content=load_content(root, cases_dir))
    return _cache["content"]
