"""The catalogue page's cards and facet data say exactly what the case files say.

Checked for the hand-made fixture set (tests/fixtures/catalogue_cases, with a draft) and for the real
cases. The expected values are read straight from the case fields, not through facet_record, so a
slip in the facet definitions shows up here.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest

from macros.catalogue import catalogue_data, render_catalogue
from macros.facets import FACETS, facet_record, newest_first
from tests.conftest import ROOT

LANGS = ("sv", "en")
URL_KEYS = ["wp", "sector", "contract", "requirement", "group", "org", "place"]  # the script's URL query keys
CATALOGUE_URL = {"sv": "https://kb.example/exempel/", "en": "https://kb.example/en/exempel/"}


@pytest.fixture(params=["fixture", "real"])
def content(request):
    """Each test runs for the fixture set and for the real cases."""
    return request.getfixturevalue(f"{request.param}_content")


class _Catalogue(HTMLParser):
    """What the rendered catalogue holds: cards (id, text, links), checkbox values per name, the JSON."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.cards: list[dict] = []
        self.boxes: dict[str, list[str]] = {}
        self.json_text = ""
        self._in_card = self._in_json = False
        self._part = None
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "li" and "kb-card" in classes:
            self._in_card = True
            self.cards.append({"id": attrs["id"], "links": [], "title": "", "meta": "", "summary": ""})
        elif self._in_card and tag == "a":
            self.cards[-1]["links"].append(attrs["href"])
        elif self._in_card and tag in ("h2", "p") and classes and classes[0].startswith("kb-card__"):
            self._part = classes[0].removeprefix("kb-card__")
        elif tag == "input" and attrs.get("type") == "checkbox":
            self.boxes.setdefault(attrs["name"], []).append(attrs["value"])
        elif tag == "script" and attrs.get("id") == "kb-catalogue-data":
            self._in_json = True

    def handle_endtag(self, tag):
        if tag == "li":
            self._in_card = False
        elif tag in ("h2", "p"):
            self._part = None
        elif tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_text += data
        elif self._in_card and self._part in ("title", "meta", "summary"):
            self.cards[-1][self._part] += data

    @property
    def data(self) -> dict:
        return json.loads(self.json_text)


def _rendered(content, lang: str) -> _Catalogue:
    return _Catalogue(render_catalogue(lang, content))


def _expected_record(case: dict) -> dict:
    """A case's facet record, written out from the case's own fields."""
    organisation, years = case["organisation"], case["years"]
    return {
        "id": case["id"],
        "wp": case["work_packages"],
        "sector": case["sectors"],
        "contract": case["contract_types"],
        "requirement": case["requirement_types"],
        "group": case["target_groups"],
        "org": [organisation["type"]],
        "place": [organisation["region"] if "region" in organisation else organisation["country"]],
        "from": years["start"],
        "to": years.get("end", years["start"]),
        "outcomes": bool(case.get("outcomes")),
    }


# --- the fixture set is what the browser tests assume ---------------------------------------------

def test_fixture_set_has_seven_published_cases_and_a_draft(fixture_content):
    assert len(fixture_content.published) == 7
    assert [case["id"] for case in fixture_content.cases if case["status"] == "draft"] == ["theta-utkast"]
    assert all(case["illustrative"] for case in fixture_content.cases)


# --- cards and records ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_published_case_has_one_card_and_one_record_in_the_same_order(content, lang):
    catalogue = _rendered(content, lang)
    newest = [case["id"] for case in newest_first(content.published)]
    assert [card["id"] for card in catalogue.cards] == [f"case-{case_id}" for case_id in newest]
    assert [record["id"] for record in catalogue.data["cases"]] == newest
    assert sorted(newest) == sorted(case["id"] for case in content.published)  # each once, none left out


def test_default_order_is_newest_first_as_the_fixture_table_says(fixture_content):
    assert [card["id"].removeprefix("case-") for card in _rendered(fixture_content, "sv").cards] == [
        "eta-kunta-omsorg", "ostra-kommun-maltider", "beta-bostader-fonsterputs", "alfa-stad-stadning",
        "gamma-regionen-sjukhusbygge", "zeta-bydel-parker", "delta-verket-vagunderhall"]


@pytest.mark.parametrize("lang", LANGS)
def test_each_record_holds_exactly_the_case_fields(content, lang):
    data = _rendered(content, lang).data
    assert data["facets"] == URL_KEYS == [facet.key for facet in FACETS]
    cases = {case["id"]: case for case in content.published}
    for record in data["cases"]:
        assert record == _expected_record(cases[record["id"]])
        assert record == facet_record(cases[record["id"]])


@pytest.mark.parametrize("lang", LANGS)
def test_each_card_shows_the_case_title_organisation_and_summary(content, lang):
    cases = {case["id"]: case for case in content.published}
    for card in _rendered(content, lang).cards:
        case = cases[card["id"].removeprefix("case-")]
        assert card["title"] == case["title"][lang]
        assert card["meta"].startswith(case["organisation"]["name"][lang] + " · ")
        assert card["summary"] == case["summary"][lang]


def test_fixture_records_match_the_hand_made_table(fixture_content):
    records = {record["id"]: record for record in json.loads(catalogue_data(fixture_content.published, "sv", fixture_content))["cases"]}
    assert records["eta-kunta-omsorg"] == {
        "id": "eta-kunta-omsorg", "wp": ["wp08", "wp11"], "sector": ["care"], "contract": ["services", "concession"],
        "requirement": ["reserved-contract"], "group": ["people-with-disabilities"], "org": ["municipality"],
        "place": ["finland"], "from": 2023, "to": 2024, "outcomes": False}
    assert records["zeta-bydel-parker"]["place"] == ["norway"]          # no county: the country is the place
    assert records["zeta-bydel-parker"]["to"] == 2016                   # a single year ends where it starts
    assert records["beta-bostader-fonsterputs"]["to"] == 2021           # no end year either
    assert [case_id for case_id, record in records.items() if record["outcomes"]] == [
        "alfa-stad-stadning", "gamma-regionen-sjukhusbygge", "zeta-bydel-parker"]


