"""Work-package pages, derived from the taxonomy and the cases' work_packages fields (never hand-listed)."""

from __future__ import annotations

from .case_list import case_list
from .content import Content
from .markup import front_matter, html, md_inline
from .urls import CATALOGUE_DOC, WORK_PACKAGES_PATH, html_link, relative, work_package_doc

OVERVIEW_DOC = f"{WORK_PACKAGES_PATH}/index.md"


def cases_in(wp_id: str, content: Content) -> list[dict]:
    return [case for case in content.published if wp_id in case["work_packages"]]


def render_work_package(wp_id: str, lang: str, content: Content) -> str:
    """One work package: its description, the guides filed under it, and its cases."""
    term, say, doc = content.taxonomy.term("work_packages", wp_id), content.labels, work_package_doc(wp_id)
    cases = cases_in(wp_id, content)
    guides = [guide for guide in content.guides if wp_id in guide.work_packages]
    in_catalogue = f"{html_link(CATALOGUE_DOC, doc)}?wp={wp_id}"
    return "\n".join([
        front_matter(title=term.label[lang], description=term.description[lang]),
        f"# {md_inline(term.label[lang])}\n",
        f"{md_inline(term.description[lang])}\n",
        f"## {say(lang, 'work_packages.guides')}\n",
        "\n".join(f"- [{md_inline(guide.title[lang])}]({relative(guide.doc, doc)})" for guide in guides) + "\n" if guides
        else say(lang, "work_packages.no_guides") + "\n",
        f"## {say(lang, 'work_packages.cases')}\n",
        f'<p><a href="{in_catalogue}">{html(say(lang, "work_packages.in_catalogue"))}</a></p>\n' if cases else "",
        case_list(cases, lang, content, doc, empty="work_packages.no_cases"),
    ])


def work_package_list(lang: str, content: Content, from_doc: str) -> str:
    """All eleven work packages as a Markdown list: link, description and case count."""
    say = content.labels
    return "\n".join(
        f"- [{md_inline(term.label[lang])}]({relative(work_package_doc(term.id), from_doc)})"
        f" – {say(lang, 'work_packages.case_count', count=len(cases_in(term.id, content)))}.  \n"
        f"  {md_inline(term.description[lang])}"
        for term in content.taxonomy.categories["work_packages"].values()
    ) + "\n"


def render_overview(lang: str, content: Content) -> str:
    """The overview page of all work packages."""
    say = content.labels
    return "\n".join([
        front_matter(title=say(lang, "work_packages.title")),
        f"# {say(lang, 'work_packages.title')}\n",
        f"{say(lang, 'work_packages.intro')}\n",
        work_package_list(lang, content, OVERVIEW_DOC),
    ])
