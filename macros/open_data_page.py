"""The open-data page's generated parts: the list of files, the suggested credit line, and the reference
of every key, field and column, written out from the schema and the export's own definitions.

Links to the files are raw HTML with final URLs: the files are written after the build, so MkDocs
cannot check Markdown links to them (tests/build/test_open_data_site.py checks that they resolve).
"""

from __future__ import annotations

from .content import Content
from .markup import html, html_labels
from .open_data import (CASES_JSON, COLUMNS, HEADER_KEYS, SCHEMA_JSON, SINGLE_VALUE_COLUMNS, TAXONOMY_JSON,
                        TERM_COLUMNS, csv_path, exported_cases)
from .schema import BILINGUAL, case_schema
from .taxonomy import LANGUAGES
from .urls import page_url

ADDED_FIELDS = ("url",)  # fields the export adds to each case (not in the schema)
SCALAR_TYPES = ("integer", "number", "boolean")


def render_downloads(lang: str, content: Content, from_doc: str) -> str:
    """Each file with a link and what it holds, and how many cases they hold now."""
    say = html_labels(content.labels, lang)
    files = [(CASES_JSON, "cases_json"), *((csv_path(code), f"cases_csv_{code}") for code in LANGUAGES),
             (TAXONOMY_JSON, "taxonomy"), (SCHEMA_JSON, "schema")]
    items = "".join(f"<li>{file_link(path, from_doc, lang)} – {say(f'opendata.file.{key}')}</li>" for path, key in files)
    count = len(exported_cases(content))
    total = say("opendata.file_count_one") if count == 1 else say("opendata.file_count", count=count)
    return f'<ul class="kb-downloads">{items}</ul>\n<p>{total}</p>'


def render_attribution(lang: str, content: Content) -> str:
    say = html_labels(content.labels, lang)
    return f"<blockquote><p>{say('opendata.attribution')}</p></blockquote>"


def render_fields(lang: str, content: Content, from_doc: str) -> str:
    """Three tables: the keys of cases.json, every field of a case, and the CSV columns in order."""
    say = html_labels(content.labels, lang)
    keys = [[f"<code>{key}</code>", say(f"opendata.key.{key}")] for key in HEADER_KEYS]
    fields = [_field_row(path, spec, required, lang, content, from_doc) for path, spec, required in schema_fields(case_schema(content.taxonomy))]
    fields += [[f"<code>{name}</code>", say("opendata.type.bilingual"), say("opendata.yes"), say(f"opendata.field.{name}"), ""]
               for name in ADDED_FIELDS]
    columns = [[f"<code>{column}</code>", _column_description(column, lang, content, from_doc)] for column in COLUMNS]
    return "\n\n".join([
        f"### {say('opendata.keys_heading')}", _table([say("opendata.th_key"), say("opendata.th_description")], keys),
        f"### {say('opendata.fields_heading')}",
        _table([say(f"opendata.th_{name}") for name in ("field", "type", "required", "description", "values")], fields),
        f"### {say('opendata.columns_heading')}", _table([say("opendata.th_column"), say("opendata.th_description")], columns),
    ])


def schema_fields(schema: dict, prefix: str = "") -> list[tuple[str, dict, bool]]:
    """(dotted path, spec, required) for every field, parents before children; a list's items are `name[].field`.
    Texts in both languages ({sv, en}) are one field."""
    found = []
    for name, spec in schema.get("properties", {}).items():
        found.append((prefix + name, spec, name in schema.get("required", [])))
        inner = spec.get("items", {}) if spec.get("type") == "array" else spec
        if spec.get("$comment") != BILINGUAL and "properties" in inner:
            found += schema_fields(inner, f"{prefix}{name}{'[]' if inner is not spec else ''}.")
    return found


def field_description(path: str, spec: dict, lang: str, content: Content) -> str:
    """The schema's description in one language (it holds 'English / Svenska'), or the label when it has none."""
    if "description" not in spec:
        return content.labels(lang, f"opendata.field.{path.replace('[]', '')}")
    english, separator, swedish = spec["description"].partition(" / ")
    if not separator or " / " in swedish:
        raise ValueError(f"{path}: description must read 'English / Svenska': {spec['description']!r}")
    return {"en": english, "sv": swedish}[lang]


def _field_row(path: str, spec: dict, required: bool, lang: str, content: Content, from_doc: str) -> list[str]:
    say = html_labels(content.labels, lang)
    return [f"<code>{html(path)}</code>", say(_type_key(spec)), say("opendata.yes" if required else "opendata.no"),
            html(field_description(path, spec, lang, content)), _allowed_values(spec, lang, content, from_doc)]


def _type_key(spec: dict) -> str:
    if spec.get("$comment") == BILINGUAL:
        return "opendata.type.bilingual"
    if spec.get("type") == "array":
        return "opendata.type.object_list" if spec.get("items", {}).get("type") == "object" else "opendata.type.text_list"
    return f"opendata.type.{spec['type']}" if spec.get("type") in (*SCALAR_TYPES, "object") else "opendata.type.text"


def _allowed_values(spec: dict, lang: str, content: Content, from_doc: str) -> str:
    """A link to the taxonomy category the values come from, or the values themselves."""
    values = spec.get("enum") or spec.get("items", {}).get("enum")
    if not values:
        return ""
    category = next((name for name in content.taxonomy.categories if content.taxonomy.ids(name) == values), None)
    if category is None:
        listed = ", ".join(f"<code>{html(value)}</code>" for value in values)
        return html(content.labels(lang, "opendata.values_one_of")).format(values=listed)
    return _category_reference("opendata.values_category", category, lang, content, from_doc)


def _column_description(column: str, lang: str, content: Content, from_doc: str) -> str:
    if column in TERM_COLUMNS:
        key = "opendata.column.term" if column in SINGLE_VALUE_COLUMNS else "opendata.column.terms"
        return _category_reference(key, TERM_COLUMNS[column][0], lang, content, from_doc)
    if column.endswith("_label") and column.removesuffix("_label") in TERM_COLUMNS:
        return html(content.labels(lang, "opendata.column.labels")).format(column=f"<code>{column.removesuffix('_label')}</code>")
    return html_labels(content.labels, lang)(f"opendata.column.{column}")


def _category_reference(key: str, category: str, lang: str, content: Content, from_doc: str) -> str:
    return html(content.labels(lang, key)).format(category=f"<code>{category}</code>", file=file_link(TAXONOMY_JSON, from_doc, lang))


def file_link(path: str, from_doc: str, lang: str) -> str:
    """A link to an open-data file from a page: relative, so it works under any site address."""
    to_site_root = "../" * page_url(from_doc, lang).count("/")
    return f'<a href="{to_site_root}{path}"><code>{path.rsplit("/", 1)[-1]}</code></a>'


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{header}</th>' for header in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table class="kb-open-data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

