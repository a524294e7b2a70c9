"""The benchmark scripts still run and print their tables (numbers are recorded in the README, not asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def _table_rows(output: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in output.splitlines() if line.startswith("| ")]


def test_build_benchmark_prints_a_row_per_size():
    result = subprocess.run([sys.executable, "scripts/run_benchmark.py", "--sizes", "5", "--runs", "1"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    header, row = _table_rows(result.stdout)
    assert header[0] == "cases" and row[0] == "5" and len(row) == len(header)


def test_browser_measurements_print_latency_size_and_search_bytes():
    result = subprocess.run([sys.executable, "scripts/measure_browser.py", "--cases", "10", "--toggles", "4"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    header, row = _table_rows(result.stdout)
    assert row[0] == "10" and len(row) == len(header)
    assert float(row[1]) > 0 and "/" in row[2] and "/" in row[4]
