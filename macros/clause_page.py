"""The clause builder's page: the form, the two-language result area and the data its script reads,
and the rules documented from the same data.

The script (docs/assets/javascripts/clauses.js) builds the texts as clauses.py does, from
clause_data() written into the page here; every text it shows comes from etools.yml or labels.yml.
"""

from __future__ import annotations

from .clauses import Marker, build_clause, clause_data
from .content import Content
from .markup import html, html_labels
from .placement import sek
from .taxonomy import LANGUAGES
from .tool_markup import data_script, noscript
from .urls import html_link

RULES_ID = "kb-clause-rules"
TEXTS = ("updated", "unfilled", "unfilled_one", "all_filled", "copied_sv", "copied_en", "copy_failed")


def render_tool(lang: str, content: Content, from_doc: str) -> str:
    """The form (hidden until the script runs), the live status, the result area and the data."""
    data, say = clause_data(content.etools, content.taxonomy), html_labels(content.labels, lang)
    texts = {key: content.labels(lang, f"clauses.{key}") for key in TEXTS}
    return "\n".join([
        '<div class="kb-tool kb-clauses" data-kb-tool="clauses">',
        noscript(lang, content, from_doc),
        f'<noscript><p class="kb-noscript">{say("clauses.noscript_rules")} '
        f'<a href="#{RULES_ID}">{say("clauses.noscript_rules_link")}</a></p></noscript>',
        f'<p class="kb-tool__notice">{html(content.etools["clauses"]["notice"][lang])}</p>',
        f'<form class="kb-tool__form kb-clauses__form" id="kb-tool-form" hidden aria-label="{say("clauses.form")}" '
        'novalidate data-pagefind-ignore>',
        _variant_choice(data, lang, say),
        *(_control(parameter, lang, say) for parameter in data["parameters"]),
        f'<p><button type="reset" class="md-button">{say("tools.reset")}</button></p></form>',
        '<p class="kb-tool__status" id="kb-tool-status" role="status" aria-live="polite"></p>',
        _result(data, lang, content, from_doc, say),
        data_script({"lang": lang, **data, "texts": texts}),
        "</div>",
    ])


def _variant_choice(data: dict, lang: str, say) -> str:
    radios = "".join(f'<label><input type="radio" name="variant" value="{html(v["id"])}"{" checked" if index == 0 else ""}> '
                     f'{html(v["name"][lang])}</label>' for index, v in enumerate(data["variants"]))
    return f'<fieldset class="kb-question kb-clauses__variants"><legend>{say("clauses.variant")}</legend>{radios}</fieldset>'


def _control(parameter: dict, lang: str, say) -> str:
    """One labelled control per parameter, its hint linked by aria-describedby; the script hides unused ones."""
    pid = html(parameter["id"])
    hint_id = f"kb-clause-{pid}-hint"
    range_ = " " + _range(parameter, lang, say) if parameter["kind"] == "number" else ""
    hint = f'<small id="{hint_id}">{html(parameter["hint"][lang])}{range_}</small>'
    label = html(parameter["label"][lang])
    if parameter["kind"] == "multi":
        boxes = "".join(f'<label><input type="checkbox" name="{pid}" value="{html(o["id"])}"> {html(o["label"][lang])}</label>'
                        for o in parameter["options"])
        return (f'<fieldset class="kb-question" data-kb-parameter="{pid}" aria-describedby="{hint_id}">'
                f"<legend>{label}</legend>{boxes}{hint}</fieldset>")
    field = _number(parameter, hint_id) if parameter["kind"] == "number" else _select(parameter, lang, say, hint_id)
    return f'<p class="kb-field" data-kb-parameter="{pid}"><label for="kb-clause-{pid}">{label}</label>{field}{hint}</p>'


def _number(parameter: dict, hint_id: str) -> str:
    pid = html(parameter["id"])
    return (f'<input type="number" id="kb-clause-{pid}" name="{pid}" min="{parameter["min"]}" max="{parameter["max"]}" '
            f'step="1" inputmode="numeric" autocomplete="off" aria-describedby="{hint_id}">')


def _select(parameter: dict, lang: str, say, hint_id: str) -> str:
    """A choice as a select whose first, empty option leaves the detail unfilled."""
    pid = html(parameter["id"])
    options = "".join(f'<option value="{html(o["id"])}">{html(o["label"][lang])}</option>' for o in parameter["options"])
    return (f'<select id="kb-clause-{pid}" name="{pid}" aria-describedby="{hint_id}">'
            f'<option value="">{say("clauses.choose")}</option>{options}</select>')


