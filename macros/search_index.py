"""The search index: Pagefind, run once over the whole built site (both languages).

Pagefind reads <html lang> and writes one index per language, with stemming, into site/pagefind/;
a query loads only the index chunks it needs. Its binary ships inside the PyPI wheel.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def build_search_index(site_dir: Path) -> str | None:
    """Index `site_dir`; return None, or a one-line description of the failure."""
    # The permalink signs (¶) after headings are not content: keep them out of titles and excerpts.
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent",
                             "--exclude-selectors", ".headerlink"], capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        return f"search index: Pagefind failed ({detail[-1] if detail else 'exit ' + str(result.returncode)})"
    return None
