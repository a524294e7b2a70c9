"""Check every content file and print one line per problem.

Usage: python scripts/check_content.py [--cases DIR] [--write-schema]

Exits 0 when all content is valid, 1 when there are problems (none of them a traceback).
--write-schema rewrites cases/_schema.json from the taxonomy (do this after editing _taxonomy.yml).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.content import load_content  # noqa: E402
from macros.problems import ContentError  # noqa: E402
from macros.schema import schema_json  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, help="check this folder of case files instead of cases/")
    parser.add_argument("--write-schema", action="store_true", help="rewrite cases/_schema.json")
    args = parser.parse_args(argv)
    try:
        content = load_content(ROOT, args.cases)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    if args.write_schema:
        (ROOT / "cases" / "_schema.json").write_text(schema_json(content.taxonomy), encoding="utf-8")
    print(f"{len(content.cases)} cases checked ({len(content.published)} published): no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
