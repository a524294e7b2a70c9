"""The quality gates' numbers, added up while the tests run and printed at the end of the run.

A gate's test calls `tally("accessibility", pages=1, violations=0)`; the numbers of one gate add
up over its tests. tests/conftest.py prints them after the run, and the README's quality section
records them. Only tests that ran add to them, so a partial run prints partial numbers.
"""

from __future__ import annotations

from collections import defaultdict

TALLY: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))


def tally(gate: str, **numbers: int) -> None:
    """Add to a gate's numbers, e.g. tally("links", pages=1, broken=0)."""
    for name, value in numbers.items():
        TALLY[gate][name] += value


def summary() -> list[str]:
    """One line per gate, in the order the gates first reported: 'accessibility: pages 64, violations 0'."""
    return [f"{gate}: " + ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in numbers.items())
            for gate, numbers in TALLY.items()]
