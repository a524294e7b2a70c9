"""The key-figures page: what the figures are, then per measure a summary, a bar chart and a data table.

Returns Markdown headings (so the sections reach the table of contents) around raw HTML blocks.
All text is escaped here; links are final URLs because MkDocs does not rewrite links in raw HTML.
"""

from __future__ import annotations

from collections import Counter

from .bar_chart import Bar, bar_chart
from .content import Content
from .key_figures import BREAKDOWNS, YEAR, Breakdown, CaseCount, KeyFigures, MeasureFigures, Total, counted_cases, key_figures
from .markup import html, md_inline, number, year_span
from .urls import case_doc, html_link

KEY_FIGURES_DOC = "nyckeltal.md"
ABOUT = ("sources", "not_statistics", "not_comparable", "illustrative", "approximate", "overlap", "years", "not_summable", "disagree")


def render_key_figures(lang: str, content: Content, from_doc: str = KEY_FIGURES_DOC) -> str:
    """The page's generated part, for the page at `from_doc` (docs-relative path)."""
    page, figures = _Page(lang, content, from_doc), key_figures(content)
    if not figures.cases.cases:
        return page.about() + f"\n{html(page.say('keyfigures.no_cases'))}\n"
    return "\n".join([page.about(), page.cases_section(figures), *map(page.measure_section, figures.measures),
                      page.not_summed_section(figures)])


