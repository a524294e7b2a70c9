"""The placement estimator: what each rule of thumb in etools.yml gives for one contract, and why.

Each result carries the rule's name, source and limits and an explanation in both languages with
the arithmetic written out, so no figure appears alone. Two teaching choices, also stated in the
data: results are rounded down (whole places, whole kronor), and the wage bill is never guessed
from the contract value – the caller passes it (`wage_bill_sek`), or the share-of-wage-bill rule
returns no amount and says it needs the wage bill.
"""

from __future__ import annotations

from dataclasses import dataclass

from .taxonomy import LANGUAGES

CONTRACT_TYPES = ("works", "services")

# The fields each kind of rule needs beyond id/kind/name/source/limits, and how the loader checks them.
KINDS = {
    "places-per-value": {"msek_per_place": "per_contract_type", "explanation": "text", "rounding": "text"},
    "share-of-wage-bill": {
        "percent": "number", "explanation": "text", "without_wage_bill": "text",
        "contract_value_base": "text", "contract_value_base_source": "url",
        "min_months": "number", "min_months_source": "url", "short_contract": "text",
    },
}


@dataclass(frozen=True)
class Contract:
    """What the user tells the estimator about one contract."""

    value_sek: int
    type: str
    months: int
    wage_bill_sek: int | None = None


@dataclass(frozen=True)
class Estimate:
    """One rule's result: `amount` is places or kronor as `unit` says, None when it cannot be computed."""

    rule: str
    name: dict
    amount: int | None
    unit: str  # "places" or "sek"
    explanation: dict
    source: str
    limits: dict


def estimate(value_sek: int, contract_type: str, months: int, tools: dict, wage_bill_sek: int | None = None) -> list[Estimate]:
    """Every rule's estimate for the contract, in the order of the data."""
    contract = Contract(value_sek, contract_type, months, wage_bill_sek)
    _check_contract(contract)
    placement = tools["placement"]
    return [COMPUTE[rule["kind"]](rule, contract, placement) for rule in placement["rules"]]


def _check_contract(contract: Contract) -> None:
    def whole(value) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0

    if not whole(contract.value_sek):
        raise ValueError(f"value_sek must be a whole number of kronor, 0 or more; got {contract.value_sek!r}")
    if contract.type not in CONTRACT_TYPES:
        raise ValueError(f"contract_type must be one of {', '.join(CONTRACT_TYPES)}; got {contract.type!r}")
    if not whole(contract.months) or contract.months < 1:
        raise ValueError(f"months must be a whole number of months, 1 or more; got {contract.months!r}")
    if contract.wage_bill_sek is not None and not whole(contract.wage_bill_sek):
        raise ValueError(f"wage_bill_sek must be a whole number of kronor, 0 or more, or None; got {contract.wage_bill_sek!r}")
    if contract.wage_bill_sek is not None and contract.wage_bill_sek > contract.value_sek:
        raise ValueError(f"wage_bill_sek ({contract.wage_bill_sek}) cannot be larger than the contract value ({contract.value_sek})")


def sek(amount: int, lang: str) -> str:
    """1500000 -> '1 500 000' (Swedish, no-break spaces) or '1,500,000' (English)."""
    grouped = f"{amount:,}"
    return grouped.replace(",", "\u00a0") if lang == "sv" else grouped


def _places_per_value(rule: dict, contract: Contract, placement: dict) -> Estimate:
    """Whole places per full block of contract value; a started block gives no place (rounded down)."""
    msek = rule["msek_per_place"][contract.type]
    places = contract.value_sek // (msek * 1_000_000)
    explanation = {
        lang: rule["explanation"][lang].format(
            msek_per_place=msek, places=places, value=sek(contract.value_sek, lang),
            contract_type=placement["contract_types"][contract.type][lang],
        ) + " " + rule["rounding"][lang]
        for lang in LANGUAGES
    }
    return Estimate(rule["id"], rule["name"], places, "places", explanation, rule["source"], rule["limits"])


def _share_of_wage_bill(rule: dict, contract: Contract, placement: dict) -> Estimate:
    """Money for the target group; the other base some sources use is always shown beside it."""
    percent = rule["percent"]
    amount = None if contract.wage_bill_sek is None else contract.wage_bill_sek * percent // 100
    explanation = {}
    for lang in LANGUAGES:
        values = {
            "percent": percent, "months": contract.months, "min_months": rule["min_months"],
            "value": sek(contract.value_sek, lang), "alternative": sek(contract.value_sek * percent // 100, lang),
            "wage_bill": sek(contract.wage_bill_sek or 0, lang), "amount": sek(amount or 0, lang),
        }
        parts = [rule["explanation"] if amount is not None else rule["without_wage_bill"], rule["contract_value_base"]]
        if contract.months < rule["min_months"]:
            parts.append(rule["short_contract"])
        explanation[lang] = " ".join(part[lang].format(**values) for part in parts)
    return Estimate(rule["id"], rule["name"], amount, "sek", explanation, rule["source"], rule["limits"])


COMPUTE = {"places-per-value": _places_per_value, "share-of-wage-bill": _share_of_wage_bill}
