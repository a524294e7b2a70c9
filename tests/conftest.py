"""Shared fixtures: the project root on sys.path, one real strict build per test session, a local server."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(site_dir: Path, cases_dir: Path | None = None) -> Path:
    """A strict in-process build of the real project (optionally with other case files)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir))
    if cases_dir is not None:
        config.extra["cases_dir"] = str(cases_dir)
    build(config)
    return site_dir


FIXTURE_CASES = ROOT / "tests" / "fixtures" / "catalogue_cases"  # made-up (illustrative) cases and a draft; README.md has the table


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once for the whole test session."""
    return build_site(tmp_path_factory.mktemp("site") / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site built from the fixture cases, once for the whole test session."""
    return build_site(tmp_path_factory.mktemp("fixture-site") / "site", FIXTURE_CASES)


@pytest.fixture(scope="session")
def real_content():
    from macros.content import load_content

    return load_content(ROOT)


@pytest.fixture(scope="session")
def fixture_content():
    from macros.content import load_content

    return load_content(ROOT, FIXTURE_CASES)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory: Path):
    """Serve a built site on 127.0.0.1 (a free port) until the generator is closed; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """The built site served on 127.0.0.1, as a reader's browser would see it."""
    yield from serve(site)


@pytest.fixture(scope="session")
def fixture_site_url(fixture_site) -> str:
    """The fixture site served on 127.0.0.1."""
    yield from serve(fixture_site)


# --- the whole suite, as `make test` and CI run it -------------------------------------------------

SUITES = ("unit", "content", "build", "browser")


def _whole_suite(config) -> bool:
    return not config.invocation_params.args


def pytest_collection_finish(session):
    """A suite that silently collects nothing (a renamed folder, a pytest default) is a failure."""
    if not _whole_suite(session.config):
        return
    found = {Path(item.fspath).relative_to(ROOT / "tests").parts[0] for item in session.items}
    missing = [suite for suite in SUITES if suite not in found]
    if missing:
        raise pytest.UsageError(f"no tests collected from tests/{', tests/'.join(missing)}")


def pytest_sessionfinish(session, exitstatus):
    """In the whole suite a skipped test is a broken set-up, not a pass."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if _whole_suite(session.config) and reporter and reporter.stats.get("skipped") and exitstatus == 0:
        reporter.write_line(f"{len(reporter.stats['skipped'])} tests were skipped; the whole suite must run them all", red=True)
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    """The quality gates' numbers (pages checked, violations, requests, broken links, bad inputs tried)."""
    from tests.quality import summary

    lines = summary()
    if lines:
        terminalreporter.section("quality gates")
        for line in lines:
            terminalreporter.write_line(line)
