"""Every hand-written page must exist in every language: x.md (Swedish) and x.en.md (English)."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem


def doc_pages(docs_dir: Path) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


def unpaired_pages(docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    """One problem per missing translation, naming the file that lacks its counterpart."""
    default, others = languages[0], languages[1:]
    pages = doc_pages(docs_dir)
    problems = []
    for page in sorted(pages):
        stem, suffix = _split(page, others)
        if suffix is None:  # a default-language page: every other language must exist
            problems += [Problem(f"docs/{page}", None, "", f"the {lang} translation docs/{stem}.{lang}.md is missing")
                         for lang in others if f"{stem}.{lang}.md" not in pages]
        elif f"{stem}.md" not in pages:
            problems.append(Problem(f"docs/{page}", None, "", f"the {default} page docs/{stem}.md is missing"))
    return problems


def _split(page: str, others: tuple[str, ...]) -> tuple[str, str | None]:
    base = page[:-3]
    for lang in others:
        if base.endswith(f".{lang}"):
            return base[: -len(lang) - 1], lang
    return base, None
