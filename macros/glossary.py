"""Glossary links: the first mention of a glossary term on a page links to the glossary; and on
the glossary itself, the terms in the other language carry their lang.

The terms are read from the glossary pages themselves (docs/ordlista.md and .en.md), so a term
added there is linked everywhere without another list to keep.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import count
from pathlib import Path

GLOSSARY_DOC = "ordlista.md"
_LINK_OR_CODE = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|https?://\S+")
_SKIP_LINE = re.compile(r"^\s*(#|\||!!!|```|<|---|\{\{)")


def glossary_terms(docs_dir: Path, lang: str, default: str) -> list[str]:
    """The page language's terms: the Swedish column on the Swedish glossary, the English on the English one.

    Proper names, our own translations and short words (which would match too much) are left out;
    longest first, so "reserverad upphandling" wins over "upphandling"."""
    page = docs_dir / (GLOSSARY_DOC if lang == default else GLOSSARY_DOC.replace(".md", f".{lang}.md"))
    column = 1 if lang == default else 2
    terms = set()
    for row in re.findall(r"^\|(.+)\|\s*$", page.read_text(encoding="utf-8"), re.M)[2:]:  # past header and rule
        cell = re.sub(r"<[^>]+>|\([^)]*\)|\*[^*]*\*", "", row.split("|")[column - 1])  # a term's <span lang> too
        for term in re.split(r"\s*[/;,]\s*", cell.strip()):
            if len(term) >= 8 and term[:1].islower() and re.fullmatch(r"[\w -]+", term):
                terms.add(term)
    return sorted(terms, key=lambda term: (-len(term), term))


def link_first_mentions(markdown: str, terms: list[str], target: str) -> str:
    """Markdown with the first mention of each term, in running text, made a link to `target`."""
    lowered = markdown.lower()
    pending = [term for term in terms if term.lower() in lowered]  # most terms are absent: skip them cheaply
    lines, fenced = markdown.split("\n"), False
    for index, line in enumerate(lines):
        fenced ^= line.lstrip().startswith("```")
        if fenced or _SKIP_LINE.match(line) or not pending:
            continue
        lines[index], pending = _link_in_line(line, pending, target)
    return "\n".join(lines)


def _link_in_line(line: str, pending: list[str], target: str) -> tuple[str, list[str]]:
    lowered = line.lower()
    for term in [term for term in pending if term.lower() in lowered]:
        for match in _pattern(term).finditer(line):
            if not _protected(line, match.start()):
                line = f"{line[:match.start()]}[{match.group(0)}]({target}){line[match.end():]}"
                pending.remove(term)
                break
    return line, pending


@lru_cache(maxsize=None)
def _pattern(term: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)


def _protected(line: str, position: int) -> bool:
    """Inside an existing link, inline code or a bare web address."""
    return any(m.start() <= position < m.end() for m in _LINK_OR_CODE.finditer(line))


# --- the language of the term columns (WCAG 3.1.2, language of parts) ----------------------------

_ROW = re.compile(r"<tr>.*?</tr>", re.S)
_CELL = re.compile(r"<(t[hd])([^>]*)>(.*?)</\1>", re.S)
_TRAILING_NOTE = re.compile(r"(.*?)(\s*\([^()]*\))?", re.S)  # "term (our translation)": the note is in the page's language


def mark_term_languages(html: str, page_lang: str, languages: tuple[str, ...]) -> str:
    """The glossary page's HTML with the term column in the other language marked with its lang.

    The table's first columns hold the terms in the site's languages, in that order, each headed by
    the language's own name ("Svenska | English"). A term that already carries a lang (a Norwegian
    term, say) is left as its author marked it; a trailing note in brackets stays in the page's language."""
    columns = {index: lang for index, lang in enumerate(languages) if lang != page_lang}
    return _ROW.sub(lambda row: _mark_row(row.group(0), columns), html)


def _mark_row(row: str, columns: dict[int, str]) -> str:
    positions = count()

    def mark(cell: re.Match) -> str:
        tag, attributes, inner = cell.groups()
        lang = columns.get(next(positions))
        if lang is None or "lang=" in inner:
            return cell.group(0)
        if tag == "th":
            return f'<th{attributes} lang="{lang}">{inner}</th>'
        term, note = _TRAILING_NOTE.fullmatch(inner).groups()
        return f'<td{attributes}><span lang="{lang}">{term}</span>{note or ""}</td>'
    return _CELL.sub(mark, row)
