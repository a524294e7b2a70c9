"""What the theme templates (overrides/) read besides MkDocs' own data: the label tables, each
language's search page and feed, and a date filter. The hook gives them to the real build; the
benchmark's stack floor gives the same to its build, so the templates cannot tell them apart.
"""

from __future__ import annotations

from .feeds import feed_path
from .labels import Labels
from .markup import long_date
from .taxonomy import LANGUAGES
from .urls import SEARCH_DOC, page_url


def theme_extra(labels: Labels) -> dict:
    """config.extra entries: templates pick the entry of config.theme.language."""
    return {
        "kb_labels": labels.tables,
        "kb_search_page": {lang: page_url(SEARCH_DOC, lang) for lang in LANGUAGES},
        "kb_feed": {lang: feed_path(lang) for lang in LANGUAGES},  # <link rel="alternate"> in every head
    }


def theme_filters(labels: Labels) -> dict:
    """Jinja filters: {{ "2026-11-29" | long_date("sv") }} writes a date as the pages do."""
    return {"long_date": lambda iso, lang: long_date(str(iso), lang, labels)}
