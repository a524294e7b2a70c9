"""The suitability check: turn yes/no answers into one outcome and the questions that led there.

The rule language is documented at the top of etools.yml: answers form named sets of question
ids (readiness_no, indicator_yes, …); an outcome applies when every count test in its `when`
holds, and exactly one must apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

GROUPS = ("readiness", "suitability")
SET_NAMES = tuple(f"{group}_{word}" for group in GROUPS + ("indicator",) for word in ("yes", "no"))
COUNT_TEST = re.compile(r"^(>=|<=|==)(\d+)$")


class AnswerError(ValueError):
    """The answers do not match the questions: some unknown, missing or not yes/no."""


@dataclass(frozen=True)
class Result:
    """The outcome id and the ids of the questions whose answers led there, in question order."""

    outcome: str
    reasons: tuple


def evaluate(answers: dict[str, bool], tools: dict) -> Result:
    """The one outcome the answers lead to; raises AnswerError for unknown, missing or non-yes/no answers."""
    questions, outcomes = tools["suitability"]["questions"], tools["suitability"]["outcomes"]
    _check_answers(answers, [question["id"] for question in questions])
    sets = answer_sets(questions, answers)
    applying = [o for o in outcomes if all(_holds(test, len(sets[name])) for name, test in o["when"].items())]
    if len(applying) != 1:
        found = ", ".join(o["id"] for o in applying) or "none"
        raise ValueError(f"etools.yml: the outcome rules must give exactly one outcome; these answers give {found}")
    named = {qid for name in applying[0]["reasons"] for qid in sets[name]}
    return Result(applying[0]["id"], tuple(q["id"] for q in questions if q["id"] in named))


def answer_sets(questions: list[dict], answers: dict[str, bool]) -> dict[str, list[str]]:
    """The named sets of the rule language: readiness_no -> ids of readiness questions answered no, …"""
    sets = {name: [] for name in SET_NAMES}
    for question in questions:
        word = "yes" if answers[question["id"]] else "no"
        sets[f"{question['group']}_{word}"].append(question["id"])
        if question.get("indicator"):
            sets[f"indicator_{word}"].append(question["id"])
    return sets


def _holds(test: str, count: int) -> bool:
    operator, number = COUNT_TEST.match(test).groups()
    return {">=": count >= int(number), "<=": count <= int(number), "==": count == int(number)}[operator]


def _check_answers(answers: dict, known: list[str]) -> None:
    messages = []
    unknown = sorted(set(answers) - set(known))
    missing = [qid for qid in known if qid not in answers]
    not_yes_no = [qid for qid in known if qid in answers and not isinstance(answers[qid], bool)]
    if unknown:
        messages.append(f"unknown question ids: {', '.join(unknown)} (known: {', '.join(known)})")
    if missing:
        messages.append(f"no answer for: {', '.join(missing)}")
    if not_yes_no:
        messages.append(f"answers must be true (yes) or false (no): {', '.join(not_yes_no)}")
    if messages:
        raise AnswerError("; ".join(messages))
