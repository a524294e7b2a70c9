"""Write N synthetic demo cases (illustrative, clearly marked) into a folder, never into cases/.

Usage: python scripts/make_demo_cases.py N FOLDER [--seed S]

The cases are valid, use every taxonomy category, and carry story text of about the length of a
real case, so builds of them cost what real content would. Same N and seed give the same files.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.content import TAXONOMY_FILE  # noqa: E402
from macros.taxonomy import load_taxonomy  # noqa: E402

WORDS = {
    "sv": ("upphandling sysselsättningskrav leverantören kontraktet målgruppen matchningsansvarig praktikplatser "
           "anställning uppföljning beställaren dialog avtalstiden kommunen rekrytering städning byggentreprenad "
           "arbetsmarknaden nyanlända ungdomar startmöte rapportering sanktion bonus ramavtal").split(),
    "en": ("procurement employment requirement supplier contract target group job-matching service internships "
           "employment follow-up client dialogue contract period municipality recruitment cleaning works "
           "labour market new arrivals young people start meeting reporting sanction bonus framework").split(),
}


def _text(rng: random.Random, lang: str, words: int) -> str:
    sentences, left = [], words
    while left > 0:
        length = min(left, rng.randint(8, 16))
        sentence = " ".join(rng.choice(WORDS[lang]) for _ in range(length))
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
        left -= length
    return " ".join(sentences)


def _pick(rng: random.Random, ids: list[str], most: int) -> list[str]:
    return rng.sample(ids, rng.randint(1, min(most, len(ids))))


def demo_case(number: int, rng: random.Random, taxonomy) -> dict:
    """One valid, illustrative case; its id is demo-NNNN."""
    ids = taxonomy.ids
    start = rng.randint(2012, 2024)
    both = lambda words: {lang: _text(rng, lang, words) for lang in ("sv", "en")}  # noqa: E731
    return {
        "id": f"demo-{number:04d}",
        "status": "published",
        "illustrative": True,
        "title": {"sv": f"Demoexempel {number}: krav i {rng.choice(WORDS['sv'])}", "en": f"Demo case {number}: requirements in {rng.choice(WORDS['en'])}"},
        "summary": {lang: text[:380] for lang, text in both(30).items()},
        "organisation": {"name": {"sv": f"Demoorganisation {number}", "en": f"Demo organisation {number}"},
                         "type": rng.choice(ids("organisation_types")), "country": "sweden", "region": rng.choice(ids("counties"))},
        "years": {"start": start, "end": start + rng.randint(0, 3)},
        "sectors": _pick(rng, ids("sectors"), 2),
        "contract_types": _pick(rng, ids("contract_types"), 2),
        "requirement_types": _pick(rng, ids("requirement_types"), 3),
        "target_groups": _pick(rng, ids("target_groups"), 3),
        "work_packages": _pick(rng, ids("work_packages"), 3),
        "roles": _pick(rng, ids("roles"), 3),
        "phases": _pick(rng, ids("phases"), 3),
        "contract": {"value_sek": rng.randint(1, 500) * 1_000_000, "duration_months": rng.choice([12, 24, 36, 48])},
        "story": {part: both(120) for part in ("background", "requirement", "implementation", "results", "lessons")},
        "last_reviewed": "2026-01-15",
        "keywords": {"sv": ["demo"], "en": ["demo"]},
    }


def write_demo_cases(count: int, folder: Path, seed: int = 1) -> list[Path]:
    """Write `count` demo cases into `folder` (which must not be the real cases/ folder)."""
    if folder.resolve() == (ROOT / "cases").resolve():
        raise SystemExit("demo cases never go into cases/; give another folder")
    taxonomy, problems = load_taxonomy(ROOT / TAXONOMY_FILE, TAXONOMY_FILE)
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(1, count + 1):
        case = demo_case(number, rng, taxonomy)
        path = folder / f"{case['id']}.yml"
        path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"wrote {len(write_demo_cases(args.count, args.folder, args.seed))} demo cases to {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
