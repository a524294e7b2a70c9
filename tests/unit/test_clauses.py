"""The clause builder's data (the `clauses:` section of macros/etools.yml), its checks and its texts.

REFERENCE_CLAUSES is the reference table: plain data, the inputs as the page's URL query carries
them and the full Swedish and English texts expected, paragraph by paragraph, with every unfilled
detail written as [placeholder]. The browser test feeds the same rows through the real page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs

import pytest

from macros.clause_page import render_rules, render_tool
from macros.clauses import PLACEHOLDER, Marker, build_clause, clause_data, join
from macros.content import load_content
from macros.etools import load_etools
from tests.conftest import ROOT
from tests.unit.test_etools import ETOOLS, FILTERS, assert_mistake_reported_on_its_own_line

LANGS = ("sv", "en")
CONTENT = load_content(ROOT)
VARIANTS = ["dialogue", "employment", "internship", "bonus"]

# Paragraphs without parameters that several rows share.
SV_LAS = ("Anställningen får vara tillsvidare eller tidsbegränsad enligt lagen om anställningsskydd (LAS), om inte ett "
          "kollektivavtal avviker från den. Arbetet får innefatta utbildning som hör samman med det.")
EN_LAS = ("A job may be permanent or fixed-term under the Employment Protection Act (LAS), unless a collective agreement "
          "departs from it. The work may include training related to it.")
SV_75 = ("Upphör en anställning i förtid för att den anställde säger upp sig, eller för att det finns grund för uppsägning, "
         "anses leverantören ha uppfyllt villkoret när minst 75 procent av den sammanlagda avtalade anställningstiden har fullgjorts.")
EN_75 = ("If a job ends early because the employee resigns, or because there are grounds for dismissal, the Supplier is deemed "
         "to have met the condition once at least 75 per cent of the total agreed employment time has been served.")
SV_NOTIFY = "Leverantören ska meddela den upphandlande organisationen när ett anställningsavtal har undertecknats."
EN_NOTIFY = "The Supplier shall inform the contracting organisation when an employment contract has been signed."
SV_AGREEMENT = ("Dialogen ska leda till en skriftlig överenskommelse mellan parterna om antal platser, tidplan och rapportering. "
                "Leverantören ska fullgöra överenskommelsen under avtalstiden.")
EN_AGREEMENT = ("The dialogue shall lead to a written agreement between the parties on the number of places, the timeline and "
                "reporting. The Supplier shall honour the agreement during the contract term.")
SV_BONUS = ("Anställer leverantören under avtalstiden personer ur målgruppen i större omfattning än vad sysselsättningsvillkoret "
            "i avtalet kräver, betalar den upphandlande organisationen en bonus till leverantören.")
EN_BONUS = ("If, during the contract term, the Supplier employs people from the target group to a greater extent than the "
            "contract's employment condition requires, the contracting organisation shall pay the Supplier a bonus.")
SV_RECRUIT = "Leverantören ska själv ta initiativ till rekryteringen och får använda följande rekryteringsvägar: "
EN_RECRUIT = "The Supplier shall take the initiative to recruit and may use the following recruitment routes: "
SV_RECTIFY = ("Om leverantören inte uppfyller villkoret ska den upphandlande organisationen först ge leverantören möjlighet att "
              "rätta bristen. Rättar leverantören inte bristen får organisationen ")
EN_RECTIFY = ("If the Supplier does not meet this condition, the contracting organisation shall first give the Supplier the "
              "opportunity to remedy the shortcoming. If the Supplier does not remedy it, the organisation may ")
SV_DIALOGUE = ("veckor efter kontraktsstart delta i en dialog med den upphandlande organisationen och den matchningsansvariga om "
               "vilka sysselsättningsfrämjande åtgärder leverantören kan vidta. Syftet är att skapa arbets- eller praktikplatser "
               "inom kontraktet för personer i målgruppen.")
EN_DIALOGUE = ("weeks after contract start, the Supplier shall take part in a dialogue with the contracting organisation and the "
               "job-matching service about the employment-promoting measures the Supplier can take. The aim is to create jobs "
               "or internships within the contract for people in the target group.")
SV_EMPLOY = ("Leverantören ska under avtalstiden anställa en eller flera personer ur målgruppen, på hel- eller deltid, i arbete "
             "som hör till kontraktet. Anställningarna ska sammanlagt motsvara minst ")
EN_EMPLOY = ("During the contract term, the Supplier shall employ one or more people from the target group, full-time or "
             "part-time, in work belonging to this contract. Together the jobs shall equal at least ")
SV_REPORT = "Leverantören ska redovisa hur villkoret uppfylls "
EN_REPORT = "The Supplier shall report on how the condition is being met "
SV_DATES = ", på de datum som anges i parternas gemensamma uppföljningsplan."
EN_DATES = ", on the dates set in the parties' joint follow-up plan."
SV_PENALTY, EN_PENALTY = "ta ut vite enligt avtalets bestämmelser om vite", "charge a penalty (vite) under the contract's penalty provisions"
SV_EXCLUDE, EN_EXCLUDE = "stänga ute leverantören från kommande avrop under ramavtalet", "exclude the Supplier from further call-offs under the framework agreement"
SV_OWN = "egen rekrytering där leverantören kan visa att personen tillhör målgruppen"
EN_OWN = "its own recruitment where the Supplier can show that the person belongs to the target group"

REFERENCE_CLAUSES = [
    {"name": "dialogue, all filled", "keyboard": False,
     "query": "variant=dialogue&meeting-weeks=4&groups=new-arrivals&routes=public-employment-service&routes=municipal-service"
              "&reporting=half-yearly&sanctions=penalty&sanctions=call-off-exclusion",
     "unfilled": [],
     "sv": ["Leverantören ska senast 4 " + SV_DIALOGUE, "Med målgruppen avses i detta villkor nyanlända.", SV_AGREEMENT,
            SV_RECRUIT + "en offentlig arbetsförmedling i Sverige eller utomlands som är ansluten till EURES och en kommunal "
                         "arbetsmarknadsverksamhet. Detsamma gäller för underleverantörer.",
            SV_REPORT + "varje halvår" + SV_DATES, SV_RECTIFY + SV_PENALTY + " och " + SV_EXCLUDE + "."],
     "en": ["No later than 4 " + EN_DIALOGUE, "In this condition, the target group means new arrivals.", EN_AGREEMENT,
            EN_RECRUIT + "a public employment service in Sweden or abroad that is linked to EURES and a municipal labour-market "
                         "service. The same applies to subcontractors.",
            EN_REPORT + "every six months" + EN_DATES, EN_RECTIFY + EN_PENALTY + " and " + EN_EXCLUDE + "."]},

    {"name": "employment, all filled, two target groups and two routes", "keyboard": True,
     "query": "variant=employment&months=12&start=6&groups=long-term-unemployed&groups=young-people&routes=municipal-service"
              "&routes=own-recruitment&reporting=quarterly&sanctions=penalty",
     "unfilled": [],
     "sv": [SV_EMPLOY + "12 månader på heltid.", "Med målgruppen avses i detta villkor långtidsarbetslösa och unga.", SV_LAS,
            "Minst en anställning ska ha påbörjats eller erbjudits senast 6 månader efter kontraktsstart.", SV_75,
            SV_RECRUIT + "en kommunal arbetsmarknadsverksamhet och " + SV_OWN + ". Detsamma gäller för underleverantörer.",
            SV_NOTIFY, SV_REPORT + "varje kvartal" + SV_DATES, SV_RECTIFY + SV_PENALTY + "."],
     "en": [EN_EMPLOY + "12 months of full-time work.", "In this condition, the target group means long-term unemployed people and young people.",
            EN_LAS, "At least one job shall have started or been offered no later than 6 months after contract start.", EN_75,
            EN_RECRUIT + "a municipal labour-market service and " + EN_OWN + ". The same applies to subcontractors.",
            EN_NOTIFY, EN_REPORT + "every quarter" + EN_DATES, EN_RECTIFY + EN_PENALTY + "."]},

    {"name": "employment, nothing filled", "keyboard": False,
     "query": "variant=employment",
     "unfilled": ["months", "start", "groups", "routes", "reporting", "sanctions"],
     "sv": [SV_EMPLOY + "[antal månader] månader på heltid.", "Med målgruppen avses i detta villkor [målgrupp].", SV_LAS,
            "Minst en anställning ska ha påbörjats eller erbjudits senast [antal månader] månader efter kontraktsstart.", SV_75,
            SV_RECRUIT + "[rekryteringsvägar]. Detsamma gäller för underleverantörer.", SV_NOTIFY,
            SV_REPORT + "[hur ofta]" + SV_DATES, SV_RECTIFY + "[påföljd]."],
     "en": [EN_EMPLOY + "[number of months] months of full-time work.", "In this condition, the target group means [target group].", EN_LAS,
            "At least one job shall have started or been offered no later than [number of months] months after contract start.", EN_75,
            EN_RECRUIT + "[recruitment routes]. The same applies to subcontractors.", EN_NOTIFY,
            EN_REPORT + "[how often]" + EN_DATES, EN_RECTIFY + "[sanction]."]},

    {"name": "employment, numbers out of range are unfilled", "keyboard": False,
     "query": "variant=employment&months=700&start=0&groups=unemployed&routes=private-actor&reporting=monthly&sanctions=penalty",
     "unfilled": ["months", "start"],
     "sv": [SV_EMPLOY + "[antal månader] månader på heltid.", "Med målgruppen avses i detta villkor arbetslösa.", SV_LAS,
            "Minst en anställning ska ha påbörjats eller erbjudits senast [antal månader] månader efter kontraktsstart.", SV_75,
            SV_RECRUIT + "en svensk eller utländsk privat aktör. Detsamma gäller för underleverantörer.", SV_NOTIFY,
            SV_REPORT + "varje månad" + SV_DATES, SV_RECTIFY + SV_PENALTY + "."],
     "en": [EN_EMPLOY + "[number of months] months of full-time work.", "In this condition, the target group means unemployed people.", EN_LAS,
            "At least one job shall have started or been offered no later than [number of months] months after contract start.", EN_75,
            EN_RECRUIT + "a Swedish or foreign private actor. The same applies to subcontractors.", EN_NOTIFY,
            EN_REPORT + "every month" + EN_DATES, EN_RECTIFY + EN_PENALTY + "."]},

    {"name": "employment, three target groups and all four routes in option order", "keyboard": False,
     "query": "variant=employment&months=1200&start=6&groups=local-residents&groups=unemployed&groups=new-arrivals"
              "&routes=own-recruitment&routes=private-actor&routes=municipal-service&routes=public-employment-service"
              "&reporting=monthly&sanctions=call-off-exclusion",
     "unfilled": ["months"],
     "sv": [SV_EMPLOY + "[antal månader] månader på heltid.", "Med målgruppen avses i detta villkor arbetslösa, nyanlända och boende i området.",
            SV_LAS, "Minst en anställning ska ha påbörjats eller erbjudits senast 6 månader efter kontraktsstart.", SV_75,
            SV_RECRUIT + "en offentlig arbetsförmedling i Sverige eller utomlands som är ansluten till EURES, en kommunal "
                         "arbetsmarknadsverksamhet, en svensk eller utländsk privat aktör och " + SV_OWN + ". Detsamma gäller för underleverantörer.",
            SV_NOTIFY, SV_REPORT + "varje månad" + SV_DATES, SV_RECTIFY + SV_EXCLUDE + "."],
     "en": [EN_EMPLOY + "[number of months] months of full-time work.",
            "In this condition, the target group means unemployed people, new arrivals and local residents.",
            EN_LAS, "At least one job shall have started or been offered no later than 6 months after contract start.", EN_75,
            EN_RECRUIT + "a public employment service in Sweden or abroad that is linked to EURES, a municipal labour-market service, "
                         "a Swedish or foreign private actor and " + EN_OWN + ". The same applies to subcontractors.",
            EN_NOTIFY, EN_REPORT + "every month" + EN_DATES, EN_RECTIFY + EN_EXCLUDE + "."]},

    {"name": "internship, unknown options are dropped", "keyboard": False,
     "query": "variant=internship&months=6&start=3&groups=pensioners&groups=students-and-trainees&routes=teleport"
              "&reporting=weekly&sanctions=call-off-exclusion",
     "unfilled": ["routes", "reporting"],
     "sv": ["Leverantören ska under avtalstiden ta emot en eller flera personer ur målgruppen som praktikanter eller lärlingar i "
            "arbete som hör till kontraktet. Platserna ska sammanlagt motsvara minst 6 månader på heltid.",
            "Med målgruppen avses i detta villkor elever och lärlingar.",
            "Minst en plats ska ha påbörjats eller erbjudits senast 3 månader efter kontraktsstart.",
            SV_RECRUIT + "[rekryteringsvägar]. Detsamma gäller för underleverantörer.",
            SV_REPORT + "[hur ofta]" + SV_DATES, SV_RECTIFY + SV_EXCLUDE + "."],
     "en": ["During the contract term, the Supplier shall take on one or more people from the target group as interns or apprentices "
            "in work belonging to this contract. Together the places shall equal at least 6 months of full-time work.",
            "In this condition, the target group means students and trainees.",
            "At least one place shall have started or been offered no later than 3 months after contract start.",
            EN_RECRUIT + "[recruitment routes]. The same applies to subcontractors.",
            EN_REPORT + "[how often]" + EN_DATES, EN_RECTIFY + EN_EXCLUDE + "."]},

    {"name": "bonus, all filled, thousands grouped", "keyboard": True,
     "query": "variant=bonus&groups=people-with-disabilities&bonus-amount=15000&bonus-unit=full-time-month&reporting=yearly",
     "unfilled": [],
     "sv": [SV_BONUS, "Med målgruppen avses i detta villkor personer med funktionsnedsättning.",
            "Bonusen är 15\u00a0000 kronor per heltidsmånad utöver kravet.",
            "Leverantören ska redovisa underlaget för bonusen en gång om året" + SV_DATES],
     "en": [EN_BONUS, "In this condition, the target group means people with disabilities.",
            "The bonus is SEK 15,000 per full-time month beyond the requirement.",
            "The Supplier shall submit the basis for the bonus once a year" + EN_DATES]},

    {"name": "bonus, not a whole number, another variant's detail ignored", "keyboard": False,
     "query": "variant=bonus&months=12&bonus-amount=12.5&bonus-unit=person&groups=young-people&reporting=quarterly",
     "unfilled": ["bonus-amount"],
     "sv": [SV_BONUS, "Med målgruppen avses i detta villkor unga.", "Bonusen är [belopp] kronor per anställd person utöver kravet.",
            "Leverantören ska redovisa underlaget för bonusen varje kvartal" + SV_DATES],
     "en": [EN_BONUS, "In this condition, the target group means young people.", "The bonus is SEK [amount] per person employed beyond the requirement.",
            "The Supplier shall submit the basis for the bonus every quarter" + EN_DATES]},

    {"name": "unknown variant falls back to the dialogue", "keyboard": False,
     "query": "variant=tender&meeting-weeks=2",
     "unfilled": ["groups", "routes", "reporting", "sanctions"],
     "sv": ["Leverantören ska senast 2 " + SV_DIALOGUE, "Med målgruppen avses i detta villkor [målgrupp].", SV_AGREEMENT,
            SV_RECRUIT + "[rekryteringsvägar]. Detsamma gäller för underleverantörer.", SV_REPORT + "[hur ofta]" + SV_DATES,
            SV_RECTIFY + "[påföljd]."],
     "en": ["No later than 2 " + EN_DIALOGUE, "In this condition, the target group means [target group].", EN_AGREEMENT,
            EN_RECRUIT + "[recruitment routes]. The same applies to subcontractors.", EN_REPORT + "[how often]" + EN_DATES,
            EN_RECTIFY + "[sanction]."]},

    {"name": "empty query: the dialogue, nothing filled", "keyboard": False,
     "query": "",
     "unfilled": ["meeting-weeks", "groups", "routes", "reporting", "sanctions"],
     "sv": ["Leverantören ska senast [antal veckor] " + SV_DIALOGUE, "Med målgruppen avses i detta villkor [målgrupp].", SV_AGREEMENT,
            SV_RECRUIT + "[rekryteringsvägar]. Detsamma gäller för underleverantörer.", SV_REPORT + "[hur ofta]" + SV_DATES,
            SV_RECTIFY + "[påföljd]."],
     "en": ["No later than [number of weeks] " + EN_DIALOGUE, "In this condition, the target group means [target group].", EN_AGREEMENT,
            EN_RECRUIT + "[recruitment routes]. The same applies to subcontractors.", EN_REPORT + "[how often]" + EN_DATES,
            EN_RECTIFY + "[sanction]."]},
]


def clause_for(query: str):
    """The clause for a URL query, read as the page reads it (repeated keys for several choices)."""
    params = parse_qs(query, keep_blank_values=True)
    variant = params.pop("variant", [""])[0]
    return build_clause(variant, params, CONTENT.etools, CONTENT.taxonomy)


# --- the reference table ---------------------------------------------------------------------------

@pytest.mark.parametrize("row", REFERENCE_CLAUSES, ids=[row["name"] for row in REFERENCE_CLAUSES])
def test_clause_reference_table(row):
    clause = clause_for(row["query"])
    assert clause.plain("sv") == "\n\n".join(row["sv"])
    assert clause.plain("en") == "\n\n".join(row["en"])
    assert list(clause.unfilled) == row["unfilled"]


def test_reference_table_covers_every_variant():
    assert {clause_for(row["query"]).variant for row in REFERENCE_CLAUSES} == set(VARIANTS)


def test_unfilled_details_are_markers_not_text():
    paragraph = clause_for("variant=bonus&bonus-unit=person").paragraphs["sv"][2]
    assert paragraph == ["Bonusen är ", Marker("bonus-amount", "belopp"), " kronor per anställd person utöver kravet."]


def test_swedish_groups_thousands_with_a_no_break_space_and_english_with_a_comma():
    clause = clause_for("variant=bonus&bonus-amount=1000000")
    assert "1\u00a0000\u00a0000 kronor" in clause.plain("sv")
    assert "SEK 1,000,000 per" in clause.plain("en")


@pytest.mark.parametrize("items, expected", [
    (["a"], "a"), (["a", "b"], "a och b"), (["a", "b", "c"], "a, b och c"), (["a", "b", "c", "d"], "a, b, c och d"),
])
def test_several_choices_are_joined_as_a_list_with_the_page_languages_and(items, expected):
    assert join(items, "och") == expected


@pytest.mark.parametrize("query, problem", [
    ("variant=employment&months=700", "months: '700' is not a whole number from 1 to 600"),
    ("variant=employment&months=%EF%BC%91%EF%BC%92", "months: '１２' is not a whole number"),  # full-width digits
    ("variant=employment&months=-3", "months: '-3' is not a whole number"),
    ("variant=employment&months=+12", "months: ' 12' is not a whole number"),  # '+' in a query is a space
    ("variant=employment&reporting=weekly", "reporting: 'weekly' is not one of the options"),
    ("variant=employment&groups=pensioners&groups=young-people", "groups: 'pensioners' is not one of the options; ignored"),
    ("variant=bonus&sanctions=penalty", "sanctions: not used by the variant bonus; ignored"),
    ("variant=tender", "variant: 'tender' is unknown; the first variant is shown"),
])
def test_a_value_that_cannot_be_used_is_reported_not_raised(query, problem):
    assert any(p.startswith(problem) for p in clause_for(query).problems), clause_for(query).problems


def test_a_number_or_choice_given_twice_takes_the_first_as_the_page_does():
    assert "minst 12 månader" in clause_for("variant=employment&months=12&months=24").plain("sv")


def test_follow_up_list_is_the_variants_own_in_both_languages():
    for variant in VARIANTS:
        clause = clause_for(f"variant={variant}")
        assert len(clause.follow_up["sv"]) == len(clause.follow_up["en"]) >= 5
        assert all(item.strip() for lang in LANGS for item in clause.follow_up[lang])
    assert any("75-procentsregeln" in item for item in clause_for("variant=employment").follow_up["sv"])
    assert not any("75" in item for item in clause_for("variant=dialogue").follow_up["sv"])


# --- the real data ---------------------------------------------------------------------------------

def _texts(value, path=""):
    """Every {sv, en} text in the data, with its path."""
    if isinstance(value, dict) and set(value) & set(LANGS):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def test_every_clause_text_has_swedish_and_english():
    texts = list(_texts(CONTENT.etools["clauses"]))
    assert len(texts) > 50
    for path, text in texts:
        assert set(text) == set(LANGS) and all(text[lang].strip() for lang in LANGS), path


def test_the_four_variants_each_name_an_https_source_and_a_guide_page_in_both_languages():
    variants = CONTENT.etools["clauses"]["variants"]
    assert [v["id"] for v in variants] == VARIANTS
    for variant in variants:
        assert variant["source"].startswith("https://"), variant["id"]
        for link in variant["links"]:
            assert (ROOT / "docs" / link).is_file() and (ROOT / "docs" / link.replace(".md", ".en.md")).is_file(), link


def test_every_placeholder_is_a_parameter_the_variant_uses_and_every_parameter_appears():
    for variant in clause_data(CONTENT.etools, CONTENT.taxonomy)["variants"]:
        for lang in LANGS:
            used = {name for text in variant["paragraphs"] for name in PLACEHOLDER.findall(text[lang])}
            assert used == set(variant["parameters"]), (variant["id"], lang)
        assert not any("{" in item[lang] for item in variant["follow_up"] for lang in LANGS)


def test_target_groups_come_from_the_taxonomy_in_sentence_case():
    groups = next(p for p in clause_data(CONTENT.etools, CONTENT.taxonomy)["parameters"] if p["id"] == "groups")
    assert [o["id"] for o in groups["options"]] == CONTENT.taxonomy.ids("target_groups")
    youth = next(o for o in groups["options"] if o["id"] == "young-people")
    assert youth["label"] == CONTENT.taxonomy.term("target_groups", "young-people").label
    assert youth["text"] == {"sv": "unga", "en": "young people"}


def test_the_notice_says_guidance_not_legal_advice_and_our_own_wording():
    notice = CONTENT.etools["clauses"]["notice"]
    assert "inte juridisk rådgivning" in notice["sv"] and "inte Upphandlingsmyndighetens mallar" in notice["sv"]
    assert "not legal advice" in notice["en"] and "not Upphandlingsmyndigheten's templates" in notice["en"]


def test_where_the_sources_are_silent_the_variant_note_says_so():
    notes = {v["id"]: v["note"] for v in CONTENT.etools["clauses"]["variants"]}
    assert "b) och c) finns inte i våra källor" in notes["employment"]["sv"]
    assert "bonus amounts are not in our sources" in notes["bonus"]["en"]
    assert "our own" in notes["internship"]["en"] and "vår egen" in notes["internship"]["sv"]


# --- the page ----------------------------------------------------------------------------------------

class _Controls(HTMLParser):
    """The form's controls, labels and legends, as (tag, attributes) and text."""

    def __init__(self):
        super().__init__()
        self.controls, self.label_for, self.legends = [], set(), 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "select"):
            self.controls.append((tag, attrs))
        if tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])
        self.legends += tag == "legend"


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_has_one_labelled_control_per_parameter(lang):
    parser = _Controls()
    parser.feed(render_tool(lang, CONTENT, "verktyg/villkorsbyggare.md"))
    names = {attrs.get("name") for _, attrs in parser.controls}
    parameters = clause_data(CONTENT.etools, CONTENT.taxonomy)["parameters"]
    assert names == {"variant"} | {p["id"] for p in parameters}
    for parameter in parameters:
        controls = [(tag, attrs) for tag, attrs in parser.controls if attrs.get("name") == parameter["id"]]
        if parameter["kind"] == "number":
            (tag, attrs), = controls
            assert attrs["type"] == "number" and (attrs["min"], attrs["max"]) == (str(parameter["min"]), str(parameter["max"]))
            assert attrs["id"] in parser.label_for
        elif parameter["kind"] == "choice":
            (tag, attrs), = controls
            assert tag == "select" and attrs["id"] in parser.label_for
        else:
            assert len(controls) == len(parameter["options"]) and all(attrs["type"] == "checkbox" for _, attrs in controls)
    assert parser.legends == 1 + sum(p["kind"] == "multi" for p in parameters)  # the variant and each multi


