"""The first mention of a glossary term in running text links to the glossary; nothing else is touched."""

from __future__ import annotations

from macros.glossary import glossary_terms, link_first_mentions
from macros.taxonomy import LANGUAGES
from tests.conftest import ROOT

TERMS = ["reserverad upphandling", "matchningsansvarig", "dialogkrav"]


def test_only_the_first_mention_of_each_term_is_linked():
    linked = link_first_mentions("Dialogkrav först. Sedan dialogkrav igen.", TERMS, "ordlista.md")
    assert linked == "[Dialogkrav](ordlista.md) först. Sedan dialogkrav igen."


def test_terms_in_headings_links_code_and_tables_are_left_alone():
    text = "# Dialogkrav\n| dialogkrav | x |\nSe [dialogkrav](villkor.md) och `dialogkrav`.\n```\ndialogkrav\n```"
    assert link_first_mentions(text, TERMS, "ordlista.md") == text


def test_a_longer_term_wins_over_a_term_inside_it():
    linked = link_first_mentions("Reserverad upphandling passar ibland.", TERMS, "o.md")
    assert linked == "[Reserverad upphandling](o.md) passar ibland."


def test_part_of_a_longer_word_is_not_a_mention():
    assert link_first_mentions("Dialogkraven var tydliga.", TERMS, "o.md") == "Dialogkraven var tydliga."


def test_terms_come_from_the_glossary_pages_in_each_language():
    swedish = glossary_terms(ROOT / "docs", "sv", LANGUAGES[0])
    english = glossary_terms(ROOT / "docs", "en", LANGUAGES[0])
    assert "matchningsansvarig" in swedish and "dialogkrav" in swedish
    assert "job-matching service" in english and "matchningsansvarig" not in english
    assert "Trafikverket" not in swedish  # proper names are not linked
