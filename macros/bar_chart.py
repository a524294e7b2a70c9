"""A horizontal bar chart as inline SVG: no script, no external file, readable at 320 px.

Each row is a label on its own line with its bar below it, so long labels never collide with the
bars and the chart stays one narrow column. The viewBox scales the chart to the width it is given;
text is 14 units high. Colours are fixed: text #1b1b1b and bars #3949ab on a white page (contrast
about 17:1 and 7.7:1). The chart is one image to assistive technology (role="img", its <title>
and <desc>); its numbers are in the data table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .markup import html

WIDTH = 340        # viewBox width; the bars get what the value text does not need
VALUE_ROOM = 110   # room right of the longest bar for its value, e.g. "cirka 1 234 567"
FONT_SIZE = 14
LABEL_HEIGHT = 16  # from a row's top to its label's baseline
BAR_HEIGHT = 11
ROW_GAP = 7
HEADING_HEIGHT = 24
TEXT_COLOUR, BAR_COLOUR = "#1b1b1b", "#3949ab"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the page writes it, e.g. "cirka 30"


def bar_chart(chart_id: str, title: str, description: str, groups: list[tuple[str | None, list[Bar]]]) -> str:
    """An <svg> with one bar per row; each group is (heading or None, bars). Bars share one scale."""
    largest = max((bar.value for _, bars in groups for bar in bars), default=0) or 1
    parts, y = [], 0
    for heading, bars in groups:
        if heading:
            y += HEADING_HEIGHT
            parts.append(f'<text x="0" y="{y - 6}" font-weight="700">{html(heading)}</text>')
        for bar in bars:
            parts.append(_row(bar, y, largest))
            y += LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    return (f'<svg class="kb-chart" role="img" aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
            f'viewBox="0 0 {WIDTH} {y}" width="100%" font-size="{FONT_SIZE}" fill="{TEXT_COLOUR}" '
            f'xmlns="http://www.w3.org/2000/svg">'
            f'<title id="{chart_id}-title">{html(title)}</title><desc id="{chart_id}-desc">{html(description)}</desc>'
            + "".join(parts) + "</svg>")


def _row(bar: Bar, top: int, largest: float) -> str:
    length = round((WIDTH - VALUE_ROOM) * bar.value / largest, 1)
    bar_top = top + LABEL_HEIGHT + 3
    return (f'<text x="0" y="{top + LABEL_HEIGHT - 3}">{html(bar.label)}</text>'
            f'<rect x="0" y="{bar_top}" width="{length}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>'
            f'<text x="{length + 6}" y="{bar_top + BAR_HEIGHT - 2}">{html(bar.shown)}</text>')