@pytest.mark.parametrize("lang", LANGS)
def test_the_result_has_a_column_per_language_a_polite_status_and_a_noscript_message(lang):
    html = render_tool(lang, CONTENT, "verktyg/villkorsbyggare.md")
    assert 'id="kb-clause-sv" lang="sv"' in html and 'id="kb-clause-en" lang="en"' in html
    assert 'role="status" aria-live="polite"' in html
    assert "<noscript>" in html and 'href="../../checklistor/"' in html
    assert html.count('data-kb-copy="') == 2 and "data-kb-print" in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_rules_show_every_variant_with_its_source_text_and_follow_up(lang):
    html = render_rules(lang, CONTENT, "verktyg/villkorsbyggare.md")
    for variant in CONTENT.etools["clauses"]["variants"]:
        clause = clause_for(f"variant={variant['id']}")
        assert f"<h3>{variant['name'][lang]}</h3>" in html
        assert f'href="{variant["source"]}"'.replace("&", "&amp;") in html
        assert all(f"<mark>[{marker.placeholder}]</mark>" in html for p in clause.paragraphs[lang] for marker in p if isinstance(marker, Marker))
        assert all(item.replace("'", "&#x27;") in html for item in clause.follow_up[lang])


# --- the data checks, on small mistakes in a copy of the real file ----------------------------------

