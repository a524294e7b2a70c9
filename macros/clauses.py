"""The clause builder: a teaching-example condition text in Swedish and English from a variant and its details.

The template language is documented at the top of the `clauses:` section of etools.yml. Values
arrive as the raw strings a form or URL gives; one that is empty, out of range or unknown leaves
its parameter unfilled, and the text shows the parameter's placeholder instead. clauses.js does the
same from clause_data(), which the page emits as JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .placement import sek
from .taxonomy import LANGUAGES

KINDS = ("number", "choice", "multi")
OPTION_SOURCES = ("target_groups",)  # taxonomy categories a parameter may take its options from
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
WHOLE_NUMBER = re.compile(r"[0-9]+")  # ASCII digits only, as the page's number field accepts


@dataclass(frozen=True)
class Marker:
    """An unfilled parameter inside a paragraph, shown as [placeholder]."""

    parameter: str
    placeholder: str


@dataclass(frozen=True)
class Clause:
    """The texts per language: paragraphs of text parts and Markers; the follow-up checklist; what was not used."""

    variant: str
    paragraphs: dict  # lang -> list of paragraphs, each a list of str and Marker
    follow_up: dict  # lang -> list of str
    unfilled: tuple  # the variant's parameters without a usable value, in parameter order
    problems: tuple  # why a given value was not used, e.g. "months: '700' is not a whole number from 1 to 600"

    def plain(self, lang: str) -> str:
        """The text to copy: paragraphs separated by a blank line, markers as [placeholder]."""
        return "\n\n".join("".join(part if isinstance(part, str) else f"[{part.placeholder}]" for part in paragraph)
                           for paragraph in self.paragraphs[lang])


def clause_data(tools: dict, taxonomy) -> dict:
    """The clauses section with shared texts and taxonomy options resolved: what build_clause and clauses.js read."""
    clauses = tools["clauses"]
    shared = lambda item: clauses["shared_texts"][item] if isinstance(item, str) else item  # noqa: E731
    variants = [{**variant, "paragraphs": [shared(p) for p in variant["paragraphs"]],
                 "follow_up": [shared(item) for item in variant["follow_up"]]}
                for variant in clauses["variants"]]
    return {"and": clauses["and"], "parameters": [_parameter(p, taxonomy) for p in clauses["parameters"]], "variants": variants}


def _parameter(parameter: dict, taxonomy) -> dict:
    """Options get a form label and a text for inside a sentence; taxonomy labels are lower-cased at the start."""
    resolved = {key: value for key, value in parameter.items() if key not in ("options", "options_from")}
    if parameter.get("options_from"):
        terms = [taxonomy.term(parameter["options_from"], term_id) for term_id in taxonomy.ids(parameter["options_from"])]
        resolved["options"] = [{"id": term.id, "label": term.label, "text": {lang: _in_sentence(term.label[lang]) for lang in LANGUAGES}}
                               for term in terms]
    elif "options" in parameter:
        resolved["options"] = [{"id": option["id"], "label": {lang: _capitalised(option["text"][lang]) for lang in LANGUAGES},
                                "text": option["text"]} for option in parameter["options"]]
    return resolved


def build_clause(variant_id: str, params: dict, tools: dict, taxonomy) -> Clause:
    """The clause for a variant; no or an unknown variant gives the first one. Nothing is raised for bad values."""
    data = clause_data(tools, taxonomy)
    variant = next((v for v in data["variants"] if v["id"] == variant_id), None)
    problems = [f"variant: {variant_id!r} is unknown; the first variant is shown"] if variant_id and not variant else []
    variant = variant or data["variants"][0]
    problems += [f"{pid}: not used by the variant {variant['id']}; ignored" for pid in params if pid not in variant["parameters"]]
    used = [p for p in data["parameters"] if p["id"] in variant["parameters"]]
    values = {}
    for parameter in used:
        values[parameter["id"]], value_problems = read_value(parameter, params.get(parameter["id"]))
        problems += value_problems
    paragraphs = {lang: [_fill(text[lang], used, values, lang, data["and"][lang]) for text in variant["paragraphs"]] for lang in LANGUAGES}
    follow_up = {lang: [item[lang] for item in variant["follow_up"]] for lang in LANGUAGES}
    unfilled = tuple(p["id"] for p in used if values[p["id"]] is None)
    return Clause(variant["id"], paragraphs, follow_up, unfilled, tuple(problems))


def read_value(parameter: dict, raw) -> tuple:
    """(value, problems): an int, an option, a list of options, or None when unfilled. A list gives a
    number or choice its first item, as URLSearchParams.get does."""
    pid, raws = parameter["id"], [raw] if isinstance(raw, str) else list(raw or [])
    if parameter["kind"] == "multi":
        known = {option["id"] for option in parameter["options"]}
        chosen = [option for option in parameter["options"] if option["id"] in raws]
        problems = [f"{pid}: {value!r} is not one of the options; ignored" for value in raws if value and value not in known]
        return chosen or None, problems
    first = raws[0] if raws else ""
    if first == "":
        return None, []
    if parameter["kind"] == "number":
        if WHOLE_NUMBER.fullmatch(first) and parameter["min"] <= int(first) <= parameter["max"]:
            return int(first), []
        return None, [f"{pid}: {first!r} is not a whole number from {parameter['min']} to {parameter['max']}"]
    option = next((o for o in parameter["options"] if o["id"] == first), None)
    return option, [] if option else [f"{pid}: {first!r} is not one of the options"]


def _fill(template: str, used: list[dict], values: dict, lang: str, conjunction: str) -> list:
    """A paragraph as parts: filled values merge into the text around them, unfilled ones become Markers."""
    by_id = {p["id"]: p for p in used}
    parts: list = []
    for index, piece in enumerate(PLACEHOLDER.split(template)):
        if index % 2 == 1 and values[piece] is None:
            parts.append(Marker(piece, by_id[piece]["placeholder"][lang]))
            continue
        text = _written(values[piece], lang, conjunction) if index % 2 == 1 else piece
        if parts and isinstance(parts[-1], str):
            parts[-1] += text
        elif text:
            parts.append(text)
    return parts


def _written(value, lang: str, conjunction: str) -> str:
    if isinstance(value, int):
        return sek(value, lang)
    if isinstance(value, dict):
        return value["text"][lang]
    return join([option["text"][lang] for option in value], conjunction)


def join(items: list[str], conjunction: str) -> str:
    """['a', 'b', 'c'] -> 'a, b och c'; two items -> 'a och b'; one -> 'a'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def _in_sentence(label: str) -> str:
    return label[:1].lower() + label[1:]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