def _result(data: dict, lang: str, content: Content, from_doc: str, say) -> str:
    """Each variant's note and sources (the script shows one), the texts side by side, print, follow-up."""
    columns = "".join(
        f'<div class="kb-clauses__column"><h3 lang="{text_lang}">{say(f"clauses.column_{text_lang}")}</h3>'
        f'<div class="kb-clauses__text" id="kb-clause-{text_lang}" lang="{text_lang}"></div>'
        f'<p class="kb-clauses__actions"><button type="button" class="md-button" data-kb-copy="{text_lang}">'
        f'{say(f"clauses.copy_{text_lang}")}</button></p></div>'
        for text_lang in LANGUAGES)
    abouts = "".join(f'<div class="kb-clauses__about" data-kb-variant="{html(v["id"])}" hidden>'
                     f'{_about(v, lang, content, from_doc, say)}</div>' for v in data["variants"])
    return "".join([
        '<section class="kb-tool__result kb-clauses__result" id="kb-tool-result" aria-labelledby="kb-clause-title" hidden>',
        f'<h2 id="kb-clause-title">{say("clauses.result")}</h2>', abouts,
        f'<div class="kb-clauses__columns">{columns}</div>',
        f'<p class="kb-clauses__actions"><button type="button" class="md-button" data-kb-print>{say("clauses.print")}</button></p>',
        f'<h3 id="kb-clause-follow-up-title">{say("clauses.follow_up")}</h3>',
        '<ul id="kb-clause-follow-up" aria-labelledby="kb-clause-follow-up-title"></ul>',
        "</section>",
    ])


def _about(variant: dict, lang: str, content: Content, from_doc: str, say) -> str:
    """The variant's note (what is ours, what the sources leave open), its source and our guidance."""
    titles = {guide.doc: guide.title[lang] for guide in content.guides}
    guides = ", ".join(f'<a href="{html_link(doc, from_doc)}">{html(titles.get(doc, doc))}</a>' for doc in variant["links"])
    return (f'<p>{html(variant["note"][lang])}</p>'
            f'<p>{say("tools.source")}: <a href="{html(variant["source"])}">{html(_host(variant["source"]))}</a>'
            f' · {say("clauses.guide")}: {guides}</p>')


def render_rules(lang: str, content: Content, from_doc: str) -> str:
    """The details and their limits, then every variant: note, sources, details used, text and follow-up."""
    data, say = clause_data(content.etools, content.taxonomy), html_labels(content.labels, lang)
    names = {p["id"]: html(p["label"][lang]) for p in data["parameters"]}
    parts = [f'<div class="kb-clauses__rules" id="{RULES_ID}">', f"<p>{say('clauses.rules_intro')}</p>", _parameter_table(data, lang, say)]
    for variant in data["variants"]:
        clause = build_clause(variant["id"], {}, content.etools, content.taxonomy)
        parts += [f'<h3>{html(variant["name"][lang])}</h3>', _about(variant, lang, content, from_doc, say),
                  f'<p>{say("clauses.uses")}: {", ".join(names[pid] for pid in names if pid in variant["parameters"])}.</p>',
                  f'<p><strong>{say("clauses.text_unfilled")}</strong></p>',
                  '<div class="kb-clauses__text">' + "".join(f"<p>{paragraph_html(p)}</p>" for p in clause.paragraphs[lang]) + "</div>",
                  f'<p><strong>{say("clauses.follow_up")}</strong></p>',
                  "<ul>" + "".join(f"<li>{html(item)}</li>" for item in clause.follow_up[lang]) + "</ul>"]
    return "\n".join(parts + ["</div>"])


def _parameter_table(data: dict, lang: str, say) -> str:
    rows = "".join(f'<tr><td>{html(p["label"][lang])}</td><td><mark>[{html(p["placeholder"][lang])}]</mark></td>'
                   f'<td>{_allowed(p, lang, say)}</td><td>{html(p["hint"][lang])}</td></tr>' for p in data["parameters"])
    return (f'<table><caption>{say("clauses.parameters_caption")}</caption><thead><tr>'
            f'<th scope="col">{say("clauses.parameter")}</th><th scope="col">{say("clauses.placeholder")}</th>'
            f'<th scope="col">{say("clauses.allowed")}</th><th scope="col">{say("clauses.hint")}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>")


def _allowed(parameter: dict, lang: str, say) -> str:
    if parameter["kind"] == "number":
        return _range(parameter, lang, say)
    options = "; ".join(html(o["label"][lang]) for o in parameter["options"])
    return f'{say("clauses.allowed_" + parameter["kind"])}: {options}'


def _range(parameter: dict, lang: str, say) -> str:
    return say("clauses.range", min=sek(parameter["min"], lang), max=sek(parameter["max"], lang))


def paragraph_html(parts: list) -> str:
    """A paragraph's parts as HTML: text escaped, unfilled parameters as <mark>[placeholder]</mark>."""
    return "".join(f"<mark>[{html(part.placeholder)}]</mark>" if isinstance(part, Marker) else html(part) for part in parts)


def _host(url: str) -> str:
    return url.split("/")[2].removeprefix("www.")

