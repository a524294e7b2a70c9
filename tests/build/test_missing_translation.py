"""A hand-written page without its translation stops the build and names the file (no silent fallback)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT

PROJECT_PARTS = ("mkdocs.yml", "docs", "cases", "macros", "overrides")


def _project_copy(tmp_path):
    for part in PROJECT_PARTS:
        source, target = ROOT / part, tmp_path / part
        shutil.copytree(source, target) if source.is_dir() else shutil.copy(source, target)
    return tmp_path


def test_page_missing_its_english_translation_fails_the_build_naming_it(tmp_path):
    project = _project_copy(tmp_path)
    (project / "docs" / "om.en.md").unlink()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/om.md: the en translation docs/om.en.md is missing" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "en").exists()


def test_unknown_role_in_a_guide_page_is_one_plain_line_not_a_traceback(tmp_path):
    project = _project_copy(tmp_path)
    page = project / "docs" / "roller" / "matchningsansvarig.md"
    page.write_text(page.read_text(encoding="utf-8").replace('cases_for_role("job-matching")', 'cases_for_role("jobmatching")'), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/roller/matchningsansvarig.md:" in output and "cases_for_role: 'jobmatching' is not one of" in output
