"""One case, in one language, as the Markdown of its page: title, facts, outcomes, story, sources."""

from __future__ import annotations

from .content import Content
from .facets import search_filters
from .markup import front_matter, md_block, md_inline, number, reviewed_line, year_span
from .urls import case_doc, work_package_link

STORY_PARTS = ("background", "requirement", "implementation", "results", "lessons")

# Facts panel rows: label key, case field, taxonomy category.
TERM_FACTS = (
    ("case.sectors", "sectors", "sectors"),
    ("case.contract_types", "contract_types", "contract_types"),
    ("case.requirement_types", "requirement_types", "requirement_types"),
    ("case.target_groups", "target_groups", "target_groups"),
    ("case.roles", "roles", "roles"),
    ("case.phases", "phases", "phases"),
)


def render_case(case: dict, lang: str, content: Content) -> str:
    """The full Markdown source of a case page."""
    say = lambda key, **values: content.labels(lang, key, **values)  # noqa: E731
    parts = [
        front_matter(title=case["title"][lang], description=case["summary"][lang]),
        f"# {md_inline(case['title'][lang])}\n",
        _banner(case, lang, content),
        f"{md_inline(case['summary'][lang])}\n{{: .kb-summary }}\n",
        f"## {say('case.facts')}\n\n{_facts(case, lang, content)}",
        f"## {say('case.outcomes')}\n\n{_outcomes(case, lang, content)}",
        *(f"## {say('case.' + part)}\n\n{md_block(case['story'][part][lang])}\n" for part in STORY_PARTS if part in case["story"]),
        f"## {say('case.sources')}\n\n{_sources(case, lang, content)}",
        _keywords(case, lang, content),
        search_filters(case, lang, content),
        reviewed_line(case["last_reviewed"], lang, content.labels),
        f"[{say('case.back_to_catalogue')}](index.md)\n",
    ]
    return "\n".join(part for part in parts if part)


def _banner(case: dict, lang: str, content: Content) -> str:
    if not case.get("illustrative"):
        return ""
    title = content.labels(lang, "case.illustrative_title")
    return f'!!! warning "{title}"\n\n    {md_inline(content.labels(lang, "case.illustrative_banner"))}\n'


def _facts(case: dict, lang: str, content: Content) -> str:
    labels, taxonomy, org = content.labels, content.taxonomy, case["organisation"]
    rows = [
        ("case.organisation", f"{md_inline(org['name'][lang])} ({taxonomy.label('organisation_types', org['type'], lang)})"),
        ("case.place", ", ".join(filter(None, [
            taxonomy.label("counties", org["region"], lang) if org.get("region") else "",
            taxonomy.label("countries", org["country"], lang)]))),
        ("case.years", year_span(case["years"])),
        *((key, ", ".join(taxonomy.label(category, term, lang) for term in case[field])) for key, field, category in TERM_FACTS),
        ("case.work_packages", ", ".join(
            f"[{taxonomy.label('work_packages', wp, lang)}]({work_package_link(wp, case_doc(case['id']))})" for wp in case["work_packages"])),
    ]
    if case.get("contract"):
        rows.append(("case.contract", _contract(case["contract"], lang, content)))
    return "\n".join(f"{labels(lang, key)}\n:   {value}\n" for key, value in rows)


def _contract(contract: dict, lang: str, content: Content) -> str:
    parts = []
    if "value_sek" in contract:
        parts.append(content.labels(lang, "case.contract_value", value=number(contract["value_sek"], lang, content.labels)))
    if "duration_months" in contract:
        parts.append(content.labels(lang, "case.contract_duration", months=contract["duration_months"]))
    return ", ".join(parts)


def _outcomes(case: dict, lang: str, content: Content) -> str:
    say = lambda key, **values: content.labels(lang, key, **values)  # noqa: E731
    if not case.get("outcomes"):
        return say("case.no_outcomes") + "\n"
    sources = {source["id"]: source for source in case["sources"]}
    header = "|".join(say(k) for k in ("case.outcome_measure", "case.outcome_value", "case.outcome_period", "case.outcome_source"))
    rows = [f"| {header} |", "|---|--:|---|---|"]
    for outcome in case["outcomes"]:
        value = number(outcome["value"], lang, content.labels)
        value = say("case.approximately", value=value) if outcome.get("approximate") else value
        measure = content.taxonomy.label("measures", outcome["measure"], lang)
        if outcome.get("note"):
            measure += f"<br>*{md_inline(outcome['note'][lang])}*"  # our own tag around escaped text
        period = md_inline(outcome["period"][lang]) if outcome.get("period") else str(outcome["year"])
        source = sources[outcome["source"]]
        rows.append(f"| {measure} | {value} | {period} | [{md_inline(source['publisher'])}]({source['url']}) |")
    return f"{say('case.outcomes_caption')}\n\n" + "\n".join(rows) + "\n"


def _sources(case: dict, lang: str, content: Content) -> str:
    if not case.get("sources"):
        return content.labels(lang, "case.no_sources") + "\n"
    lines = []
    for index, source in enumerate(case["sources"], start=1):
        date = f", {source['date']}" if source.get("date") else ""
        lines.append(f"{index}. [{md_inline(source['title'])}]({source['url']}) – {md_inline(source['publisher'])}{date}")
    return "\n".join(lines) + "\n"


def _keywords(case: dict, lang: str, content: Content) -> str:
    """The case's search keywords, shown on the page (they help search with compound words)."""
    words = case.get("keywords", {}).get(lang)
    return f"{content.labels(lang, 'search.keywords')}: {md_inline(', '.join(words))}\n{{: .kb-keywords }}\n" if words else ""
