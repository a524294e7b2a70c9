"""Benchmark the site build against its floor, with N synthetic demo cases.

Usage: python scripts/run_benchmark.py [--sizes 100 500 2000] [--runs 3]

For each N: our build (YAML -> validation -> generated pages -> i18n -> macros, both languages)
and the floor (two plain mkdocs-material builds, sv and en, of the same pages as pre-rendered
Markdown), run alternately. Prints median build time, the ratio to the floor, peak memory and
the built size per case page. Targets: ratio <= 1.15 at 2,000 cases; per-case cost flat.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.case_list import case_list  # noqa: E402
from macros.content import load_content  # noqa: E402
from macros.generated_pages import generated_pages  # noqa: E402
from macros.taxonomy import LANGUAGES  # noqa: E402
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


def write_floor(cases_dir: Path, work: Path) -> list[Path]:
    """Two plain Material projects (sv, en) holding our pages as already-rendered Markdown."""
    content = load_content(ROOT, cases_dir)
    pages = generated_pages(content)
    config = _site_config()
    projects = []
    for lang in LANGUAGES:
        project = work / f"floor-{lang}"
        docs = project / "docs"
        for doc, render in pages.items():
            (docs / doc).parent.mkdir(parents=True, exist_ok=True)
            (docs / doc).write_text(render(lang), encoding="utf-8")
        for page in (ROOT / "docs").rglob("*.md"):
            if page.name.endswith(".en.md") != (lang == "en"):
                continue
            doc = page.relative_to(ROOT / "docs").as_posix().replace(".en.md", ".md")
            text = page.read_text(encoding="utf-8").replace("{{ case_list() }}", case_list(content.published, lang, content, doc))
            (docs / doc).parent.mkdir(parents=True, exist_ok=True)
            (docs / doc).write_text(text.replace("{{ case_count() }}", str(len(content.published))), encoding="utf-8")
        floor_config = {**config, "strict": False, "watch": [], "hooks": [], "plugins": [], "extra": {},
                        "theme": {**{k: v for k, v in config["theme"].items() if k != "custom_dir"}, "language": lang}}
        (project / "mkdocs.yml").write_text(yaml.safe_dump(floor_config, allow_unicode=True), encoding="utf-8")
        projects.append(project)
    return projects


def page_size_kib(site: Path, count: int) -> float:
    pages = list(site.glob("exempel/demo-*/index.html")) + list(site.glob("en/exempel/demo-*/index.html"))
    return sum(p.stat().st_size for p in pages) / len(pages) / 1024 if pages else 0.0


def measure(count: int, runs: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cases = work / "cases"
        write_demo_cases(count, cases)
        floors = write_floor(cases, work)
        env = {**os.environ, "KB_CASES_DIR": str(cases), "NO_MKDOCS_2_WARNING": "1"}
        ours, floor, memory = [], [], []
        for _ in range(runs):  # alternate, so drift in machine load hits both alike
            seconds, mib = timed(MKDOCS + ["--site-dir", str(work / "site")], ROOT, env)
            ours.append(seconds)
            memory.append(mib)
            floor.append(sum(timed(MKDOCS + ["--site-dir", str(p / "site")], p, env)[0] for p in floors))
        return {"n": count, "ours": statistics.median(ours), "floor": statistics.median(floor),
                "peak_mib": max(memory), "page_kib": page_size_kib(work / "site", count)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 2000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print("| cases | build (s, median) | floor (s, median) | ratio | ms per case | peak memory (MiB) | case page (KiB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count in args.sizes:
        r = measure(count, args.runs)
        print(f"| {r['n']} | {r['ours']:.1f} | {r['floor']:.1f} | {r['ours'] / r['floor']:.2f} | "
              f"{1000 * r['ours'] / r['n']:.0f} | {r['peak_mib']} | {r['page_kib']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
