"""A list of cases as Markdown: title link, organisation, years and summary. Used on every listing page."""

from __future__ import annotations

from .content import Content
from .markup import md_inline, year_span
from .urls import case_doc, relative


def case_list(cases: list[dict], lang: str, content: Content, from_doc: str, empty: str = "catalogue.empty") -> str:
    """Markdown list of `cases` for the page at `from_doc` (docs-relative path); the label `empty` when none."""
    if not cases:
        return content.labels(lang, empty) + "\n"
    return "\n".join(_item(case, lang, content, from_doc) for case in cases) + "\n"


def _item(case: dict, lang: str, content: Content, from_doc: str) -> str:
    link = relative(case_doc(case["id"]), from_doc)
    return (f"- [{md_inline(case['title'][lang])}]({link})  \n"
            f"  {md_inline(case['organisation']['name'][lang])}, {year_span(case['years'])}. {md_inline(case['summary'][lang])}")
