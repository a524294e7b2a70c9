"""Every page made from data rather than written by hand: docs path -> function(lang) -> Markdown."""

from __future__ import annotations

from functools import partial
from typing import Callable

from .case_page import render_case
from .content import Content
from .urls import Site, case_doc, work_package_doc
from .work_package_pages import OVERVIEW_DOC, render_overview, render_work_package


def generated_pages(content: Content, site: Site) -> dict[str, Callable[[str], str]]:
    """One entry per page; each renders either language on demand. The `site` gives case pages their address."""
    pages = {case_doc(case["id"]): partial(render_case, case, content=content, site=site) for case in content.published}
    pages.update({work_package_doc(wp): partial(render_work_package, wp, content=content)
                  for wp in content.taxonomy.ids("work_packages")})
    pages[OVERVIEW_DOC] = partial(render_overview, content=content)
    return pages
