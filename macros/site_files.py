"""Files the build writes beside the pages, made from the content alone (never from git history,
so a fresh clone builds the same files): site-root-relative path -> bytes.

Each kind of file has its own module; this is the one list of them the hook writes.
"""

from __future__ import annotations

from .content import Content
from .feeds import feeds
from .open_data import open_data_files


def site_files(content: Content, site_url: str) -> dict[str, bytes]:
    """Every non-page file of the site, for a site published at `site_url` (absolute, ending in /)."""
    files: dict[str, bytes] = {}
    files.update(feeds(content, site_url))  # feed.xml, en/feed.xml: what's new
    files.update(open_data_files(content, site_url))  # data/: cases as JSON and CSV, taxonomy, schema
    return files
