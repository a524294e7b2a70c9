"""Check one parsed case against the schema and the rules a schema cannot express."""

from __future__ import annotations

import datetime as dt
import math
import re

import fastjsonschema
from jsonschema import Draft202012Validator

from .problems import Problem
from .schema import BILINGUAL, PARTIAL_DATE, PATTERN_MEANINGS
from .taxonomy import COMMA_HINT
from .yaml_source import Source, dotted

LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}

# Text that must never reach a page: markup, template syntax, script links and personal data.
# Each rule has a cheap trigger (a character it cannot match without), so long texts are scanned
# by the full pattern only when they could match.
_DIGITS = re.compile(r"\d\d[\s-]?\d\d").search
_ANY_TRIGGER = re.compile(r"[<{:\]@]|\d\d[\s-]?\d\d").search
TEXT_RULES = (
    ("<", re.compile(r"<https?:"), "write links as [text](https://…), not <https://…>"),
    ("<", re.compile(r"<\s*/?\s*(?!https?:)[A-Za-z!?]"), "raw HTML is not allowed in text; write Markdown instead"),
    ("{", re.compile(r"\{\{|\{%|\{#"), "template markers ({{, {% or {#) are not allowed in text"),
    # Markdown's attr_list reads {…} after a paragraph, link or emphasis as HTML attributes (onclick=…).
    ("{", re.compile(r"(?<!\{)\{(?![{%#])[^}\n]*\}"), "curly braces {…} are not allowed in text; Markdown reads them as HTML attributes"),
    # An image in text would load from another host on every visit; the site sends no request off its own host.
    ("!", re.compile(r"!\["), "images are not allowed in text; link to the page that shows the image instead"),
    (":", re.compile(r"(?i)\b(javascript|vbscript)\s*:|\bdata:[a-z]+/"), "script or data links are not allowed; link only to https:// addresses"),
    ("]", re.compile(r"\]\(\s*+(?!https?://)[^)]*\)|^\s*\[[^\]]+\]:\s*+(?!https?://)", re.M),
     "Markdown links must point to a full web address starting with https:// (or http://)"),
    # YYMMDD-NNNN with a real month and day (or a co-ordination number's day + 60); organisation numbers have month >= 20.
    (_DIGITS, re.compile(r"\b(19|20)?\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]\d{4}\b"),
     "looks like a Swedish personal identity number; personal data must not be published"),
    ("@", re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "looks like an e-mail address; name organisations, not private persons"),
    (_DIGITS, re.compile(r"(?<![\d-])(?:\+46[\s-]?|0)(?!\d-\d{2}-\d{4})\d{1,3}[\s-]\d{2,3}(?:[\s-]?\d{2,3}){1,2}(?![\d-])"),
     "looks like a phone number; personal data must not be published"),
)


class CaseValidator:
    """The case schema, compiled twice: a fast check that answers "valid?" for the usual, valid
    case, and jsonschema's full list of errors, asked only when a case is not valid."""

    def __init__(self, schema: dict):
        self.schema = schema
        self._is_valid = fastjsonschema.compile({k: v for k, v in schema.items() if k != "$schema"})
        self._all_errors = Draft202012Validator(schema).iter_errors

    def errors(self, data) -> list:
        try:
            self._is_valid(data)
            return []
        except fastjsonschema.JsonSchemaException:
            return list(self._all_errors(data))


def validate_case(source: Source, validator: CaseValidator, stems: dict, stem: str, today: dt.date) -> list[Problem]:
    """Every problem in one case file, each with its line where YAML gives it.

    `stems` maps every case file name (without .yml) to its path, to name the owner of a taken id.
    """
    problems = [_schema_problem(error, source) for error in validator.errors(source.data)]
    problems += _decimal_problems(source, validator.schema, source.data, ())
    if not problems:  # these rules rely on the shape being right
        problems = _id_problems(source, stems, stem) + _rule_problems(source, today)
    else:  # still report the dates, so one run shows every problem an author can fix
        problems += _all_date_problems(source, today)
    return problems + _text_problems(source)


