"""Glossary links: the first mention of a glossary term on a page links to the glossary.

The terms are read from the glossary pages themselves (docs/ordlista.md and .en.md), so a term
added there is linked everywhere without another list to keep.
"""

from __future__ import annotations

import re
from functools import lru_cache
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
        cell = re.sub(r"\([^)]*\)|\*[^*]*\*", "", row.split("|")[column - 1])
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
