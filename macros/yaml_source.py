"""Read one YAML content file into plain data plus the line of every field, or say why not.

PyYAML silently keeps the last of two duplicate keys and turns dates into date objects;
content files need both caught and kept as written, so this loader composes the node tree
once (with libyaml), records lines and duplicates from it, then constructs the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem

MAX_BYTES = 256 * 1024  # a case is a few KiB; anything this large is a mistake, not content

FieldPath = tuple  # ("organisation", "type") or ("outcomes", 0, "value")


class _ContentLoader(yaml.CSafeLoader):
    """Safe libyaml loader that keeps dates as the text the author wrote."""


_ContentLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass
class Source:
    """A parsed file: its data and the line on which each field starts."""

    path: str
    data: object
    lines: dict = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of a field, or of its nearest parent that has one."""
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def dotted(path: FieldPath) -> str:
    """('outcomes', 0, 'value') -> 'outcomes[0].value'."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(file: Path, shown_as: str) -> tuple[Source | None, list[Problem]]:
    """Parse `file`; on failure return no source and the problems, each with its line."""
    raw = file.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown_as, None, "", f"file is {len(raw) // 1024} KiB; a content file may be at most {MAX_BYTES // 1024} KiB")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "", "file is not UTF-8 text; save it as UTF-8")]
    if not text.strip():
        return None, [Problem(shown_as, None, "", "file is empty")]
    return _parse(text, shown_as)


def _parse(text: str, shown_as: str) -> tuple[Source | None, list[Problem]]:
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown_as, None, "", "file holds only comments; it has no fields")]
        problems = _duplicate_keys(node, shown_as)
        source = Source(shown_as, loader.construct_document(node), _lines(node))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = (error.problem or error.context or "not valid YAML").strip()
        return None, [Problem(shown_as, mark.line + 1 if mark else None, "", f"YAML syntax: {what} (column {mark.column + 1})" if mark else f"YAML syntax: {what}")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, None, "", f"YAML syntax: {error}")]
    finally:
        loader.dispose()
    if problems:
        return None, problems
    if not isinstance(source.data, dict):
        found = type(source.data).__name__ if source.data is not None else "nothing"
        return None, [Problem(shown_as, source.line_of(()), "", f"the file must be a mapping of fields (key: value), found {_kind(found)}")]
    return source, []


def _kind(python_type: str) -> str:
    return {"list": "a list", "str": "a single text", "int": "a number", "float": "a number", "bool": "true/false"}.get(python_type, python_type)


def _children(node, path: FieldPath):
    """Yield (key node or None, child node, child path) for mappings and sequences."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key, value, path + (key.value if isinstance(key, yaml.ScalarNode) else str(key.value),)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield None, item, path + (index,)


def _lines(node, path: FieldPath = ()) -> dict:
    lines = {path: node.start_mark.line + 1}
    for _key, child, child_path in _children(node, path):
        lines.update(_lines(child, child_path))
    return lines


def _duplicate_keys(node, shown_as: str, path: FieldPath = ()) -> list[Problem]:
    problems, seen = [], set()
    for key, child, child_path in _children(node, path):
        if key is not None and child_path in seen:
            problems.append(Problem(shown_as, key.start_mark.line + 1, dotted(child_path), "this key appears twice in the same mapping; keep one"))
        seen.add(child_path)
        problems += _duplicate_keys(child, shown_as, child_path)
    return problems
