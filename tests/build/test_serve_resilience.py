"""`mkdocs serve` survives an author's mistake: it prints the problem lines, keeps running, and
shows the corrected page as soon as the file is fixed.

One server runs for the module, from a copy of the project (the real cases/ is never edited). An
author breaks one case (an organisation type that does not exist), then fixes it with another,
valid type, so the page served afterwards can only come from a rebuild with the fixed file.
Every wait polls with a deadline; the server is always stopped.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.content import load_content
from tests.build.test_bad_input_build import copy_project
from tests.quality import tally

START_SECONDS = 180  # the first build of the whole site, on a busy machine
REBUILD_SECONDS = 120
TYPE_LINE = re.compile(r"^(  type: )([a-z-]+)$", re.M)  # organisation.type, the only two-space `type:` key


@dataclass
class Session:
    """What the author saw in the terminal and the browser, step by step."""

    case_id: str
    output: Path
    expected_line: str = ""
    first_page: str = ""
    alive_while_broken: bool = False
    printed_problem_line: bool = False
    fixed_page: str = ""
    fixed_type_shown: str = ""

    @property
    def terminal(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float) -> tuple[str, str]:
    """(status, body) of a GET, or ('no answer: …', '') when the server does not answer in time."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return str(response.status), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return str(error.code), ""
    except (OSError, TimeoutError) as error:
        return f"no answer: {error}", ""


def _page(url: str, showing: str = "") -> str:
    """The page's HTML if it is served and shows `showing`, else ''."""
    status, body = _get(url, 5)
    return body if status == "200" and showing in body else ""


def _wait_for(condition, seconds: float, what: str, server: subprocess.Popen, session: Session):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve ended (exit {server.returncode}) while waiting for {what}:\n{session.terminal[-3000:]}")
        time.sleep(0.25)
    pytest.fail(f"no {what} within {seconds} s:\n{session.terminal[-3000:]}")


def _published_case(project: Path) -> tuple[Path, str, str, str]:
    """A published case file of the copy, its id, another valid organisation type for the fix, and
    how its facts panel shows that type: "(Region)</dd>"."""
    content = load_content(project)
    case = content.published[0]
    other = next(t for t in content.taxonomy.ids("organisation_types") if t != case["organisation"]["type"])
    shown = f"({content.taxonomy.label('organisation_types', other, 'sv')})</dd>"
    return project / "cases" / f"{case['id']}.yml", case["id"], other, shown


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> Session:
    project = copy_project(tmp_path_factory.mktemp("serve") / "project")
    case_file, case_id, fixed_type, fixed_type_shown = _published_case(project)
    text = case_file.read_text(encoding="utf-8")
    type_match = TYPE_LINE.search(text)
    session = Session(case_id, project / "serve-output.txt", fixed_type_shown=fixed_type_shown)
    url = f"http://127.0.0.1:{_free_port()}"
    page = f"{url}/exempel/{case_id}/"
    with session.output.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", url.removeprefix("http://")],
            cwd=project, stdout=output, stderr=subprocess.STDOUT,
            env={**os.environ, "KB_SEARCH_INDEX": "false", "PYTHONIOENCODING": "utf-8"},
        )
        try:
            session.first_page = _wait_for(lambda: _page(page), START_SECONDS, "first page", server, session)

            # 1. the author saves an organisation type that does not exist
            line = text.count("\n", 0, type_match.start()) + 1
            session.expected_line = f"cases/{case_file.name}:{line}: organisation.type: 'kommun' is not one of "
            case_file.write_text(TYPE_LINE.sub(r"\1kommun", text, count=1), encoding="utf-8")
            session.printed_problem_line = bool(_wait_for(
                lambda: session.expected_line in session.terminal, REBUILD_SECONDS, "problem line", server, session))
            session.alive_while_broken = server.poll() is None

            # 2. the author fixes it, choosing another valid type
            case_file.write_text(TYPE_LINE.sub(rf"\g<1>{fixed_type}", text, count=1), encoding="utf-8")
            session.fixed_page = _wait_for(lambda: _page(page, showing=fixed_type_shown), REBUILD_SECONDS,
                                           "rebuilt page with the fixed type", server, session)
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    tally("serve", edits=2, server_alive=int(session.alive_while_broken))
    return session


def test_serve_prints_each_problem_line_of_a_broken_case_without_a_traceback(session):
    assert session.printed_problem_line
    assert "Nothing was built." in session.terminal
    assert "Traceback" not in session.terminal


def test_serve_keeps_running_while_a_case_is_broken(session):
    """MkDocs' dev server holds a reader's request while the build fails and answers it once the
    author's fix has rebuilt the site (the next test), so the browser shows no half-built page."""
    assert session.alive_while_broken, session.terminal[-3000:]


def test_serve_rebuilds_and_serves_the_fixed_case(session):
    assert session.fixed_type_shown not in session.first_page  # so only a rebuild can show it
    assert session.fixed_type_shown in session.fixed_page
    assert "Traceback" not in session.terminal
