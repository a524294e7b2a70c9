"""Key figures: the cases' sourced outcome figures added up per measure, overall and per breakdown.

The rules, which the key-figures page states in words:
- Only published cases that are not illustrative count; a made-up figure is never added to a real one.
- A measure marked `summable: false` in the taxonomy (a percentage) is never added up.
- Two or more figures of one case for the same measure and the same year mean that its sources
  disagree: none of them is added up, all are listed as not summed.
- A case in several work packages, sectors or requirement types counts in each, so the rows of a
  breakdown may add up to more than the total. The year of a figure is its own `year`; the year of
  a case (for the number of cases) is the year it began, so those rows add up to the total.
- A total is "about" when any figure in it is approximate.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .content import Content
from .facets import FACETS

BREAKDOWN_FACETS = ("wp", "sector", "requirement", "org")  # the catalogue's facets the figures are broken down by
YEAR = "year"
NOT_SUMMABLE, SOURCES_DISAGREE = "not-summable", "sources-disagree"  # why a figure is not added up


class Figure(NamedTuple):
    """One outcome figure of one case."""

    case: dict
    outcome: dict


@dataclass(frozen=True)
class Total:
    """A sum of figures, with the figures it sums (in case order)."""

    figures: tuple[Figure, ...]

    @property
    def value(self) -> float:
        return sum(figure.outcome["value"] for figure in self.figures)

    @property
    def approximate(self) -> bool:
        return any(figure.outcome.get("approximate") for figure in self.figures)

    @property
    def cases(self) -> list[dict]:
        """The cases whose figures the total sums, each once, in order."""
        return list({figure.case["id"]: figure.case for figure in self.figures}.values())


@dataclass(frozen=True)
class Breakdown:
    """One way of splitting the figures: its key, label key, taxonomy category (None: years) and values."""

    key: str
    label: str
    category: str | None
    of_figure: Callable[[Figure], list]
    of_case: Callable[[dict], list]


def _facet_breakdown(key: str) -> Breakdown:
    facet = next(facet for facet in FACETS if facet.key == key)
    return Breakdown(key, facet.label, facet.categories[0], lambda figure: facet.values(figure.case), facet.values)


BREAKDOWNS = (
    *(_facet_breakdown(key) for key in BREAKDOWN_FACETS),
    Breakdown(YEAR, "keyfigures.year_of_figure", None, lambda figure: [figure.outcome["year"]], lambda case: [case["years"]["start"]]),
)


@dataclass(frozen=True)
class MeasureFigures:
    """A summable measure: its total and, per breakdown key, (value, total) rows in display order."""

    measure: str
    total: Total
    rows: dict[str, list[tuple]]


@dataclass(frozen=True)
class CaseCount:
    """The cases counted in one row, and those of them that report any figure."""

    cases: tuple[dict, ...]

    @property
    def with_figures(self) -> list[dict]:
        return [case for case in self.cases if case.get("outcomes")]


@dataclass(frozen=True)
class KeyFigures:
    measures: list[MeasureFigures]            # summable measures with at least one figure summed, taxonomy order
    cases: CaseCount                          # every counted case
    case_rows: dict[str, list[tuple]]         # breakdown key -> (value, CaseCount) rows
    not_summed: list[tuple[Figure, str]]      # (figure, NOT_SUMMABLE or SOURCES_DISAGREE)


def counted_cases(content: Content) -> list[dict]:
    """The cases the key figures count: published and not illustrative."""
    return [case for case in content.published if not case.get("illustrative")]


def key_figures(content: Content) -> KeyFigures:
    """Every key figure of the published, real cases."""
    cases = counted_cases(content)
    summed, not_summed = _sort_figures(cases, content.taxonomy)
    measures = []
    for measure in content.taxonomy.ids("measures"):
        figures = tuple(figure for figure in summed if figure.outcome["measure"] == measure)
        if figures:
            rows = {b.key: [(value, Total(group)) for value, group in _grouped(figures, b.of_figure, b, content)] for b in BREAKDOWNS}
            measures.append(MeasureFigures(measure, Total(figures), rows))
    case_rows = {b.key: [(value, CaseCount(group)) for value, group in _grouped(cases, b.of_case, b, content)] for b in BREAKDOWNS}
    return KeyFigures(measures, CaseCount(tuple(cases)), case_rows, not_summed)


def _sort_figures(cases: list[dict], taxonomy) -> tuple[list[Figure], list[tuple[Figure, str]]]:
    """Split the figures into those added up and those that are not, with the reason."""
    summed, not_summed = [], []
    for case in cases:
        outcomes = case.get("outcomes", [])
        per_measure_year = Counter((outcome["measure"], outcome["year"]) for outcome in outcomes)
        for outcome in outcomes:
            figure = Figure(case, outcome)
            if not taxonomy.term("measures", outcome["measure"]).summable:
                not_summed.append((figure, NOT_SUMMABLE))
            elif per_measure_year[(outcome["measure"], outcome["year"])] > 1:
                not_summed.append((figure, SOURCES_DISAGREE))
            else:
                summed.append(figure)
    order = {measure: index for index, measure in enumerate(taxonomy.ids("measures"))}
    not_summed.sort(key=lambda item: (order[item[0].outcome["measure"]], item[0].case["id"], item[0].outcome["year"]))
    return summed, not_summed


def _grouped(items, values_of: Callable, breakdown: Breakdown, content: Content) -> list[tuple]:
    """(value, items with that value) for every value in use: taxonomy order, years ascending."""
    groups: dict = {}
    for item in items:
        for value in values_of(item):
            groups.setdefault(value, []).append(item)
    order = sorted(groups) if breakdown.category is None else [v for v in content.taxonomy.ids(breakdown.category) if v in groups]
    return [(value, tuple(groups[value])) for value in order]