BAD_CLAUSES = [
    # (name, text to replace, replacement, expected "field: message" starts)
    ("paragraph without English text",
     'en: "During the contract term, the Supplier shall employ one or more people from the target group, full-time or part-time, '
     'in work belonging to this contract. Together the jobs shall equal at least {months} months of full-time work."', 'en: ""',
     ["clauses.variants[1].paragraphs[0].en: English text is missing"]),
    ("unknown parameter kind", "kind: multi\n      label: {sv: Rekryteringsvägar", "kind: many\n      label: {sv: Rekryteringsvägar",
     ["clauses.parameters[4].kind: 'many' is not one of number, choice, multi"]),
    ("placeholder that the variant does not use", "Bonusen är {bonus-amount} kronor per {bonus-unit}", "Bonusen är {bonus-amount} kronor per {months}",
     ["clauses.variants[3].paragraphs[2].sv: {months} is not a parameter of this variant"]),
    ("Swedish and English with different placeholders", "Bonusen är {bonus-amount} kronor per {bonus-unit}", "Bonusen är {bonus-amount} kronor per enhet",
     ["clauses.variants[3].paragraphs[2]: Swedish uses ['bonus-amount'] but English ['bonus-amount', 'bonus-unit']"]),
    ("placeholder in a follow-up item", "written agreement signed by both parties.", "written agreement signed by {groups}.",
     ["clauses.variants[0].follow_up[3].en: {groups} is not a parameter of this variant; a follow-up item takes no parameters"]),
    ("brace that is not a placeholder", "avses i detta villkor {groups}.", "avses i detta villkor {groups}}.",
     ["clauses.shared_texts.target-group.sv: a brace that is not a {parameter-id}"]),
    ("variant using an unknown parameter", "parameters: [groups, bonus-amount, bonus-unit, reporting]",
     "parameters: [groups, bonus-amount, bonus-unit, reporting, deadline-months]",
     ["clauses.variants[3].parameters[4]: 'deadline-months' is not a parameter"]),
    ("parameter listed but used by no paragraph", "parameters: [groups, bonus-amount, bonus-unit, reporting]",
     "parameters: [groups, bonus-amount, bonus-unit, reporting, routes]",
     ["clauses.variants[3].parameters: 'routes' is listed but no paragraph uses it"]),
    ("number parameter with min above max", "min: 1\n      max: 52", "min: 60\n      max: 52",
     ["clauses.parameters[0].min: min 60 is larger than max 52"]),
    ("duplicate variant id", "- id: internship", "- id: employment",
     ["clauses.variants[2].id: id 'employment' is used twice"]),
    ("duplicate option id", "- id: yearly", "- id: monthly",
     ["clauses.parameters[7].options[3].id: id 'monthly' is used twice"]),
    ("source not https", "source: https://www.upphandlingsmyndigheten.se/kriterier/sysselsattningsframjande-villkor/sysselsattningsframjande-villkor/\n      links",
     "source: http://www.upphandlingsmyndigheten.se/kriterier/sysselsattningsframjande-villkor/sysselsattningsframjande-villkor/\n      links",
     ["clauses.variants[3].source: 'http://"]),
    ("unknown shared text", "        - check-ins\n", "        - check-in\n",
     ["clauses.variants[0].follow_up[5]: 'check-in' is not one of the shared_texts"]),
    ("shared text no variant uses", "  shared_texts:\n", "  shared_texts:\n    unused:\n      sv: Oanvänd.\n      en: Unused.\n",
     ["clauses.shared_texts.unused: no variant uses this shared text"]),
    ("options from an unknown taxonomy category", "      options_from: target_groups", "      options_from: target-groups",
     ["clauses.parameters[3].options_from: 'target-groups' is not one of target_groups"]),
    ("choice without options", "        - id: full-time-month\n          text: {sv: heltidsmånad, en: full-time month}\n        - id: person\n          text: {sv: anställd person, en: person employed}\n", "",
     ["clauses.parameters[6].options: must be a non-empty list"]),
]


