"""The placement estimator's page: the contract form, the data its script reads, and the rules of
thumb documented from the same data.

The script (docs/assets/javascripts/placement.js) computes what placement.py computes, rule kind by
rule kind, from the rules written into the page here; it shows every rule's figure with its
arithmetic, source and limits.
"""

from __future__ import annotations

from .content import Content
from .markup import html, html_labels
from .placement import CONTRACT_TYPES, KINDS
from .tool_markup import data_script, noscript

TEMPLATES = ("name", "limits", "explanation", "rounding", "without_wage_bill", "contract_value_base", "short_contract")
FIELDS = ("value", "months", "wage")


def render_tool(lang: str, content: Content, from_doc: str) -> str:
    """The form (hidden until the script runs), the live status, the result area and the data."""
    placement, say = content.etools["placement"], html_labels(content.labels, lang)
    types = "".join(f'<label><input type="radio" name="type" value="{t}"> {html(_capitalised(placement["contract_types"][t][lang]))}</label>'
                    for t in CONTRACT_TYPES)
    return "\n".join([
        '<div class="kb-tool" data-kb-tool="placement">',
        noscript(lang, content, from_doc),
        f'<p class="kb-tool__notice">{html(placement["notice"][lang])}</p>',
        f'<form class="kb-tool__form" id="kb-tool-form" hidden aria-label="{say("placement.form")}" novalidate>',
        _number_field("value", say),
        f'<fieldset class="kb-question"><legend>{say("placement.type")}</legend>{types}</fieldset>',
        _number_field("months", say),
        _number_field("wage", say),
        f'<p><button type="reset" class="md-button">{say("tools.reset")}</button></p></form>',
        '<p class="kb-tool__status" id="kb-tool-status" role="status" aria-live="polite"></p>',
        f'<section class="kb-tool__result" id="kb-tool-result" aria-label="{say("placement.results")}" hidden></section>',
        data_script(_payload(lang, content)),
        "</div>",
    ])


def _number_field(name: str, say) -> str:
    """A whole-number field; text with inputmode, so '100 000 000' can be typed as it is read."""
    return (f'<p class="kb-field"><label for="kb-{name}">{say(f"placement.{name}")}</label>'
            f'<input type="text" inputmode="numeric" id="kb-{name}" name="{name}" autocomplete="off" aria-describedby="kb-{name}-hint">'
            f'<small id="kb-{name}-hint">{say(f"placement.{name}_hint")}</small></p>')


def _payload(lang: str, content: Content) -> dict:
    placement = content.etools["placement"]
    rules = [{key: (value[lang] if key in TEMPLATES else value) for key, value in rule.items()} for rule in placement["rules"]]
    texts = {key: content.labels(lang, f"placement.{key}") for key in (
        "places", "places_one", "sek", "no_amount", "source", "limits", "updated", "incomplete",
        "error_value", "error_type", "error_months", "error_wage", "error_wage_over_value")}
    return {"lang": lang, "rules": rules, "contract_types": {t: placement["contract_types"][t][lang] for t in CONTRACT_TYPES},
            "fields": list(FIELDS), "texts": texts}


def render_rules(lang: str, content: Content, from_doc: str) -> str:
    """Every rule of thumb with its figures, its source, its rounding and its limits, from the data."""
    placement, say = content.etools["placement"], html_labels(content.labels, lang)
    parts = []
    for rule in placement["rules"]:
        figures = {"places-per-value": lambda r: say("placement.rule_per_value", **{
                       t: r["msek_per_place"][t] for t in CONTRACT_TYPES}),
                   "share-of-wage-bill": lambda r: say("placement.rule_share", percent=r["percent"], min_months=r["min_months"])}
        parts += [f'<h3>{html(rule["name"][lang])}</h3>', f"<p>{figures[rule['kind']](rule)}</p>",
                  f'<p>{html(rule["limits"][lang])}</p>']
        if "rounding" in rule:
            parts.append(f'<p>{html(rule["rounding"][lang])}</p>')
        sources = [rule["source"]] + [rule[key] for key in KINDS[rule["kind"]] if key.endswith("_source")]
        parts.append(f'<p>{say("tools.source")}: ' + ", ".join(f'<a href="{html(url)}">{html(_host(url))}</a>' for url in sources) + "</p>")
    return "\n".join(parts)


def _host(url: str) -> str:
    return url.split("/")[2].removeprefix("www.")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]

