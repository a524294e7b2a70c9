"""Where generated pages live: one path per page, the same under / and /en/."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

CASES_PATH = "exempel"
WORK_PACKAGES_PATH = "arbetspaket"
CATALOGUE_DOC = f"{CASES_PATH}/index.md"
SEARCH_DOC = "sok.md"
DEFAULT_LANGUAGE = "sv"  # served at the site root; every other language under /<lang>/


def case_doc(case_id: str) -> str:
    """The docs-relative Markdown path of a case page (without the language suffix)."""
    return f"{CASES_PATH}/{case_id}.md"


def work_package_doc(wp_id: str) -> str:
    return f"{WORK_PACKAGES_PATH}/{wp_id}.md"


def relative(target_doc: str, from_doc: str) -> str:
    """A Markdown link from one docs page to another, as MkDocs resolves and checks it."""
    folder, name = posixpath.split(target_doc)
    prefix = _relative_folder(folder or ".", posixpath.dirname(from_doc) or ".")
    return name if prefix == "." else f"{prefix}/{name}"


@lru_cache(maxsize=None)  # listings link thousands of pages in a few folders; relpath is slow
def _relative_folder(target: str, start: str) -> str:
    return posixpath.relpath(target, start)


def html_link(target_doc: str, from_doc: str) -> str:
    """The final URL of a page as a relative link, for raw HTML (MkDocs rewrites only Markdown links).
    With directory URLs, x.md and x/index.md are served at x/."""
    def folder_url(doc: str) -> str:
        base = doc[: -len("index.md")] if doc.endswith("index.md") else doc[: -len(".md")] + "/"
        return base or "./"
    return posixpath.relpath(folder_url(target_doc), folder_url(from_doc)) + "/"


def work_package_link(wp_id: str, from_doc: str) -> str:
    return relative(work_package_doc(wp_id), from_doc)


def page_url(doc: str, lang: str) -> str:
    """The site-root-relative URL of a page in a language: 'sok.md', 'en' -> 'en/sok/'."""
    path = doc[: -len("index.md")] if doc.endswith("index.md") else doc[: -len(".md")] + "/"
    return path if lang == DEFAULT_LANGUAGE else f"{lang}/{path}"


@dataclass(frozen=True)
class Site:
    """Where the site is published (site_url: absolute, ending in '/') and its name in the language being built."""

    url: str
    name: str

    def address(self, doc: str, lang: str) -> str:
        """A page's full address, as MkDocs writes its canonical URL: 'exempel/x.md', 'en' -> 'https://…/en/exempel/x/'."""
        return self.url + page_url(doc, lang)
