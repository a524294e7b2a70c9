"""Measure the catalogue and search in headless Chromium with N demo cases.

Usage: python scripts/measure_browser.py [--cases 2000] [--toggles 40]

Builds the site (with its search index) from N illustrative demo cases in a temporary folder,
serves it on 127.0.0.1 and reports, for the Swedish site:
  - the catalogue page's HTML size;
  - filter latency: median and 95th percentile time from ticking a facet option until the list,
    counts and result text are updated (script only, and script plus the layout it causes);
  - search: bytes transferred for a first query on a fresh page: as a plain static server sends
    them, as a server that gzips text files sends them, and for the index alone.
Needs the test packages (playwright) and Debian's chromium, as `make test` installs them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.make_demo_cases import write_demo_cases  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGEFIND_CODE = ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-worker.js", ".pagefind")
TEXT_FILES = (".js", ".css", ".json")  # what a production static server sends gzipped

# Tick one option, let the script update the page, and time it; untick it again (not timed).
TOGGLE = """([selector, layout]) => {
  const box = document.querySelector(selector);
  box.closest('details').open = true;
  const start = performance.now();
  box.click();
  if (layout) document.getElementById('kb-cards').offsetHeight;  // force the layout the change causes
  const took = performance.now() - start;
  box.click();
  return took;
}"""


def build(cases: Path, site: Path) -> None:
    env = {**os.environ, "KB_CASES_DIR": str(cases), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=ROOT, env=env, check=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def filter_latency(browser, base: str, toggles: int) -> dict:
    page = browser.new_page()
    page.goto(f"{base}/exempel/")
    boxes = page.eval_on_selector_all("#kb-filters input[type=checkbox]", "els => els.map(e => `input[name='${e.name}'][value='${e.value}']`)")
    chosen = [boxes[i % len(boxes)] for i in range(toggles)]
    result = {}
    for layout in (False, True):
        times = sorted(page.evaluate(TOGGLE, [selector, layout]) for selector in chosen)
        result["layout" if layout else "script"] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])
    page.close()
    return result


def search_bytes(browser, base: str, query: str) -> tuple[int, int, int]:
    """Bytes of a first query: as a plain server sends them, as a server that gzips text files sends
    them (Pagefind's index files are compressed already), and of the index alone."""
    page = browser.new_page()
    bodies: dict[str, bytes] = {}
    page.on("response", lambda r: bodies.__setitem__(r.url, r.body()) if "/pagefind/" in r.url and r.ok else None)
    page.goto(f"{base}/sok/?q={query}")
    page.wait_for_selector(".kb-search__results a", timeout=30000)
    page.wait_for_load_state("networkidle")
    page.close()
    def served(url: str, body: bytes) -> int:
        return len(gzip.compress(body)) if url.split("?")[0].endswith(TEXT_FILES) else len(body)
    index = sum(len(body) for url, body in bodies.items() if not url.split("?")[0].endswith(PAGEFIND_CODE))
    return sum(map(len, bodies.values())), sum(served(url, body) for url, body in bodies.items()), index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--toggles", type=int, default=40)
    parser.add_argument("--query", default="upphandling")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        cases, site = Path(tmp) / "cases", Path(tmp) / "site"
        write_demo_cases(args.cases, cases)
        build(cases, site)
        server, base = serve(site)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            latency = filter_latency(browser, base, args.toggles)
            raw, gzipped, index = search_bytes(browser, base, args.query)
            browser.close()
        server.shutdown()
        html_kib = (site / "exempel" / "index.html").stat().st_size / 1024
    print(f"| cases | catalogue HTML (KiB) | filter, script (ms, median / p95) | filter, script + layout (ms, median / p95) "
          f"| first search '{args.query}' (KiB: plain server / gzipping server / index only) |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {args.cases} | {html_kib:.0f} | {latency['script'][0]:.1f} / {latency['script'][1]:.1f} | "
          f"{latency['layout'][0]:.1f} / {latency['layout'][1]:.1f} | {raw / 1024:.0f} / {gzipped / 1024:.0f} / {index / 1024:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