@pytest.mark.parametrize("lang", LANGS)
def test_drafts_appear_nowhere_in_the_catalogue(fixture_content, lang):
    markup = render_catalogue(lang, fixture_content)
    catalogue = _Catalogue(markup)
    assert "theta-utkast" not in markup
    assert "Theta" not in markup
    assert "gotland" not in catalogue.boxes["place"]  # the draft's county is used by no published case
    assert len(catalogue.cards) == len(catalogue.data["cases"]) == 7


def test_json_is_the_same_in_both_languages_except_its_texts(content):
    sv, en = (_rendered(content, lang).data for lang in LANGS)
    assert {k: v for k, v in sv.items() if k != "texts"} == {k: v for k, v in en.items() if k != "texts"}
    assert sv["texts"].keys() == en["texts"].keys() >= {"count", "count_one", "shown", "no_match"}
    assert all(sv["texts"][key] != en["texts"][key] for key in sv["texts"])
    assert sv["texts"]["shown"] == content.labels("sv", "catalogue.shown")
    assert en["texts"]["no_match"] == content.labels("en", "catalogue.no_match")


def test_json_cannot_close_its_script_element(fixture_content):
    labels = copy.deepcopy(fixture_content.labels.tables)
    labels["sv"]["catalogue.no_match"] = "</script><script>alert(1)</script>"
    content = dataclasses.replace(fixture_content, labels=type(fixture_content.labels)(labels))
    text = catalogue_data(content.published, "sv", content)
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["texts"]["no_match"] == "</script><script>alert(1)</script>"


# --- options ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_all_eleven_work_packages_are_always_offered(content, lang):
    expected = [f"wp{n:02}" for n in range(1, 12)]
    assert _rendered(content, lang).boxes["wp"] == expected
    one_case = dataclasses.replace(content, cases=content.published[:1])
    assert _rendered(one_case, lang).boxes["wp"] == expected


@pytest.mark.parametrize("lang", LANGS)
def test_other_facets_offer_every_taxonomy_value_in_taxonomy_order(content, lang):
    boxes = _rendered(content, lang).boxes
    for key, category in (("sector", "sectors"), ("contract", "contract_types"), ("requirement", "requirement_types"),
                          ("group", "target_groups"), ("org", "organisation_types")):
        assert boxes[key] == content.taxonomy.ids(category)
    assert boxes["outcomes"] == ["1"]


@pytest.mark.parametrize("lang", LANGS)
def test_places_offered_are_only_those_in_use(content, lang):
    used = {_expected_record(case)["place"][0] for case in content.published}
    assert sorted(_rendered(content, lang).boxes["place"]) == sorted(used)


def test_fixture_places_are_listed_by_label(fixture_content):
    assert _rendered(fixture_content, "sv").boxes["place"] == [
        "finland", "norway", "skane", "stockholm", "vastra-gotaland", "orebro"]  # Finland, Norge, … Örebro län


# --- links --------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_card_links_to_its_case_page_and_its_work_package_pages(content, lang):
    cases = {case["id"]: case for case in content.published}
    base = CATALOGUE_URL[lang]
    site_root = base.removesuffix("exempel/")
    for card in _rendered(content, lang).cards:
        case = cases[card["id"].removeprefix("case-")]
        assert [urljoin(base, href) for href in card["links"]] == (
            [f"{base}{case['id']}/"] + [f"{site_root}arbetspaket/{wp}/" for wp in case["work_packages"]])


# --- escaping -----------------------------------------------------------------------------------

def test_markup_characters_in_case_texts_are_escaped_on_the_card(fixture_content):
    case = copy.deepcopy(fixture_content.published[0])
    case["title"]["sv"] = 'Tom & Jerry <b>"fet"</b> \'x\''
    case["summary"]["sv"] = "<script>alert(1)</script>"
    case["organisation"]["name"]["sv"] = "A&O <i>"
    markup = render_catalogue("sv", dataclasses.replace(fixture_content, cases=[case]))
    assert "Tom &amp; Jerry &lt;b&gt;&quot;fet&quot;&lt;/b&gt; &#x27;x&#x27;" in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "A&amp;O &lt;i&gt;" in markup
    assert "<b>" not in markup and "<script>alert" not in markup and "<i>" not in markup
    card = _Catalogue(markup).cards[0]
    assert card["title"] == case["title"]["sv"] and card["summary"] == case["summary"]["sv"]  # shown as typed


def test_result_count_names_the_number_of_published_cases(fixture_content):
    seven = fixture_content.labels("sv", "catalogue.count", count=7)
    assert f'<p class="kb-result-count" id="kb-result-count" role="status" aria-live="polite">{seven}</p>' in (
        render_catalogue("sv", fixture_content))
    one = dataclasses.replace(fixture_content, cases=fixture_content.published[:1])
    assert f'aria-live="polite">{fixture_content.labels("en", "catalogue.count_one")}</p>' in render_catalogue("en", one)


def test_year_inputs_span_the_years_of_the_published_cases(real_content):
    content = real_content
    html = render_catalogue("sv", content)
    first = min(case["years"]["start"] for case in content.published)
    last = max(case["years"].get("end", case["years"]["start"]) for case in content.published)
    assert re.search(rf'name="from" inputmode="numeric" min="{first}" max="{last}"', html)