def _id_problems(source: Source, stems: dict, stem: str) -> list[Problem]:
    case_id = source.data["id"]
    if case_id == "index":  # exempel/index.md is the catalogue; a case page there would replace it
        return [_at(source, ("id",), "'index' is the address of the catalogue page; choose another id and file name")]
    if case_id == stem:
        return []
    taken = f"; {case_id!r} is already the id of {stems[case_id]}" if case_id in stems else ""
    return [_at(source, ("id",), f"{case_id!r} must equal the file name {stem!r}{taken}")]


def _schema_problem(error, source: Source) -> Problem:
    path = tuple(error.absolute_path)
    kind, expected, found = error.validator, error.validator_value, error.instance
    if kind == "required":
        name = re.match(r"'(.+?)' is a required property", error.message).group(1)
        field_path = path + (name,)
        if error.schema.get("$comment") == BILINGUAL:
            return _at(source, field_path, f"{LANGUAGE_NAMES[name]} text is missing")
        return Problem(source.path, source.line_of(path) if path else None, dotted(field_path), "required field is missing")
    if kind == "additionalProperties":
        extra = sorted(set(found) - set(error.schema.get("properties", {})), key=str)
        allowed = ", ".join(error.schema.get("properties", {}))
        hint = f"; {COMMA_HINT}" if error.schema.get("$comment") == BILINGUAL else ""
        return _at(source, path + (extra[0],), f"unknown field; allowed here: {allowed}{hint}")
    if kind == "enum":
        return _at(source, path, f"{found!r} is not one of {', '.join(map(str, expected))}")
    if kind == "type":
        return _at(source, path, _type_message(error.schema, expected, found))
    if kind in ("minLength", "pattern") and isinstance(found, str) and not found.strip():
        return _at(source, path, "text is empty")
    if kind == "pattern":
        return _at(source, path, f"{found!r} {PATTERN_MEANINGS.get(expected, 'has the wrong form')}")
    if kind == "maxLength":
        return _at(source, path, f"text is {len(found)} characters; at most {expected} are allowed")
    if kind == "minItems":
        return _at(source, path, f"needs at least {expected} value{'s' if expected > 1 else ''}")
    if kind == "uniqueItems":
        return _at(source, path, "lists the same value twice")
    if kind in ("minimum", "maximum"):
        return _at(source, path, f"{found} is {'below' if kind == 'minimum' else 'above'} the allowed {kind} {expected}")
    return _at(source, path, error.message)


def _decimal_problems(source: Source, schema: dict, value, path: tuple) -> list[Problem]:
    """JSON Schema counts 2020.0 as an integer; for a year or an amount it is a slip, so say so.
    It also lets YAML's .nan and .inf pass as numbers (NaN is not below any minimum)."""
    if isinstance(value, float) and not math.isfinite(value):
        return [_at(source, path, f"expected a number, found {'.nan' if value != value else '.inf'} (not a figure)")]
    if schema.get("type") == "integer" and isinstance(value, float):
        return [_at(source, path, f"expected a whole number, found a number {value!r}")]
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return [p for key, item in value.items() if key in properties
                for p in _decimal_problems(source, properties[key], item, path + (key,))]
    if isinstance(value, list) and "items" in schema:
        return [p for index, item in enumerate(value) for p in _decimal_problems(source, schema["items"], item, path + (index,))]
    return []


def _type_message(schema: dict, expected, found) -> str:
    if schema.get("$comment") == BILINGUAL:
        return f"expected Swedish and English texts (sv: …, en: …), found {_describe(found)}"
    names = {"string": "a text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
             "array": "a list", "object": "a mapping of fields"}
    hint = " (put it in quotes)" if expected == "string" and isinstance(found, (bool, int, float)) else ""
    return f"expected {names.get(expected, expected)}, found {_describe(found)}{hint}"


