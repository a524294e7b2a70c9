"""A broken case stops `mkdocs build` with the author's lines, no traceback, and nothing published."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from tests.conftest import ROOT


def _bad_case_folder(tmp_path):
    folder = tmp_path / "cases"
    folder.mkdir()
    text = (ROOT / "cases" / "_template.yml").read_text(encoding="utf-8")
    (folder / "kommunnamn-omrade.yml").write_text(text.replace("type: municipality", "type: kommun"), encoding="utf-8")
    shutil.copy(ROOT / "cases" / "_template.yml", folder / "other-name.yml")  # id differs from file name
    return folder


def test_bad_case_fails_mkdocs_build_with_one_line_per_problem_and_no_site(tmp_path):
    site_dir = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "KB_CASES_DIR": str(_bad_case_folder(tmp_path))},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "kommunnamn-omrade.yml:30: organisation.type: 'kommun' is not one of municipality" in output
    assert "other-name.yml:10: id: 'kommunnamn-omrade' must equal the file name 'other-name'" in output
    assert re.search(r"^2 problems in 2 of \d+ content files. Nothing was built.$", output, re.M)
    assert not site_dir.exists()


def test_checker_script_prints_the_same_lines_as_the_build(tmp_path):
    result = subprocess.run([sys.executable, "scripts/check_content.py", "--cases", str(_bad_case_folder(tmp_path))],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "kommunnamn-omrade.yml:30: organisation.type: 'kommun' is not one of municipality" in result.stderr
