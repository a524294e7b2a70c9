"""Small, safe building blocks for generated pages: escaping, numbers, dates, front matter."""

from __future__ import annotations

import json
import re
from html import escape

from .labels import Labels

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+!|])")
_URL_SPECIALS = re.compile(r"[\s()<>\"`{}|\\]")


def md_inline(text: str) -> str:
    """Plain text made safe inside Markdown: no markup, no HTML, no emphasis."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", escape(text, quote=False))


def md_url(url: str) -> str:
    """A web address made safe as a Markdown link target: a ')' would end the link early and let the
    rest of the address be read as Markdown (raw HTML, {attributes}), so such characters are %-encoded."""
    return _URL_SPECIALS.sub(lambda match: f"%{ord(match.group()):02X}", url)


def md_block(text: str) -> str:
    """Author Markdown with any angle bracket neutralised, so no tag can ever form."""
    return text.replace("<", "&lt;")


def html(text: str) -> str:
    """Plain text for HTML content or attributes."""
    return escape(str(text), quote=True)


def html_labels(labels: Labels, lang: str):
    """A language's labels as escaped HTML text: say = html_labels(labels, "sv"); say("catalogue.count", count=3)."""
    return lambda key, **values: html(labels(lang, key, **values))


def number(value: float, lang: str, labels: Labels) -> str:
    """1500 -> '1 500' (sv) or '1,500' (en); 41.5 -> '41,5' (sv)."""
    whole, _, fraction = f"{value:,.2f}".rstrip("0").rstrip(".").partition(".")
    whole = whole.replace(",", labels(lang, "number.thousands_separator"))
    return whole + (labels(lang, "number.decimal_separator") + fraction if fraction else "")


def year_span(years: dict) -> str:
    """{start: 2012, end: 2016} -> '2012–2016'; a single year or no end -> '2012'."""
    end = years.get("end", years["start"])
    return str(years["start"]) if end == years["start"] else f"{years['start']}–{end}"


def long_date(iso: str, lang: str, labels: Labels) -> str:
    """'2026-11-29' -> '29 november 2026' (sv) / '29 November 2026' (en)."""
    year, month, day = iso.split("-")
    return labels(lang, "date.format", day=int(day), month=labels(lang, f"date.month.{int(month)}"), year=year)


def reviewed_line(iso: str, lang: str, labels: Labels) -> str:
    """The closing 'Senast granskad: 29 november 2026' line of a page, as Markdown."""
    return f"*{labels(lang, 'page.last_reviewed')}: {long_date(iso, lang, labels)}*\n{{: .kb-reviewed }}\n"


def front_matter(**fields) -> str:
    """A YAML front-matter block. Values are written as JSON strings, which YAML reads as they
    are (JSON is YAML), escaped by the encoder and far cheaper than the YAML dumper per page."""
    return "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items()) + "---\n"
