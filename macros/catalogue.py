"""The catalogue page: every published case as a card, a filter form, and the facet data its script reads.

Everything is server-rendered, so the list is complete without JavaScript; the form stays hidden
until the script shows it. All text is escaped here; links are final URLs because MkDocs does
not rewrite links inside raw HTML.
"""

from __future__ import annotations

import json

from .content import Content
from .facets import FACETS, facet_record, newest_first, options
from .markup import html, html_labels, year_span
from .urls import CATALOGUE_DOC, case_doc, html_link, work_package_doc


def render_catalogue(lang: str, content: Content, from_doc: str = CATALOGUE_DOC) -> str:
    """The catalogue's HTML: filters, live result count, cards and the facet data."""
    cases = newest_first(content.published)
    say = html_labels(content.labels, lang)
    count = say("catalogue.count_one") if len(cases) == 1 else say("catalogue.count", count=len(cases))
    return "\n".join([
        '<div class="kb-catalogue" data-kb-catalogue>',
        _filters(lang, content, say),
        f'<p class="kb-result-count" id="kb-result-count" role="status" aria-live="polite">{count}</p>',
        f'<ol class="kb-cards" id="kb-cards" aria-labelledby="kb-result-count" data-pagefind-ignore>',
        *(_card(case, lang, content, from_doc) for case in cases),
        "</ol>",
        f'<script type="application/json" id="kb-catalogue-data">{catalogue_data(cases, lang, content)}</script>',
        "</div>",
    ])


def catalogue_data(cases: list[dict], lang: str, content: Content) -> str:
    """JSON for the script: facet keys, the cases' facet records in card order, and its texts."""
    texts = {key: content.labels(lang, f"catalogue.{key}") for key in ("count", "count_one", "shown", "no_match", "more")}
    data = {"facets": [facet.key for facet in FACETS], "cases": [facet_record(case) for case in cases], "texts": texts}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def _filters(lang: str, content: Content, say) -> str:
    records = [facet_record(case) for case in content.published]  # the same years the script filters on
    low, high = (min(r["from"] for r in records), max(r["to"] for r in records)) if records else (2000, 2030)
    parts = [
        f'<form class="kb-filters" id="kb-filters" hidden aria-label="{say("catalogue.filters")}" data-pagefind-ignore>',
        '<div class="kb-filters__row">',
        f'<label for="kb-q">{say("catalogue.search")}</label>',
        f'<input type="search" id="kb-q" name="q" autocomplete="off" aria-describedby="kb-q-hint">',
        f'<small id="kb-q-hint">{say("catalogue.search_hint")}</small>',
        "</div>",
        '<div class="kb-filters__row">',
        f'<label for="kb-sort">{say("catalogue.sort")}</label>',
        f'<select id="kb-sort" name="sort"><option value="newest">{say("catalogue.sort_newest")}</option>'
        f'<option value="title">{say("catalogue.sort_title")}</option></select>',
        f'<button type="button" class="md-button" data-kb-clear>{say("catalogue.clear")}</button>',
        "</div>",
        *(_group(say(facet.label), _boxes(facet, lang, content)) for facet in FACETS),
        _group(say("catalogue.years"),
               f'<label>{say("catalogue.year_from")} <input type="number" name="from" inputmode="numeric" min="{low}" max="{high}"></label>'
               f'<label>{say("catalogue.year_to")} <input type="number" name="to" inputmode="numeric" min="{low}" max="{high}"></label>'),
        _group(say("catalogue.outcomes"),
               f'<label><input type="checkbox" name="outcomes" value="1"> {say("catalogue.has_outcomes")} '
               f'<span class="kb-count" data-kb-count="outcomes:1"></span></label>'),
        "</form>",
    ]
    return "\n".join(parts)


def _group(title: str, controls: str) -> str:
    """One facet: a disclosure (compact at 320 px) around a fieldset that names its controls."""
    return (f'<details class="kb-facet"><summary>{title}</summary>'
            f'<fieldset><legend class="kb-visually-hidden">{title}</legend>{controls}</fieldset></details>')


def _boxes(facet, lang: str, content: Content) -> str:
    return "".join(
        f'<label><input type="checkbox" name="{facet.key}" value="{html(value)}"> {html(label)} '
        f'<span class="kb-count" data-kb-count="{facet.key}:{html(value)}"></span></label>'
        for value, label in options(facet, content, lang))


def _card(case: dict, lang: str, content: Content, from_doc: str) -> str:
    taxonomy, organisation = content.taxonomy, case["organisation"]
    requirements = ", ".join(taxonomy.label("requirement_types", term, lang) for term in case["requirement_types"])
    packages = " ".join(
        f'<a class="kb-badge" href="{html_link(work_package_doc(wp), from_doc)}">{html(taxonomy.label("work_packages", wp, lang))}</a>'
        for wp in case["work_packages"])
    sectors = ", ".join(taxonomy.label("sectors", term, lang) for term in case["sectors"])
    return (f'<li class="kb-card" id="case-{case["id"]}">'
            f'<h2 class="kb-card__title"><a href="{html_link(case_doc(case["id"]), from_doc)}">{html(case["title"][lang])}</a></h2>'
            f'<p class="kb-card__meta">{html(organisation["name"][lang])} · {year_span(case["years"])} · {html(sectors)}</p>'
            f'<p class="kb-card__summary">{html(case["summary"][lang])}</p>'
            f'<p class="kb-card__tags"><span>{html(content.labels(lang, "case.requirement_types"))}: {html(requirements)}</span> {packages}</p>'
            "</li>")