class _Page:
    def __init__(self, lang: str, content: Content, from_doc: str):
        self.lang, self.content, self.from_doc = lang, content, from_doc
        self.say = lambda key, **values: content.labels(lang, key, **values)
        self._shared_names = {name for name, count in Counter(self._org(case) for case in counted_cases(content)).items() if count > 1}

    # --- sections ------------------------------------------------------------------------------

    def about(self) -> str:
        heading, outcomes = self.say("keyfigures.not_summed_heading"), self.say("case.outcomes")
        items = "".join(f"<li>{html(self.say(f'keyfigures.about.{part}', heading=heading, outcomes=outcomes))}</li>" for part in ABOUT)
        return f"## {md_inline(self.say('keyfigures.about_heading'))}\n\n<ul class=\"kb-keyfigures__about\">{items}</ul>\n"

    def cases_section(self, figures: KeyFigures) -> str:
        name, everything = self.say("keyfigures.cases_heading"), figures.cases
        count, with_figures = len(everything.cases), len(everything.with_figures)
        summary = self.say("keyfigures.cases_summary_one" if count == 1 else "keyfigures.cases_summary",
                           count=self._number(count), with_figures=self._number(with_figures))
        summary = " ".join(filter(None, [summary, self._largest(figures.case_rows, lambda c: len(c.cases), of_cases=True)]))
        groups = [(None, [Bar(self.say("keyfigures.total"), count, self._number(count))])] + [
            (self._group(b, of_cases=True), [Bar(self._label(b, value), len(c.cases), self._number(len(c.cases)))
                                              for value, c in figures.case_rows[b.key]]) for b in BREAKDOWNS]
        head = self._head("keyfigures.column_group", "keyfigures.column_case_count", "keyfigures.column_with_figures", "keyfigures.column_case_list")
        bodies = [f"<tbody>{self._case_row(self.say('keyfigures.total'), everything)}</tbody>"] + [
            self._body(self._group(b, of_cases=True), 4, [self._case_row(self._label(b, value), c) for value, c in figures.case_rows[b.key]])
            for b in BREAKDOWNS]
        return self._section(name, "kb-kf-cases", summary, groups, self.say("keyfigures.cases_caption"), head, bodies)

    def measure_section(self, figures: MeasureFigures) -> str:
        name = self.content.taxonomy.label("measures", figures.measure, self.lang)
        cases = len(figures.total.cases)
        summary = self.say("keyfigures.measure_summary_one" if cases == 1 else "keyfigures.measure_summary",
                           total=self._amount(figures.total), count=self._number(cases))
        summary = " ".join(filter(None, [summary, self._largest(figures.rows, lambda t: t.value, self._amount)]))
        groups = [(None, [Bar(self.say("keyfigures.total"), figures.total.value, self._amount(figures.total))])] + [
            (self._group(b), [Bar(self._label(b, value), total.value, self._amount(total)) for value, total in figures.rows[b.key]])
            for b in BREAKDOWNS]
        head = self._head("keyfigures.column_group", "keyfigures.column_total", "keyfigures.column_figures")
        bodies = [f"<tbody>{self._figure_row(self.say('keyfigures.total'), figures.total)}</tbody>"] + [
            self._body(self._group(b), 3, [self._figure_row(self._label(b, value), total) for value, total in figures.rows[b.key]])
            for b in BREAKDOWNS]
        caption = self.say("keyfigures.table_caption", measure=name)
        return self._section(name, f"kb-kf-{figures.measure}", summary, groups, caption, head, bodies)

    def not_summed_section(self, figures: KeyFigures) -> str:
        heading = f"## {md_inline(self.say('keyfigures.not_summed_heading'))}\n\n"
        if not figures.not_summed:
            return heading + f"<p>{html(self.say('keyfigures.none_not_summed'))}</p>\n"
        head = self._head("case.outcome_measure", "keyfigures.column_case", "keyfigures.column_year", "keyfigures.column_figure", "keyfigures.column_reason")
        rows = "".join(
            f'<tr><th scope="row">{html(self.content.taxonomy.label("measures", figure.outcome["measure"], self.lang))}</th>'
            f'<td>{self._case_link(figure.case)}</td><td>{figure.outcome["year"]}</td>'
            f'<td class="kb-num">{html(self._amount(Total((figure,))))}</td><td>{html(self.say(f"keyfigures.reason.{reason}"))}</td></tr>'
            for figure, reason in figures.not_summed)
        return (heading + f"<div class=\"kb-keyfigures__section\"><p>{html(self.say('keyfigures.not_summed_intro'))}</p>"
                f"<table><caption>{html(self.say('keyfigures.not_summed_caption'))}</caption>{head}<tbody>{rows}</tbody></table></div>\n")

    # --- parts -----------------------------------------------------------------------------------

    def _section(self, name: str, chart_id: str, summary: str, groups: list, caption: str, head: str, bodies: list[str]) -> str:
        chart = bar_chart(chart_id, self.say("keyfigures.chart_title", measure=name), summary, groups)
        table = f"<table><caption>{html(caption)}</caption>{head}{''.join(bodies)}</table>"
        return f"## {md_inline(name)}\n\n<div class=\"kb-keyfigures__section\"><p>{html(summary)}</p>{chart}{table}</div>\n"

    def _head(self, *keys: str) -> str:
        return "<thead><tr>" + "".join(f'<th scope="col">{html(self.say(key))}</th>' for key in keys) + "</tr></thead>"

    @staticmethod
    def _body(heading: str, columns: int, rows: list[str]) -> str:
        return f'<tbody><tr><th scope="rowgroup" colspan="{columns}">{html(heading)}</th></tr>{"".join(rows)}</tbody>'

    def _figure_row(self, label: str, total: Total) -> str:
        per_case: dict[str, list] = {}
        for figure in total.figures:
            per_case.setdefault(figure.case["id"], []).append(figure)
        items = "".join(
            f"<li>{self._case_link(figures[0].case)}: "
            + ", ".join(f'{html(self._amount(Total((f,))))} ({f.outcome["year"]})' for f in figures) + "</li>"
            for figures in per_case.values())
        return (f'<tr><th scope="row">{html(label)}</th><td class="kb-num">{html(self._amount(total))}</td>'
                f'<td><ul class="kb-keyfigures__cases">{items}</ul></td></tr>')

    def _case_row(self, label: str, count: CaseCount) -> str:
        items = "".join(f"<li>{self._case_link(case)}</li>" for case in count.cases)
        return (f'<tr><th scope="row">{html(label)}</th><td class="kb-num">{self._number(len(count.cases))}</td>'
                f'<td class="kb-num">{self._number(len(count.with_figures))}</td><td><ul class="kb-keyfigures__cases">{items}</ul></td></tr>')

    def _case_link(self, case: dict) -> str:
        name = self._org(case)
        shown = f"{name} ({year_span(case['years'])})" if name in self._shared_names else name
        return f'<a href="{html_link(case_doc(case["id"]), self.from_doc)}">{html(shown)}</a>'

    def _org(self, case: dict) -> str:
        return case["organisation"]["name"][self.lang]

    def _largest(self, rows_by_breakdown: dict, size, shown=None, of_cases: bool = False) -> str:
        """'Largest are …': the largest row of each breakdown; one with a single row or a tie for first is left out."""
        items = []
        for breakdown in BREAKDOWNS:
            sizes = [size(item) for _, item in rows_by_breakdown[breakdown.key]]
            if len(sizes) > 1 and sizes.count(max(sizes)) == 1:
                value, item = rows_by_breakdown[breakdown.key][sizes.index(max(sizes))]
                key = "year_of_case" if of_cases and breakdown.key == YEAR else breakdown.key
                items.append(self.say(f"keyfigures.largest.{key}", label=self._label(breakdown, value),
                                      value=shown(item) if shown else self._number(size(item))))
        if not items:
            return ""
        listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {self.say('keyfigures.and')} {items[-1]}"
        return self.say("keyfigures.largest", items=listed)

    def _group(self, breakdown: Breakdown, of_cases: bool = False) -> str:
        return self.say("keyfigures.year_of_case" if of_cases and breakdown.key == YEAR else breakdown.label)

    def _label(self, breakdown: Breakdown, value) -> str:
        return str(value) if breakdown.category is None else self.content.taxonomy.label(breakdown.category, value, self.lang)

    def _amount(self, total: Total) -> str:
        value = self._number(total.value)
        return self.say("case.approximately", value=value) if total.approximate else value

    def _number(self, value: float) -> str:
        return number(value, self.lang, self.content.labels)
