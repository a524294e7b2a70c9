"""Every kind of bad case file stops the check with one clear line that names the file, line and field.

Each fixture in tests/fixtures/bad_cases/ is the case template with one mistake. Its first line,
`# expect: <text>`, is what the problem line must say after the file path (line numbers count
that comment line too). `{cases}` in an expectation stands for the folder the test checks.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.content import load_content
from macros.problems import ContentError
from macros.yaml_source import MAX_BYTES
from tests.conftest import ROOT
from tests.quality import tally

FIXTURES = ROOT / "tests" / "fixtures" / "bad_cases"
TEMPLATE = ROOT / "cases" / "_template.yml"
CASE_NAME = "kommunnamn-omrade.yml"  # the template's id, so only the fixture's own mistake is reported
TODAY = dt.date(2026, 11, 30)  # on or after the template's last_reviewed; future dates in fixtures are in 2099

# Files that cannot carry the `# expect:` comment because they are not readable YAML text.
EXPECTED_WITHOUT_COMMENT = {
    "empty.yml": ": file is empty",
    "not-utf8-latin1.yml": ":3: file is not UTF-8 text; save it as UTF-8",  # first non-UTF-8 byte: 'ö' on line 3
}

# Fixtures checked under another file name, beside a valid case that owns the id.
OTHER_FILE_NAME = {"id-taken-by-other-file.yml": "annan-kommun.yml"}

# Expectations the code does not meet yet; each is a bug described in the test report.
KNOWN_BUGS: dict[str, str] = {}

HUGE_KIB = 300


@dataclass
class BadCase:
    """One folder of case files to check, and the problem line expected for one of them."""

    name: str
    files: dict  # file name -> bytes
    checked_file: str
    expected: str  # the problem line after the file path, `{cases}` not yet filled in

    def write(self, cases_dir: Path) -> Path:
        cases_dir.mkdir()
        for file_name, data in self.files.items():
            (cases_dir / file_name).write_bytes(data)
        return cases_dir

    def expected_line(self, cases_dir: Path) -> str:
        return f"{cases_dir / self.checked_file}{self.expected.replace('{cases}', str(cases_dir))}"


def _expectation(fixture: Path) -> str:
    if fixture.name in EXPECTED_WITHOUT_COMMENT:
        return EXPECTED_WITHOUT_COMMENT[fixture.name]
    first_line = fixture.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line.startswith("# expect: "), f"{fixture.name} must start with '# expect: '"
    return first_line.removeprefix("# expect: ")


def _fixture_case(fixture: Path) -> BadCase:
    checked = OTHER_FILE_NAME.get(fixture.name, CASE_NAME)
    files = {checked: fixture.read_bytes()}
    if checked != CASE_NAME:
        files[CASE_NAME] = TEMPLATE.read_bytes()
    return BadCase(fixture.stem, files, checked, _expectation(fixture))


def _huge_case() -> BadCase:
    """The template padded with comments to 300 KiB; made here so no such file is committed."""
    text = TEMPLATE.read_bytes()
    padding = HUGE_KIB * 1024 - len(text)
    line = b"# " + b"x" * 97 + b"\n"
    data = text + line * (padding // len(line)) + b"#" * (padding % len(line))
    assert len(data) == HUGE_KIB * 1024 > MAX_BYTES
    return BadCase("huge-file", {CASE_NAME: data}, CASE_NAME,
                   f": file is {HUGE_KIB * 1024:,} bytes; a content file may be at most {MAX_BYTES:,} bytes")


def _bad_cases() -> list:
    cases = [_fixture_case(f) for f in sorted(FIXTURES.glob("*.yml"))] + [_huge_case()]
    return [pytest.param(case, id=case.name,
                         marks=[pytest.mark.xfail(strict=True, reason=KNOWN_BUGS[f"{case.name}.yml"])]
                         if f"{case.name}.yml" in KNOWN_BUGS else [])
            for case in cases]


BAD_CASES = _bad_cases()


def test_corpus_covers_at_least_45_mistakes_each_with_an_expectation():
    fixtures = sorted(FIXTURES.glob("*.yml"))
    assert len(fixtures) >= 45
    for fixture in fixtures:
        assert _expectation(fixture).startswith(":"), fixture.name  # ':<line>: ...' or ': message'
    assert set(EXPECTED_WITHOUT_COMMENT) | set(OTHER_FILE_NAME) | set(KNOWN_BUGS) <= {f.name for f in fixtures}


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_case_stops_loading_with_one_clear_line_per_problem(case, tmp_path):
    cases_dir = case.write(tmp_path / "cases")
    with pytest.raises(ContentError) as raised:
        load_content(ROOT, cases_dir=cases_dir, today=TODAY)
    problem_lines = [str(problem) for problem in raised.value.problems]
    assert case.expected_line(cases_dir) in problem_lines
    for line in problem_lines:
        assert "\n" not in line and "\r" not in line and "Traceback" not in line, line
    report = str(raised.value).split("\n")
    assert report[:-1] == problem_lines
    assert report[-1].endswith("Nothing was built.")


@pytest.mark.parametrize("case", BAD_CASES)
def test_check_content_script_exits_1_and_prints_the_problem_line(case, tmp_path):
    cases_dir = case.write(tmp_path / "cases")
    result = _check_content(cases_dir)
    tally("bad inputs through check_content.py", tried=1, clear_errors=int(result.returncode == 1 and case.expected_line(cases_dir) in result.stderr.splitlines()),
          tracebacks=int("Traceback" in result.stderr), site_outputs=0)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert case.expected_line(cases_dir) in result.stderr.splitlines()
    assert result.stderr.rstrip("\n").split("\n")[-1].endswith("Nothing was built.")


def test_check_content_script_accepts_the_valid_template(tmp_path):
    """The control for the tests above: without the mistake, the same folder passes."""
    cases_dir = tmp_path / "cases"
    cases_dir.mkdir()
    shutil.copy(TEMPLATE, cases_dir / CASE_NAME)
    result = _check_content(cases_dir)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def _check_content(cases_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_content.py"), "--cases", str(cases_dir)],
        cwd=ROOT, capture_output=True, encoding="utf-8", timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
