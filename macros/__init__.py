"""mkdocs-macros adapter: the macros hand-written pages may call, named for what they put on the page.

Pages opt in with `render_macros: true` in their front matter (render_by_default is off), so guide
text that contains braces is never parsed as a template. Text a macro returns is not re-rendered.
"""

from __future__ import annotations

import json
from pathlib import Path

from .case_list import case_list as _case_list
from .catalogue import render_catalogue
from .key_figures_page import render_key_figures
from .facets import newest_first
from .content import cached_content
from .markup import html
from . import clause_page, placement_page, suitability_page
from . import open_data_page
from .work_package_pages import work_package_list as _work_package_list
from .feeds import feed_path
from .whats_new import render_whats_new

ROOT = Path(__file__).resolve().parents[1]
SEARCH_TEXTS = ("label", "submit", "searching", "results", "results_one", "no_results", "more")


def define_env(env):
    def content():
        return cached_content(ROOT, env.conf["extra"].get("cases_dir"), recheck=False)

    def page_language() -> str:
        return env.page.file.locale

    def page_doc() -> str:
        """The page's docs path without its language suffix (index.en.md -> index.md)."""
        return env.page.file.src_uri.replace(f".{page_language()}.md", ".md")

    @env.macro
    def latest_cases(count: int = 6) -> str:
        """The newest published cases as a short list: title, organisation, years, summary."""
        data = content()
        return _case_list(newest_first(data.published)[:count], page_language(), data, page_doc())

    @env.macro
    def case_catalogue() -> str:
        """The filterable catalogue of every published case (complete without JavaScript)."""
        return render_catalogue(page_language(), content(), page_doc())

    @env.macro
    def key_figures() -> str:
        """The cases' sourced outcome figures added up per measure and breakdown: summaries, SVG charts, tables."""
        return render_key_figures(page_language(), content(), page_doc())

    @env.macro
    def work_package_list() -> str:
        """The eleven work packages with links, descriptions and case counts, from the taxonomy."""
        data = content()
        return _work_package_list(page_language(), data, page_doc())

    @env.macro
    def search_page() -> str:
        """The search page's results area: search.js asks Pagefind's API and lists the results here."""
        data, lang = content(), page_language()
        to_site_root = "../" * env.page.url.count("/")  # page.url includes the language folder
        texts = {key: data.labels(lang, f"search.{key}") for key in SEARCH_TEXTS}
        return (f'<div id="kb-search" class="kb-search" data-kb-bundle="{to_site_root}pagefind/" '
                f'data-kb-texts="{html(json.dumps(texts, ensure_ascii=False))}"></div>\n'
                f"<noscript><p>{html(data.labels(lang, 'search.noscript'))}</p></noscript>")

    @env.macro
    def whats_new() -> str:
        """Cases published or changed, newest first, from the cases' own dates; and a link to the feed."""
        lang = page_language()
        to_site_root = "../" * env.page.url.count("/")  # page.url includes the language folder
        return render_whats_new(lang, content(), page_doc(), to_site_root + feed_path(lang))

    @env.macro
    def cases_for_role(role: str) -> str:
        """The published cases whose `roles` include this role (newest first), from the cases themselves."""
        return _cases_where("roles", role)

    @env.macro
    def cases_for_phase(phase: str) -> str:
        """The published cases whose `phases` include this phase (newest first), from the cases themselves."""
        return _cases_where("phases", phase)

    @env.macro
    def suitability_check() -> str:
        """The suitability check: the questions as a form, brought to life by suitability.js."""
        return suitability_page.render_tool(page_language(), content(), page_doc())

    @env.macro
    def suitability_rules() -> str:
        """How the suitability check decides, written out from etools.yml."""
        return suitability_page.render_rules(page_language(), content(), page_doc())

    @env.macro
    def placement_estimator() -> str:
        """The placement estimator: the contract form, brought to life by placement.js."""
        return placement_page.render_tool(page_language(), content(), page_doc())

    @env.macro
    def placement_rules() -> str:
        """The estimator's rules of thumb with their figures, sources and limits, from etools.yml."""
        return placement_page.render_rules(page_language(), content(), page_doc())

    @env.macro
    def clause_builder() -> str:
        """The clause builder: variant and details as a form, texts in both languages, brought to life by clauses.js."""
        return clause_page.render_tool(page_language(), content(), page_doc())

    @env.macro
    def clause_rules() -> str:
        """Every clause variant with its details, source, text and follow-up list, from etools.yml."""
        return clause_page.render_rules(page_language(), content(), page_doc())

    @env.macro
    def open_data_downloads() -> str:
        """The open-data files (cases as JSON and CSV, taxonomy, schema), each linked with what it holds."""
        return open_data_page.render_downloads(page_language(), content(), page_doc())

    @env.macro
    def open_data_attribution() -> str:
        """The suggested credit line for reusers, the same text the data files carry."""
        return open_data_page.render_attribution(page_language(), content())

    @env.macro
    def open_data_fields() -> str:
        """Every key, case field and CSV column of the open data, described from the schema and the export."""
        return open_data_page.render_fields(page_language(), content(), page_doc())

    def _cases_where(field: str, term: str) -> str:
        data = content()  # the content check has already refused unknown ids (guides.macro_argument_problems)
        cases = [case for case in newest_first(data.published) if term in case[field]]
        return _case_list(cases, page_language(), data, page_doc(), empty="guides.no_cases")
