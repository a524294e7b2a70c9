"""MkDocs adapter: stop the build on bad content before anything is written, and add generated pages.

Generated pages follow the approach in STACK-NOTES that works with mkdocs-static-i18n: files are
added *before* the i18n plugin (priority above -100) with a source path under docs_dir, so the
plugin localises them like hand-written x.md / x.en.md pairs; their Markdown is attached *after*
it (below -100), because the plugin re-creates every File. Nothing is written into the source tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # MkDocs loads hooks by path; the domain package lives beside them

from macros.content import cached_content  # noqa: E402
from macros.generated_pages import generated_pages  # noqa: E402
from macros.glossary import GLOSSARY_DOC, glossary_terms, link_first_mentions, mark_term_languages  # noqa: E402
from macros.markup import reviewed_line  # noqa: E402
from macros.problems import ContentError  # noqa: E402
from macros.search_index import build_search_index  # noqa: E402
from macros.site_files import site_files  # noqa: E402
from macros.taxonomy import LANGUAGES  # noqa: E402
from macros.theme import theme_extra, theme_filters  # noqa: E402
from macros.urls import Site, relative  # noqa: E402

_renderers: dict[str, tuple] = {}  # abs_src_path of a generated file -> (render, lang)
_generated_docs: set[str] = set()  # their docs paths without a language suffix


def content(config, recheck: bool = False):
    """The validated content for this build (cases from extra.cases_dir, default cases/)."""
    return cached_content(ROOT, config.extra.get("cases_dir"), recheck)


@event_priority(100)  # before every plugin, so bad content stops the build before site/ is touched
def on_config(config):
    try:
        labels = content(config, recheck=True).labels  # the one look at the files per build
    except ContentError as error:
        raise PluginError(str(error)) from None
    config.extra.update(theme_extra(labels))
    _glossary.clear()
    return config


@event_priority(50)
def _add_generated_files(files, config):
    _renderers.clear()
    # site_name is the language being built: mkdocs-static-i18n sets it per build (on_config), and
    # each build renders only its own language's files.
    pages = generated_pages(content(config), Site(config.site_url or "/", config.site_name))
    _generated_docs.clear()
    _generated_docs.update(pages)
    for doc, render in pages.items():
        for lang in LANGUAGES:
            uri = doc if lang == LANGUAGES[0] else doc.replace(".md", f".{lang}.md")
            file = File(uri, config.docs_dir, config.site_dir, config.use_directory_urls)
            _renderers[file.abs_src_path] = (render, lang)
            files.append(file)
    return files


@event_priority(-150)
def _fill_generated_files(files, config):
    for file in files:
        if file.abs_src_path in _renderers:
            render, lang = _renderers[file.abs_src_path]
            file.content_string = render(lang)
    return files


on_files = CombinedEvent(_add_generated_files, _fill_generated_files)


def on_env(env, config, files):
    """Theme templates write a date as the pages do (the last-reviewed line under the title)."""
    env.filters.update(theme_filters(content(config).labels))
    return env


def on_page_markdown(markdown, page, config, files):
    """Hand-written pages link their first mention of each glossary term to the glossary, and
    state when they were last reviewed (front matter `last_reviewed`)."""
    lang, doc = page.file.locale, page.file.src_uri.replace(f".{page.file.locale}.md", ".md")
    if doc in _generated_docs:  # generated pages are complete as rendered
        return markdown
    if doc != GLOSSARY_DOC:
        markdown = link_first_mentions(markdown, _terms(config.docs_dir, lang), relative(GLOSSARY_DOC, doc))
    reviewed = page.meta.get("last_reviewed")
    if not reviewed:
        return markdown
    return markdown.rstrip() + "\n\n" + reviewed_line(str(reviewed), lang, content(config).labels)


def on_page_content(html, page, config, files):
    """On the glossary, the column of terms in the other language carries that language's lang."""
    if page.file.src_uri.replace(f".{page.file.locale}.md", ".md") != GLOSSARY_DOC:
        return html
    return mark_term_languages(html, page.file.locale, LANGUAGES)


_glossary: dict[tuple, list[str]] = {}


def _terms(docs_dir: str, lang: str) -> list[str]:
    """The glossary's terms in a language, read once per build (on_config clears them)."""
    if (docs_dir, lang) not in _glossary:
        _glossary[(docs_dir, lang)] = glossary_terms(Path(docs_dir), lang, LANGUAGES[0])
    return _glossary[(docs_dir, lang)]


@event_priority(-150)  # after mkdocs-static-i18n has built every language (it builds them from its own on_post_build)
def on_post_build(config):
    """Write the files made from the content (open data, feeds) beside the pages, then index the
    finished site for search: one Pagefind index per language, from <html lang>."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    for path, data in site_files(content(config), config.site_url or "/").items():
        (Path(config.site_dir) / path).parent.mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / path).write_bytes(data)
    if not config.extra.get("search_index", True):
        return
    problem = build_search_index(Path(config.site_dir))
    if problem:
        raise PluginError(problem)