def _describe(value) -> str:
    if value is None:
        return "nothing"
    kind = {bool: "true/false", int: "a number", float: "a number", str: "a text", list: "a list", dict: "a mapping"}.get(type(value), "a value YAML calls " + type(value).__name__)
    return f"{kind} {value!r}" if isinstance(value, (bool, int, float, str)) else kind


def _at(source: Source, path: tuple, message: str) -> Problem:
    return Problem(source.path, source.line_of(path), dotted(path), message)


def _all_date_problems(source: Source, today: dt.date) -> list[Problem]:
    """Dates that are well formed but impossible or in the future, wherever they stand."""
    case, problems = source.data, []
    dated = [(("last_reviewed",), case.get("last_reviewed")), (("published",), case.get("published"))]
    for field in ("sources", "changes"):
        entries = case.get(field) if isinstance(case.get(field), list) else []
        dated += [((field, i, "date"), entry.get("date")) for i, entry in enumerate(entries) if isinstance(entry, dict)]
    for path, text in dated:
        if isinstance(text, str) and re.fullmatch(PARTIAL_DATE, text):
            problems += _date_problems(source, path, text, today)
    return problems


def _rule_problems(source: Source, today: dt.date) -> list[Problem]:
    case = source.data
    problems = _all_date_problems(source, today)
    years = case["years"]
    if years["start"] > today.year:
        problems.append(_at(source, ("years", "start"), f"{years['start']} is in the future; a case must have started"))
    if years.get("end", years["start"]) < years["start"]:
        problems.append(_at(source, ("years", "end"), f"{years['end']} is before the start year {years['start']}"))
    region = case["organisation"].get("region")
    if region and case["organisation"]["country"] != "sweden":
        problems.append(_at(source, ("organisation", "region"), "a Swedish county only fits organisations in Sweden"))
    return problems + _source_reference_problems(source) + _change_problems(source)


def _change_problems(source: Source) -> list[Problem]:
    """A change is dated on or after the case's publication, one entry per day (the day names the
    entry in the feed of what's new). Dates compare as text: both are YYYY-MM-DD."""
    problems, seen, published = [], set(), source.data.get("published")
    for index, change in enumerate(source.data.get("changes", [])):
        path = ("changes", index, "date")
        if published and change["date"] < published:
            problems.append(_at(source, path, f"{change['date']!r} is before the case was published ({published}); a change comes after"))
        if change["date"] in seen:
            problems.append(_at(source, path, f"{change['date']!r} is listed twice; write one entry per day"))
        seen.add(change["date"])
    return problems


def _source_reference_problems(source: Source) -> list[Problem]:
    problems, ids, urls = [], set(), set()
    for index, entry in enumerate(source.data.get("sources", [])):
        for key, seen in (("id", ids), ("url", urls)):
            if entry[key] in seen:
                problems.append(_at(source, ("sources", index, key), f"{entry[key]!r} is listed twice"))
            seen.add(entry[key])
    for index, outcome in enumerate(source.data.get("outcomes", [])):
        if outcome["source"] not in ids:
            known = ", ".join(sorted(ids)) or "none listed"
            problems.append(_at(source, ("outcomes", index, "source"), f"{outcome['source']!r} is not the id of a source under sources (known: {known})"))
    return problems


def _date_problems(source: Source, path: tuple, text: str, today: dt.date) -> list[Problem]:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        date = dt.date(*parts[:3])
    except ValueError:
        return [_at(source, path, f"{text!r} is not a real date")]
    if date > today:
        return [_at(source, path, f"{text!r} is in the future")]
    return []


def _text_problems(source: Source) -> list[Problem]:
    """Every text field checked against the text rules (most texts trip no trigger at all)."""
    return [_at(source, path, message) for path, text in _texts(source.data, ()) if _ANY_TRIGGER(text)
            for trigger, pattern, message in TEXT_RULES
            if (trigger in text if isinstance(trigger, str) else trigger(text)) and pattern.search(text)]


def _texts(value, path: tuple):
    """(path, text) for every string in the data, web addresses excepted."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))
    elif isinstance(value, str) and not (path and path[-1] == "url"):
        yield path, value
