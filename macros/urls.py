"""Where generated pages live: one path per page, the same under / and /en/."""

from __future__ import annotations

import posixpath

CASES_PATH = "exempel"
WORK_PACKAGES_PATH = "arbetspaket"


def case_doc(case_id: str) -> str:
    """The docs-relative Markdown path of a case page (without the language suffix)."""
    return f"{CASES_PATH}/{case_id}.md"


def work_package_doc(wp_id: str) -> str:
    return f"{WORK_PACKAGES_PATH}/{wp_id}.md"


def relative(target_doc: str, from_doc: str) -> str:
    """A Markdown link from one docs page to another, as MkDocs resolves and checks it."""
    return posixpath.relpath(target_doc, posixpath.dirname(from_doc))


def work_package_link(wp_id: str, from_doc: str) -> str:
    return relative(work_package_doc(wp_id), from_doc)
