"""The suitability check's page: the questionnaire as a server-rendered form, the data its script
reads, and the rules documented from the same data.

The script (docs/assets/javascripts/suitability.js) applies the rule language of suitability.py to
the answers; everything it shows — questions, outcomes, reasons, links, matching cases — is here.
"""

from __future__ import annotations

from .content import Content
from .facets import FACETS, newest_first
from .markup import html, html_labels
from .suitability import COUNT_TEST, GROUPS
from .tool_markup import data_script, noscript
from .urls import CATALOGUE_DOC, case_doc, html_link


def render_tool(lang: str, content: Content, from_doc: str) -> str:
    """The form (hidden until the script runs), the live status, the result area and the data."""
    check, say = content.etools["suitability"], html_labels(content.labels, lang)
    groups = "".join(
        f'<h2 class="kb-tool__group">{say(f"suitability.group.{group}")}</h2>'
        + "".join(_question(q, lang, say) for q in check["questions"] if q["group"] == group)
        for group in GROUPS)
    return "\n".join([
        '<div class="kb-tool" data-kb-tool="suitability">',
        noscript(lang, content, from_doc),
        f'<p class="kb-tool__notice">{html(check["notice"][lang])}</p>',
        f'<form class="kb-tool__form" id="kb-tool-form" hidden aria-label="{say("suitability.form")}">{groups}'
        f'<p><button type="reset" class="md-button">{say("tools.reset")}</button></p></form>',
        '<p class="kb-tool__status" id="kb-tool-status" role="status" aria-live="polite"></p>',
        '<section class="kb-tool__result" id="kb-tool-result" aria-labelledby="kb-tool-result-title" hidden></section>',
        data_script(_payload(lang, content, from_doc)),
        "</div>",
    ])


def _question(question: dict, lang: str, say) -> str:
    qid = html(question["id"])
    answers = "".join(f'<label><input type="radio" name="{qid}" value="{value}"> {say(f"tools.{value}")}</label>'
                      for value in ("yes", "no"))
    return f'<fieldset class="kb-question"><legend>{html(question["text"][lang])}</legend>{answers}</fieldset>'


def _payload(lang: str, content: Content, from_doc: str) -> dict:
    """What the script needs: the rule data, the outcomes in the page's language with final links."""
    check = content.etools["suitability"]
    titles = {guide.doc: guide.title[lang] for guide in content.guides}
    outcomes = []
    for outcome in check["outcomes"]:
        cases = matching_cases(outcome["cases"], content)
        outcomes.append({
            "id": outcome["id"], "when": outcome["when"], "reasons": outcome["reasons"],
            "title": outcome["title"][lang], "explanation": outcome["explanation"][lang],
            "guides": [{"url": html_link(doc, from_doc), "title": titles[doc]} for doc in outcome["links"]],
            "cases": [{"url": html_link(case_doc(c["id"]), from_doc), "title": c["title"][lang]} for c in cases],
            "catalogue": html_link(CATALOGUE_DOC, from_doc) + "?" + catalogue_query(outcome["cases"]),
        })
    texts = {key: content.labels(lang, f"suitability.{key}") for key in
             ("remaining", "remaining_one", "result", "reasons", "guides", "cases", "no_cases", "catalogue")}
    texts.update({key: content.labels(lang, f"tools.{key}") for key in ("yes", "no")})
    return {
        "questions": [{"id": q["id"], "group": q["group"], "indicator": bool(q.get("indicator")), "text": q["text"][lang]}
                      for q in check["questions"]],
        "outcomes": outcomes, "threshold_note": check["threshold_note"][lang], "market_note": check["market_note"][lang],
        "texts": texts,
    }


def matching_cases(filters: dict, content: Content) -> list[dict]:
    """The published cases a catalogue filtered on `filters` shows: OR within a facet, AND across."""
    values = {facet.key: facet.values for facet in FACETS}
    return [case for case in newest_first(content.published)
            if all(set(values[key](case)) & set(wanted) for key, wanted in filters.items())]


def catalogue_query(filters: dict) -> str:
    """The catalogue's URL state for the same filters: ?requirement=employment&requirement=internship."""
    return "&".join(f"{key}={value}" for key, wanted in filters.items() for value in wanted)


def render_rules(lang: str, content: Content, from_doc: str) -> str:
    """How the tool decides, written out from the data: every question with its source, every outcome with its conditions."""
    check, say = content.etools["suitability"], html_labels(content.labels, lang)
    rows = "".join(
        f'<tr><td>{html(q["text"][lang])}</td><td>{say("suitability.group." + q["group"])}</td>'
        f'<td>{say("tools.yes") if q.get("indicator") else say("tools.no")}</td>'
        f'<td><a href="{html(q["source"])}">{say("tools.source")}</a></td></tr>'
        for q in check["questions"])
    table = (f'<table><caption>{say("suitability.questions_caption")}</caption><thead><tr>'
             f'<th scope="col">{say("suitability.question")}</th><th scope="col">{say("suitability.group_column")}</th>'
             f'<th scope="col">{say("suitability.indicator")}</th><th scope="col">{say("tools.source")}</th></tr></thead>'
             f'<tbody>{rows}</tbody></table>')
    outcomes = "".join(
        f'<li><strong>{html(o["title"][lang])}</strong> — {say("suitability.when")}: '
        + "; ".join(_condition(name, test, say) for name, test in o["when"].items()) + ".</li>"
        for o in check["outcomes"])
    return "\n".join([table, f"<p>{say('suitability.outcomes_intro')}</p>", f"<ul>{outcomes}</ul>",
                      f'<p>{html(check["threshold_note"][lang])}</p>', f'<p>{html(check["market_note"][lang])}</p>'])


def _condition(set_name: str, test: str, say) -> str:
    operator, number = COUNT_TEST.match(test).groups()
    return say(f"suitability.set.{set_name}") + ": " + say(f"suitability.test.{operator}", n=number)

