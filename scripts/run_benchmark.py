"""Benchmark the site build against its floor, with N synthetic demo cases.

Usage: python scripts/run_benchmark.py [--sizes 100 500 2000] [--runs 3]

For each N, run alternately: our build (YAML -> validation -> generated pages -> i18n -> macros,
both languages); the floor (two plain mkdocs-material builds, sv and en, of the same pages as
pre-rendered Markdown); and the stack floor (those pre-rendered pages built with our plugins,
i18n and macros, but without our hooks). Prints median build times, the ratios, peak memory and
the built size per case page. Targets: ratio to the floor <= 1.15 at 2,000 cases; per-case cost
flat. The ratio to the stack floor is what our own YAML-to-pages step costs.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros import define_env  # noqa: E402
from macros.content import load_content  # noqa: E402
from macros.generated_pages import generated_pages  # noqa: E402
from macros.taxonomy import LANGUAGES  # noqa: E402
from macros.theme import theme_extra  # noqa: E402
from macros.urls import Site, page_url  # noqa: E402
from scripts.make_demo_cases import write_demo_cases  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet"]


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, int]:
    """Wall seconds and peak resident memory (MiB) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, taking each !ENV tag's default value."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def _site_config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


_MACRO_CALL = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}")


class _MacrosEnv:
    """Just enough of mkdocs-macros' env for macros.define_env: the real macros register here and
    read the page they are called from, so the floors show exactly what the site's macros return."""

    def __init__(self, cases_dir: Path):
        self.conf, self.macros, self.page = {"extra": {"cases_dir": str(cases_dir)}}, {}, None

    def macro(self, function):
        self.macros[function.__name__] = function
        return function

    def call(self, match: re.Match, doc: str, lang: str) -> str:
        src_uri = doc if lang == LANGUAGES[0] else doc.replace(".md", f".{lang}.md")
        self.page = SimpleNamespace(file=SimpleNamespace(locale=lang, src_uri=src_uri), url=page_url(doc, lang))
        arguments = ast.literal_eval(f"({match.group(2)},)") if match.group(2).strip() else ()
        return self.macros[match.group(1)](*arguments)


def _site(lang: str) -> Site:
    """Where the site is published and its name in a language, as mkdocs-static-i18n sets them per build."""
    config = _site_config()
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    language = next(language for language in i18n["languages"] if language["locale"] == lang)
    return Site(config["site_url"], language.get("site_name", config["site_name"]))


def _prerendered(content, cases_dir: Path, lang: str) -> dict[str, str]:
    """Every page of one language as finished Markdown: the generated pages, and the hand-written
    ones with each macro call replaced by what the real macro returns."""
    env = _MacrosEnv(cases_dir)
    define_env(env)
    pages = {doc: render(lang) for doc, render in generated_pages(content, _site(lang)).items()}
    for page in (ROOT / "docs").rglob("*.md"):
        if page.name.endswith(".en.md") != (lang == "en"):
            continue
        doc = page.relative_to(ROOT / "docs").as_posix().replace(".en.md", ".md")
        pages[doc] = _MACRO_CALL.sub(lambda match: env.call(match, doc, lang), page.read_text(encoding="utf-8"))
    return pages


def _write_project(project: Path, pages: dict[str, str], config: dict) -> Path:
    for doc, text in pages.items():
        (project / "docs" / doc).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / doc).write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return project


def write_floors(cases_dir: Path, work: Path) -> tuple[list[Path], Path]:
    """The floor: two plain Material projects (sv, en) of our pages as finished Markdown.
    The stack floor: one project of the same pages with our plugins (i18n, macros) but not our hooks
    (only the theme's date filter, scripts/stack_floor_hooks.py),
    which separates what the fixed plugins cost from what our YAML-to-pages step costs."""
    content = load_content(ROOT, cases_dir)
    config = {**_site_config(), "strict": False, "watch": [], "hooks": []}
    rendered = {lang: _prerendered(content, cases_dir, lang) for lang in LANGUAGES}
    floors = [_write_project(work / f"floor-{lang}", rendered[lang], {
        **config, "plugins": [], "extra": {},
        "theme": {**{k: v for k, v in config["theme"].items() if k != "custom_dir"}, "language": lang}})
        for lang in LANGUAGES]
    both = {doc if lang == LANGUAGES[0] else doc.replace(".md", f".{lang}.md"): text
            for lang in LANGUAGES for doc, text in rendered[lang].items()}
    stack = _write_project(work / "stack-floor", both, {
        **config, "extra": {**config["extra"], **theme_extra(content.labels)}, "hooks": [str(ROOT / "scripts" / "stack_floor_hooks.py")],
        "theme": {**config["theme"], "custom_dir": str(ROOT / "overrides")}})
    (stack / "macros").mkdir()
    (stack / "macros" / "__init__.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
    return floors, stack


def page_size_kib(site: Path, count: int) -> float:
    pages = list(site.glob("exempel/demo-*/index.html")) + list(site.glob("en/exempel/demo-*/index.html"))
    return sum(p.stat().st_size for p in pages) / len(pages) / 1024 if pages else 0.0


def measure(count: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cases = work / "cases"
        write_demo_cases(count, cases)
        floors, stack = write_floors(cases, work)
        # The floors have no search index, so the site is timed without it too (measure_browser.py builds it).
        env = {**os.environ, "KB_CASES_DIR": str(cases), "KB_SEARCH_INDEX": "false", "NO_MKDOCS_2_WARNING": "1"}
        ours, floor, stack_floor, memory = [], [], [], []
        for _ in range(runs):  # alternate, so drift in machine load hits all alike
            seconds, mib = timed(MKDOCS + ["--site-dir", str(work / "site")], ROOT, env)
            ours.append(seconds)
            memory.append(mib)
            floor.append(sum(timed(MKDOCS + ["--site-dir", str(p / "site")], p, env)[0] for p in floors))
            stack_floor.append(timed(MKDOCS + ["--site-dir", str(stack / "site")], stack, env)[0])
        return {"n": count, "ours": statistics.median(ours), "floor": statistics.median(floor),
                "stack": statistics.median(stack_floor), "peak_mib": max(memory), "page_kib": page_size_kib(work / "site", count)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("| cases | build (s) | floor (s) | ratio to floor | stack floor (s) | ratio to stack floor | ms per case | peak memory (MiB) | case page (KiB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for count in args.sizes:
        r = measure(count, args.runs)
        print(f"| {r['n']} | {r['ours']:.1f} | {r['floor']:.1f} | {r['ours'] / r['floor']:.2f} | {r['stack']:.1f} | "
              f"{r['ours'] / r['stack']:.2f} | {1000 * r['ours'] / r['n']:.0f} | {r['peak_mib']} | {r['page_kib']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
