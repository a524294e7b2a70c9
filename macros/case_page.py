"""One case, in one language, as the Markdown of its page: title, facts, outcomes, story, sources."""

from __future__ import annotations

from .content import Content
from .facets import search_filters
from .markup import front_matter, html, html_labels, long_date, md_block, md_inline, md_url, number, reviewed_line, year_span
from .urls import Site, case_doc, work_package_link

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


def render_case(case: dict, lang: str, content: Content, site: Site) -> str:
    """The full Markdown source of a case page; the `site` it is published on gives the page its
    address to copy and its citation."""
    say = lambda key, **values: content.labels(lang, key, **values)  # noqa: E731
    parts = [
        # last_reviewed: the theme prints it under the title (overrides/main.html)
        front_matter(title=case["title"][lang], description=case["summary"][lang], last_reviewed=case["last_reviewed"]),
        f"# {md_inline(case['title'][lang])}\n",
        _banner(case, lang, content),
        f"{md_inline(case['summary'][lang])}\n{{: .kb-summary }}\n",
        f"## {say('case.facts')}\n\n{_facts(case, lang, content)}",
        f"## {say('case.outcomes')}\n\n{_outcomes(case, lang, content)}",
        *(f"## {say('case.' + part)}\n\n{md_block(case['story'][part][lang])}\n" for part in STORY_PARTS if part in case["story"]),
        f"## {say('case.sources')}\n\n{_sources(case, lang, content)}",
        _changes(case, lang, content),
        _keywords(case, lang, content),
        search_filters(case, lang, content),
        reviewed_line(case["last_reviewed"], lang, content.labels),
        _link_and_citation(case, lang, content, site),
        f"[{say('case.back_to_catalogue')}](index.md){{: .kb-back }}\n",  # a way on, not printed
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
        rows.append(f"| {measure} | {value} | {period} | [{md_inline(source['publisher'])}]({md_url(source['url'])}) |")
    # Wrapped so that print need not write these links out: each source's address is in the list below.
    table = "\n".join(rows)
    return f'{say("case.outcomes_caption")}\n\n<div class="kb-outcomes" markdown>\n\n{table}\n\n</div>\n'


def _sources(case: dict, lang: str, content: Content) -> str:
    if not case.get("sources"):
        return content.labels(lang, "case.no_sources") + "\n"
    lines = []
    for index, source in enumerate(case["sources"], start=1):
        date = f", {source['date']}" if source.get("date") else ""
        lines.append(f"{index}. [{md_inline(source['title'])}]({md_url(source['url'])}) – {md_inline(source['publisher'])}{date}")
    return "\n".join(lines) + "\n"


def _link_and_citation(case: dict, lang: str, content: Content, site: Site) -> str:
    """The page's full address with a copy button (permalink.js shows the button; without JavaScript
    the address stays as text to copy) and a citation in the page's language, as raw HTML: the
    button and the live region need attributes Markdown cannot give. Search skips the section."""
    say = html_labels(content.labels, lang)
    url = html(site.address(case_doc(case["id"]), lang))
    parts = (case["title"][lang], case["organisation"]["name"][lang], site.name)
    reviewed = f"{say('page.last_reviewed')} {long_date(case['last_reviewed'], lang, content.labels)}."
    citation = " ".join([*(_sentence(html(part)) for part in parts), f"{url}.", reviewed])
    return (
        f'## {say("case.cite_heading")} {{: data-pagefind-ignore="all" }}\n\n'
        f'<div class="kb-permalink" data-kb-permalink data-pagefind-ignore="all" '
        f'data-kb-done="{say("case.copy_link_done")}" data-kb-failed="{say("case.copy_link_failed")}">\n'
        f'<p>{say("case.cite_address")}: <span class="kb-permalink__url">{url}</span> '
        f'<button type="button" class="md-button kb-permalink__copy" hidden>{say("case.copy_link")}</button></p>\n'
        f'<p class="kb-permalink__status" role="status" aria-live="polite"></p>\n'
        "</div>\n\n"
        f'<p class="kb-cite__intro" data-pagefind-ignore="all">{say("case.cite_intro")}</p>\n'
        f'<blockquote class="kb-cite" data-pagefind-ignore="all"><p>{citation}</p></blockquote>\n'
    )


def _sentence(text: str) -> str:
    """A part of the citation ends with a full stop, unless it already ends a sentence."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _changes(case: dict, lang: str, content: Content) -> str:
    """The change history, newest first whatever the order in the file, ending with the day the
    case was published (when known); no section for a case that has not changed."""
    if not case.get("changes"):
        return ""
    say = lambda key: content.labels(lang, key)  # noqa: E731
    entries = [(change["date"], md_inline(change["text"][lang])) for change in case["changes"]]
    entries.sort(key=lambda entry: entry[0], reverse=True)
    if case.get("published"):
        entries.append((case["published"], say("case.changes_published")))
    items = "\n".join(f"- **{long_date(date, lang, content.labels)}:** {text}" for date, text in entries)
    return f"## {say('case.changes')}\n\n{say('case.changes_intro')}\n\n{items}\n"


def _keywords(case: dict, lang: str, content: Content) -> str:
    """The case's search keywords, shown on the page (they help search with compound words)."""
    words = case.get("keywords", {}).get(lang)
    return f"{content.labels(lang, 'search.keywords')}: {md_inline(', '.join(words))}\n{{: .kb-keywords }}\n" if words else ""
