"""The case shape: one JSON Schema, built from the taxonomy, used by validation and published for editors."""

from __future__ import annotations

import json

from .taxonomy import Taxonomy

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
URL = r"^https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/[^\s]*)?$"
DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
BILINGUAL = "bilingual"  # marks {sv, en} objects so errors can speak of languages

# What a pattern means, in the words an author needs when a value does not match it.
PATTERN_MEANINGS = {
    SLUG: "must be lower-case letters a-z, digits and single hyphens, e.g. 'helsingborg-stadning'",
    URL: "must be a full web address starting with https:// (or http://)",
    DATE: "must be a date written YYYY-MM-DD, e.g. 2024-05-31",
    PARTIAL_DATE: "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
}


def _doc(sv: str, en: str) -> dict:
    return {"description": f"{en} / {sv}"}


def _text(max_length: int, sv: str, en: str) -> dict:
    line = {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": r"\S"}
    return {"type": "object", "$comment": BILINGUAL, "required": ["sv", "en"], "additionalProperties": False,
            "properties": {"sv": line, "en": line}, **_doc(sv, en)}


def _term(taxonomy: Taxonomy, category: str, sv: str, en: str) -> dict:
    return {"type": "string", "enum": taxonomy.ids(category), **_doc(sv, en)}


def _terms(taxonomy: Taxonomy, category: str, sv: str, en: str, at_least: int = 1) -> dict:
    return {"type": "array", "minItems": at_least, "uniqueItems": True,
            "items": {"type": "string", "enum": taxonomy.ids(category)}, **_doc(sv, en)}


def _object(required: list[str], properties: dict, sv: str, en: str) -> dict:
    return {"type": "object", "required": required, "additionalProperties": False, "properties": properties, **_doc(sv, en)}


def case_schema(taxonomy: Taxonomy) -> dict:
    """The JSON Schema every file in cases/ must match."""
    t = taxonomy
    year = {"type": "integer", "minimum": 1990, "maximum": 2100}
    story = {part: _text(6000, sv, en) for part, sv, en in (
        ("background", "Bakgrund: organisationen och varför den ställde krav.", "Background: the organisation and why it set requirements."),
        ("requirement", "Kravet: vad som krävdes och i vilka kontrakt.", "The requirement: what was required and in which contracts."),
        ("implementation", "Genomförande: hur kravet infördes och följdes upp.", "Implementation: how the requirement was put into practice and followed up."),
        ("results", "Resultat: vad källorna redovisar.", "Results: what the sources report."),
        ("lessons", "Lärdomar: vad andra kan ta med sig.", "Lessons: what others can take from it."),
    )}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Case study / Exempel",
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "status", "title", "summary", "organisation", "years", "sectors", "contract_types",
                     "requirement_types", "target_groups", "work_packages", "roles", "phases", "story", "last_reviewed"],
        "properties": {
            "id": {"type": "string", "pattern": SLUG, "maxLength": 60, **_doc("Permanent id = filnamnet utan .yml = adressen.", "Permanent id = file name without .yml = URL slug.")},
            "status": {"type": "string", "enum": ["published", "draft"], **_doc("published visas på webbplatsen, draft gör det inte.", "published appears on the site, draft does not.")},
            "illustrative": {"type": "boolean", **_doc("true endast för ett påhittat undervisningsexempel.", "true only for a made-up teaching example.")},
            "title": _text(120, "Rubrik.", "Title."),
            "summary": _text(400, "Sammanfattning i en eller två meningar.", "Summary in one or two sentences."),
            "organisation": _object(["name", "type", "country"], {
                "name": _text(120, "Organisationens namn.", "The organisation's name."),
                "type": _term(t, "organisation_types", "Typ av organisation.", "Type of organisation."),
                "country": _term(t, "countries", "Land.", "Country."),
                "region": _term(t, "counties", "Län (för svenska exempel).", "County (for Swedish cases)."),
            }, "Den upphandlande organisationen.", "The contracting organisation."),
            "years": _object(["start"], {"start": year, "end": year}, "Första och (om det finns) sista året.", "First and (if any) last year."),
            "sectors": _terms(t, "sectors", "Områden.", "Sectors."),
            "contract_types": _terms(t, "contract_types", "Kontraktstyper.", "Contract types."),
            "requirement_types": _terms(t, "requirement_types", "Typer av krav.", "Requirement types."),
            "target_groups": _terms(t, "target_groups", "Målgrupper.", "Target groups."),
            "work_packages": _terms(t, "work_packages", "Arbetspaket (minst ett).", "Work packages (at least one)."),
            "roles": _terms(t, "roles", "Roller som exemplet belyser.", "Roles the case illustrates."),
            "phases": _terms(t, "phases", "Faser som exemplet belyser.", "Phases the case illustrates."),
            "contract": _object([], {
                "value_sek": {"type": "integer", "minimum": 1, **_doc("Kontraktsvärde i kronor.", "Contract value in SEK.")},
                "duration_months": {"type": "integer", "minimum": 1, "maximum": 600, **_doc("Avtalstid i månader.", "Duration in months.")},
            }, "Kontraktets värde och längd, om källan anger dem.", "Contract value and length, where a source gives them."),
            "outcomes": {"type": "array", **_doc("Redovisade resultat, var och en med sin källa.", "Reported outcomes, each with its source."),
                         "items": _object(["measure", "value", "year", "source"], {
                             "measure": _term(t, "measures", "Vad siffran räknar.", "What the figure counts."),
                             "value": {"type": "number", "minimum": 0, **_doc("Siffran som källan anger.", "The figure as the source gives it.")},
                             "approximate": {"type": "boolean", **_doc("true om källan skriver ungefär/cirka.", "true if the source says about/nearly.")},
                             "year": year,
                             "period": _text(120, "Period som siffran gäller.", "Period the figure covers."),
                             "note": _text(400, "Förbehåll, t.ex. att källor skiljer sig åt.", "Caveats, e.g. where sources disagree."),
                             "source": {"type": "string", "pattern": SLUG, **_doc("id för en källa under sources.", "id of an entry under sources.")},
                         }, "Ett resultat.", "One outcome.")},
            "story": _object(["background", "requirement", "results"], story, "Berättelsen i Markdown.", "The story in Markdown."),
            "sources": {"type": "array", **_doc("Källor (minst en om exemplet inte är påhittat).", "Sources (at least one unless illustrative)."),
                        "items": _object(["id", "title", "url", "publisher"], {
                            "id": {"type": "string", "pattern": SLUG, "maxLength": 40, **_doc("Kort id som resultaten hänvisar till.", "Short id the outcomes refer to.")},
                            "title": {"type": "string", "minLength": 1, "maxLength": 250, **_doc("Källans rubrik.", "The source's title.")},
                            "url": {"type": "string", "pattern": URL, "maxLength": 500, **_doc("Webbadress (https://…).", "Web address (https://…).")},
                            "publisher": {"type": "string", "minLength": 1, "maxLength": 120, **_doc("Utgivare.", "Publisher.")},
                            "date": {"type": "string", "pattern": PARTIAL_DATE, **_doc("Publiceringsdatum om det finns.", "Publication date if known.")},
                        }, "En källa.", "One source.")},
            "last_reviewed": {"type": "string", "pattern": DATE, **_doc("Senast granskad (ÅÅÅÅ-MM-DD).", "Last reviewed (YYYY-MM-DD).")},
            "published": {"type": "string", "pattern": DATE, **_doc(
                "Dagen exemplet först publicerades i kunskapsbanken (ÅÅÅÅ-MM-DD); ändras aldrig.",
                "The day the case was first published in this knowledge base (YYYY-MM-DD); never changes.")},
            "changes": {"type": "array", **_doc("Ändringshistorik: en rad per dag exemplet ändrades i sak.", "Change history: one entry per day the case changed in substance."),
                        "items": _object(["date", "text"], {
                            "date": {"type": "string", "pattern": DATE, **_doc("Dagen ändringen publicerades (ÅÅÅÅ-MM-DD).", "The day the change was published (YYYY-MM-DD).")},
                            "text": _text(300, "Vad som ändrades, i en mening.", "What changed, in one sentence."),
                        }, "En ändring.", "One change.")},
            "keywords": _object([], {
                lang: {"type": "array", "items": {"type": "string", "minLength": 1, "maxLength": 60}, **_doc(f"Sökord ({lang}).", f"Search keywords ({lang}).")}
                for lang in ("sv", "en")
            }, "Sökord, t.ex. delar av sammansatta ord.", "Search keywords, e.g. parts of compound words."),
        },
        "if": {"required": ["illustrative"], "properties": {"illustrative": {"const": True}}},
        "else": {"required": ["sources"], "properties": {"sources": {"minItems": 1}}},
    }


def schema_json(taxonomy: Taxonomy) -> str:
    """The schema as the text of cases/_schema.json."""
    return json.dumps(case_schema(taxonomy), ensure_ascii=False, indent=2) + "\n"
