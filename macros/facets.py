"""The catalogue's facets: which case fields a reader can filter on, under which URL key.

The keys and values (taxonomy ids) are the same in both languages, so a filtered link survives a
change of language. The same definitions feed the catalogue page, its data and the search filters.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from .markup import html

if TYPE_CHECKING:  # content.py reads FACETS to check the e-tools' case filters
    from .content import Content


@dataclass(frozen=True)
class Facet:
    key: str                            # URL query key
    label: str                          # label-table key of its heading
    categories: tuple[str, ...]         # taxonomy categories its values come from
    values: Callable[[dict], list[str]]  # the case's values
    all_options: bool = True            # list every taxonomy value, or only those in use


def _place(case: dict) -> list[str]:
    organisation = case["organisation"]
    return [organisation.get("region") or organisation["country"]]


FACETS = (
    Facet("wp", "case.work_packages", ("work_packages",), lambda case: case["work_packages"]),
    Facet("sector", "case.sectors", ("sectors",), lambda case: case["sectors"]),
    Facet("contract", "case.contract_types", ("contract_types",), lambda case: case["contract_types"]),
    Facet("requirement", "case.requirement_types", ("requirement_types",), lambda case: case["requirement_types"]),
    Facet("group", "case.target_groups", ("target_groups",), lambda case: case["target_groups"]),
    Facet("org", "case.organisation_type", ("organisation_types",), lambda case: [case["organisation"]["type"]]),
    Facet("place", "case.place", ("counties", "countries"), _place, all_options=False),
)


def filterable_values(taxonomy) -> dict[str, list[str]]:
    """Facet key -> the taxonomy ids a link into the catalogue may filter on (places depend on the cases)."""
    return {facet.key: taxonomy.ids(facet.categories[0]) for facet in FACETS if facet.all_options}


def options(facet: Facet, content: Content, lang: str) -> list[tuple[str, str]]:
    """(id, label) of a facet's options: the taxonomy's order, or by label for places in use."""
    if facet.all_options:
        category = facet.categories[0]
        return [(term_id, content.taxonomy.label(category, term_id, lang)) for term_id in content.taxonomy.ids(category)]
    used = {value for case in content.published for value in facet.values(case)}
    return sorted(((value, _label(facet, value, content, lang)) for value in used), key=lambda option: option[1])


def _label(facet: Facet, term_id: str, content: Content, lang: str) -> str:
    category = next(c for c in facet.categories if term_id in content.taxonomy.categories[c])
    return content.taxonomy.label(category, term_id, lang)


def newest_first(cases: list[dict]) -> list[dict]:
    """The catalogue's default order: latest year first, then by id for a stable order."""
    return sorted(cases, key=lambda case: (-case["years"].get("end", case["years"]["start"]), -case["years"]["start"], case["id"]))


def facet_record(case: dict) -> dict:
    """What the catalogue's script knows of one case: its facet values, years and whether it has outcomes."""
    record = {"id": case["id"]}
    record.update({facet.key: facet.values(case) for facet in FACETS})
    record.update({"from": case["years"]["start"], "to": case["years"].get("end", case["years"]["start"]),
                   "outcomes": bool(case.get("outcomes"))})
    return record


def search_filters(case: dict, lang: str, content: Content) -> str:
    """Pagefind filters for a case page: the catalogue's facets, named and valued in the page's language,
    so search and catalogue agree on what a case is and how it is classified."""
    pairs = [(content.labels(lang, "search.page_type"), content.labels(lang, "search.case"))]
    pairs += [(content.labels(lang, facet.label), _label(facet, value, content, lang)) for facet in FACETS for value in facet.values(case)]
    spans = "".join(f'<span data-pagefind-filter="{html(name)}:{html(value)}"></span>' for name, value in pairs)
    return f"<div hidden>{spans}</div>\n"
