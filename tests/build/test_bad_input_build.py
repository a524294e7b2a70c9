"""Every bad case file stops `mkdocs build` itself: one clear line, no traceback, nothing published.

The corpus is tests/unit/test_bad_input.py's (each fixture in tests/fixtures/bad_cases/ and the
generated huge file, with the problem line each must produce); that module checks it in-process
and through scripts/check_content.py, this one through `python -m mkdocs build` with KB_CASES_DIR,
as an author or CI runs it. The builds run concurrently, once per module, and one test per
fixture reads its result. Then: a failing build never touches a site/ that holds a good build,
neither through `make build` (which builds into site.new) nor through a plain `mkdocs build`.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.quality import tally
from tests.unit.test_bad_input import BAD_CASES, TEMPLATE, BadCase

WORKERS = 4  # the builds mostly wait on one core each; 4 keeps 2 cores busy
LOG_PREFIX = re.compile(r"^ERROR\s+-\s+")  # MkDocs' logger puts this before the first line of the report
PROJECT_PARTS = ("Makefile", "mkdocs.yml", "requirements.txt", "docs", "cases", "macros", "overrides")


@dataclass(frozen=True)
class Build:
    """What one `mkdocs build` of a folder of case files left behind."""

    returncode: int
    output: str  # stdout and stderr
    site_written: bool
    expected_line: str

    @property
    def lines(self) -> list[str]:
        return [LOG_PREFIX.sub("", line) for line in self.output.splitlines()]


def mkdocs_build(project: Path, site_dir: Path, cases_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=project, capture_output=True, encoding="utf-8", timeout=300,
        env={**os.environ, "KB_CASES_DIR": str(cases_dir), "KB_SEARCH_INDEX": "false", "PYTHONIOENCODING": "utf-8"},
    )


def _build(case: BadCase, folder: Path) -> Build:
    folder.mkdir()
    cases_dir = case.write(folder / "cases")
    result = mkdocs_build(ROOT, folder / "site", cases_dir)
    return Build(result.returncode, result.stdout + result.stderr, (folder / "site").exists(), case.expected_line(cases_dir))


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Build]:
    """Every bad case through `mkdocs build`, WORKERS at a time."""
    root = tmp_path_factory.mktemp("bad-builds")
    cases = [param.values[0] for param in BAD_CASES]
    with ThreadPoolExecutor(WORKERS) as pool:
        results = pool.map(lambda case: _build(case, root / case.name), cases)
        return {case.name: build for case, build in zip(cases, results)}


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_case_stops_mkdocs_build_with_its_line_no_traceback_and_no_site(case, builds):
    build = builds[case.name]
    clear = build.expected_line in build.lines and build.lines[-1].endswith("Nothing was built.")
    traceback = "Traceback" in build.output
    tally("bad inputs through mkdocs build", tried=1, clear_errors=int(clear and build.returncode != 0), tracebacks=int(traceback),
          site_outputs=int(build.site_written))
    assert build.returncode != 0, build.output
    assert build.expected_line in build.lines, build.output
    assert build.lines[-1].endswith("Nothing was built."), build.output
    assert not traceback, build.output
    assert not build.site_written


# --- a failing build leaves the published site as it was -------------------------------------------


def copy_project(destination: Path) -> Path:
    """The parts of the project a build reads (and the Makefile), copied so a test can change them."""
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder under `folder`, with size, modification time and content hash."""
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns, hashlib.sha1(path.read_bytes()).hexdigest())
            if path.is_file() else "dir" for path in sorted(folder.rglob("*"))}


def make_build(project: Path, cases_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`make build` in a project copy, with this venv's MkDocs; `-o` keeps make from running pip."""
    venv = ROOT / ".venv"
    env = {**os.environ, "KB_SEARCH_INDEX": "false", "PYTHONIOENCODING": "utf-8"}
    env.update({"KB_CASES_DIR": str(cases_dir)} if cases_dir else {})
    env.pop("MAKEFLAGS", None)
    return subprocess.run(["make", "--no-print-directory", "build", f"VENV={venv}", "-o", f"{venv}/.site-deps"],
                          cwd=project, capture_output=True, encoding="utf-8", timeout=300, env=env)


@pytest.fixture(scope="module")
def built_project(tmp_path_factory) -> Path:
    """A project copy in which `make build` has published a good site into site/."""
    project = copy_project(tmp_path_factory.mktemp("make-build") / "project")
    result = make_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def bad_cases_dir(tmp_path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    text = TEMPLATE.read_text(encoding="utf-8")
    (folder / "kommunnamn-omrade.yml").write_text(text.replace("type: municipality", "type: kommun"), encoding="utf-8")
    return folder


BAD_TYPE_LINE = "kommunnamn-omrade.yml:30: organisation.type: 'kommun' is not one of municipality"


def test_make_build_publishes_a_good_build_into_site(built_project):
    """The control for the two tests below: with good content, `make build` does replace site/."""
    assert (built_project / "site" / "exempel" / "index.html").is_file()
    assert (built_project / "site" / "en" / "exempel" / "index.html").is_file()
    assert not (built_project / "site.new").exists()


def test_make_build_with_a_bad_case_leaves_the_previous_site_as_it_was(built_project, bad_cases_dir):
    before = snapshot(built_project / "site")
    result = make_build(built_project, bad_cases_dir)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert BAD_TYPE_LINE in output and "Traceback" not in output
    assert snapshot(built_project / "site") == before
    assert not (built_project / "site.new").exists()


def test_mkdocs_build_with_a_bad_case_into_an_existing_site_leaves_it_as_it_was(built_project, bad_cases_dir):
    """Content is checked before MkDocs cleans the site folder, so even a plain build keeps it."""
    before = snapshot(built_project / "site")
    result = mkdocs_build(built_project, built_project / "site", bad_cases_dir)
    assert result.returncode != 0
    assert BAD_TYPE_LINE in result.stdout + result.stderr
    assert snapshot(built_project / "site") == before
