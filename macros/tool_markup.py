"""What every e-tool page shares: the data its script reads, and the message for readers without JavaScript.

The tools are server-rendered forms that a script brings to life. The script never holds a rule
or a text of its own: it reads them from the JSON written here, which comes from etools.yml.
"""

from __future__ import annotations

import json

from .content import Content
from .markup import html_labels
from .urls import html_link

CHECKLISTS_DOC = "checklistor/index.md"


def data_script(payload: dict) -> str:
    """The tool's data for its script, as JSON that cannot close the <script> element."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="kb-tool-data">{text}</script>'


def noscript(lang: str, content: Content, from_doc: str) -> str:
    """Without JavaScript the tool cannot answer; the checklists ask the same questions on paper."""
    say = html_labels(content.labels, lang)
    return (f'<noscript><p class="kb-noscript">{say("tools.noscript")} '
            f'<a href="{html_link(CHECKLISTS_DOC, from_doc)}">{say("tools.noscript_link")}</a></p></noscript>')