@pytest.mark.parametrize("name, old, new, expected", BAD_CLAUSES, ids=[case[0] for case in BAD_CLAUSES])
def test_each_mistake_in_the_clauses_is_reported_on_its_own_line(tmp_path, name, old, new, expected):
    assert_mistake_reported_on_its_own_line(tmp_path, name, old, new, expected)


def test_clause_problem_line_is_the_line_of_the_mistake(tmp_path):
    bad = tmp_path / "etools.yml"
    bad.write_text(ETOOLS.read_text(encoding="utf-8").replace("min: 1\n      max: 52", "min: 60\n      max: 52", 1), encoding="utf-8")
    line = bad.read_text(encoding="utf-8").splitlines().index("      min: 60") + 1
    _, problems = load_etools(bad, "etools.yml", FILTERS)
    assert [str(p) for p in problems] == [f"etools.yml:{line}: clauses.parameters[0].min: min 60 is larger than max 52"]


def test_a_file_without_the_clauses_section_says_so(tmp_path):
    bad = tmp_path / "etools.yml"
    text = ETOOLS.read_text(encoding="utf-8")
    bad.write_text(text[: text.index("\nclauses:\n")] + "\n", encoding="utf-8")
    data, problems = load_etools(bad, "etools.yml", FILTERS)
    assert data is None
    top = next(number for number, line in enumerate(text.splitlines(), 1) if line and not line.startswith("#"))
    assert [str(p) for p in problems] == [f"etools.yml:{top}: clauses: clauses is missing"]  # the line where the data starts
