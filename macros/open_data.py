"""Open data: the published cases, the taxonomy and the case schema as files anyone may reuse (CC BY 4.0).

The formats, as docs/oppna-data.md documents them for readers:
- data/cases.json: one bilingual file. Each case exactly as in its YAML file (same field names and
  values, texts as {sv, en}), fields in the schema's order, plus `url` {sv, en}: its page on the
  site. A small header names the licence, the schema and the taxonomy.
- data/cases.<lang>.csv: one row per case, flat columns in COLUMNS' order, texts in that language.
  Taxonomy values appear twice: ids (the same in both files and in taxonomy.json, for joining and
  filtering) and labels in the file's language (for reading). Several values in one cell are joined
  with "|". RFC 4180 quoting and CRLF line ends (the csv module); UTF-8 with a byte order mark, so
  Excel shows å, ä and ö. Numbers are written without thousands separators.
- data/taxonomy.json: every category and term with its labels and descriptions (measures also `summable`).
- data/case.schema.json: byte for byte cases/_schema.json.
Made-up teaching examples (illustrative: true) are left out, like drafts: their figures are invented,
and a reuser who counts jobs across the data would count them as real. Nothing depends on the date
or on git, so the same content always gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import json

from .content import Content
from .schema import case_schema, schema_json
from .taxonomy import LANGUAGES
from .urls import case_doc, page_url

OPEN_DATA_DOC = "oppna-data.md"
CASES_JSON = "data/cases.json"
TAXONOMY_JSON = "data/taxonomy.json"
SCHEMA_JSON = "data/case.schema.json"
LICENCE = {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/",
           "legal_code": "https://creativecommons.org/licenses/by/4.0/legalcode"}
SEPARATOR = "|"  # between several values in one CSV cell

# CSV columns drawing on the taxonomy: column -> (category, the case's ids). Each is followed by <column>_label.
TERM_COLUMNS = {
    "organisation_type": ("organisation_types", lambda case: [case["organisation"]["type"]]),
    "country": ("countries", lambda case: [case["organisation"]["country"]]),
    "region": ("counties", lambda case: [case["organisation"]["region"]] if "region" in case["organisation"] else []),
    **{field: (field, lambda case, field=field: case[field]) for field in (
        "sectors", "contract_types", "requirement_types", "target_groups", "work_packages", "roles", "phases")},
}
SINGLE_VALUE_COLUMNS = ("organisation_type", "country", "region")  # at most one id; the rest may hold several
COLUMNS = (
    "id", "title", "organisation",
    "organisation_type", "organisation_type_label", "country", "country_label", "region", "region_label",
    "year_start", "year_end",
    "sectors", "sectors_label", "contract_types", "contract_types_label",
    "requirement_types", "requirement_types_label", "target_groups", "target_groups_label",
    "work_packages", "work_packages_label", "roles", "roles_label", "phases", "phases_label",
    "contract_value_sek", "contract_duration_months", "summary", "outcome_count", "source_urls", "last_reviewed", "url",
)
HEADER_KEYS = ("title", "description", "licence", "attribution", "documentation", "case_schema", "taxonomy", "case_count", "cases")


def csv_path(lang: str) -> str:
    return f"data/cases.{lang}.csv"


def exported_cases(content: Content) -> list[dict]:
    """The cases in the files: published and not made up, in id order."""
    return [case for case in content.published if not case.get("illustrative")]


def open_data_files(content: Content, site_url: str) -> dict[str, bytes]:
    """Every open-data file, site-root-relative path -> bytes, with links under `site_url` (absolute, ending in /)."""
    files = {CASES_JSON: _json_bytes(cases_document(content, site_url)),
             TAXONOMY_JSON: _json_bytes(taxonomy_document(content, site_url)),
             SCHEMA_JSON: schema_json(content.taxonomy).encode("utf-8")}
    files.update({csv_path(lang): cases_csv(content, lang, site_url) for lang in LANGUAGES})
    return files


def cases_document(content: Content, site_url: str) -> dict:
    schema = case_schema(content.taxonomy)
    cases = [{**in_schema_order(case, schema), "url": case_urls(case, site_url)} for case in exported_cases(content)]
    document = {**_header(content, site_url, "opendata.title"),
                "description": _both(content, "opendata.description"),
                "case_schema": site_url + SCHEMA_JSON, "taxonomy": site_url + TAXONOMY_JSON,
                "case_count": len(cases), "cases": cases}
    return {key: document[key] for key in HEADER_KEYS}


def taxonomy_document(content: Content, site_url: str) -> dict:
    categories = {name: {term.id: _term_entry(name, term) for term in terms.values()}
                  for name, terms in content.taxonomy.categories.items()}
    return {**_header(content, site_url, "opendata.taxonomy_title"), "categories": categories}


def _term_entry(category: str, term) -> dict:
    entry = {"label": _per_language(term.label), "description": _per_language(term.description)}
    if category == "measures":  # whether a measure's figures may be added up (false for a percentage)
        entry["summable"] = term.summable
    return entry


def _header(content: Content, site_url: str, title_key: str) -> dict:
    return {"title": _both(content, title_key),
            "licence": {"id": LICENCE["id"], "name": _both(content, "opendata.licence_name"),
                        "url": LICENCE["url"], "legal_code": LICENCE["legal_code"]},
            "attribution": _both(content, "opendata.attribution"),
            "documentation": {lang: site_url + page_url(OPEN_DATA_DOC, lang) for lang in LANGUAGES}}


def in_schema_order(value, schema: dict):
    """The value with every object's keys in the order the schema lists them (a stable order for any author's file)."""
    if isinstance(value, dict):
        order = list(schema.get("properties", {}))
        keys = sorted(value, key=lambda key: order.index(key) if key in order else len(order))
        return {key: in_schema_order(value[key], schema.get("properties", {}).get(key, {})) for key in keys}
    if isinstance(value, list):
        return [in_schema_order(item, schema.get("items", {})) for item in value]
    return value


def case_urls(case: dict, site_url: str) -> dict:
    return {lang: site_url + page_url(case_doc(case["id"]), lang) for lang in LANGUAGES}


def cases_csv(content: Content, lang: str, site_url: str) -> bytes:
    """One language's table of the cases: a header row of COLUMNS, then one row per case."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180: quotes only where needed, CRLF
    writer.writerow(COLUMNS)
    for case in exported_cases(content):
        row = csv_row(case, lang, content, site_url)
        writer.writerow([row[column] for column in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def csv_row(case: dict, lang: str, content: Content, site_url: str) -> dict[str, str]:
    contract = case.get("contract", {})
    row = {"id": case["id"], "title": case["title"][lang], "organisation": case["organisation"]["name"][lang],
           "year_start": str(case["years"]["start"]), "year_end": str(case["years"].get("end", "")),
           "contract_value_sek": str(contract.get("value_sek", "")),
           "contract_duration_months": str(contract.get("duration_months", "")),
           "summary": case["summary"][lang], "outcome_count": str(len(case.get("outcomes", []))),
           # A '|' inside an address is written %7C (the same address), so the separator stays unambiguous.
           "source_urls": SEPARATOR.join(source["url"].replace("|", "%7C") for source in case.get("sources", [])),
           "last_reviewed": case["last_reviewed"], "url": case_urls(case, site_url)[lang]}
    for column, (category, ids_of) in TERM_COLUMNS.items():
        ids = ids_of(case)
        row[column] = SEPARATOR.join(ids)
        row[f"{column}_label"] = SEPARATOR.join(content.taxonomy.label(category, term, lang) for term in ids)
    return row


def _both(content: Content, key: str) -> dict:
    return {lang: content.labels(lang, key) for lang in LANGUAGES}


def _per_language(texts: dict) -> dict:
    return {lang: texts[lang] for lang in LANGUAGES}


def _json_bytes(document: dict) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
