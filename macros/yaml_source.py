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
        return None, [Problem(shown_as, None, "", f"file is {len(raw):,} bytes; a content file may be at most {MAX_BYTES:,} bytes")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "", "file is not UTF-8 text; save it as UTF-8")]
    if not text.strip():
        return None, [Problem(shown_as, None, "", "file is empty")]
    return _parse(text, shown_as)


# libyaml's words for common slips, and what an author should do about them.
SYNTAX_HINTS = {
    "did not find expected key": "the indentation of this line does not match the fields around it",
    "mapping values are not allowed here": "a ':' where none was expected; put text that contains ': ' in quotes",
    "found unexpected end of stream": "a quote opened here is never closed",
    "found character that cannot start any token": "a character YAML cannot read here",
    "but found another document": "a second '---' starts another document; a case file holds one",
}


def _parse(text: str, shown_as: str) -> tuple[Source | None, list[Problem]]:
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown_as, None, "", "file holds only comments; it has no fields")]
        builder = _Builder(loader, shown_as)
        data = builder.build(node, ())
        if builder.problems:
            return None, sorted(builder.problems, key=Problem.sort_key)
        source = Source(shown_as, data, builder.lines)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, text, shown_as)]
    except yaml.reader.ReaderError as error:  # its own text spans two lines and counts bytes
        return None, [_character_problem(error, text, shown_as)]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, None, "", f"YAML syntax: {error}")]
    finally:
        loader.dispose()
    if not isinstance(source.data, dict):
        found = type(source.data).__name__ if source.data is not None else "nothing"
        return None, [Problem(shown_as, source.line_of(()), "", f"the file must be a mapping of fields (key: value), found {_kind(found)}")]
    return source, []


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, shown_as: str) -> Problem:
    """Point at where the author must look: the opening quote, not the end of the file."""
    what = (error.problem or error.context or "not valid YAML").strip()
    at_end = what == "found unexpected end of stream" and error.context_mark
    mark = error.context_mark if at_end else (error.problem_mark or error.context_mark)
    if mark is None:
        return Problem(shown_as, None, "", f"YAML syntax: {what}")
    line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
    hint = "a tab character; indent with spaces only" if "\t" in line_text else SYNTAX_HINTS.get(what, what)
    return Problem(shown_as, mark.line + 1, "", f"YAML syntax: {hint} (column {mark.column + 1})")


def _character_problem(error: yaml.reader.ReaderError, text: str, shown_as: str) -> Problem:
    """A control character (NUL, BEL, …) YAML refuses; libyaml gives its position in UTF-8 bytes."""
    before = text.encode("utf-8")[: error.position].decode("utf-8", "replace")
    line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    return Problem(shown_as, line, "", f"YAML syntax: an invisible control character (U+{code:04X}); delete it (column {column})")


def _kind(python_type: str) -> str:
    return {"list": "a list", "str": "a single text", "int": "a number", "float": "a number", "bool": "true/false"}.get(python_type, python_type)


class _Builder:
    """Turns the node tree into plain data in one walk, noting each field's key line on the way,
    and refusing duplicate keys and aliases (&a / *a): content needs no sharing, and following
    aliases can make a small file expand without limit."""

    def __init__(self, loader, shown_as: str):
        self.loader, self.shown_as = loader, shown_as
        self.lines: dict = {}
        self.problems: list[Problem] = []
        self._visited: set = set()

    def build(self, node, path: FieldPath):
        self.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self._visited:
            return self._problem(path, "YAML anchors and aliases (& and *) are not allowed in content files; write the value out")
        self._visited.add(id(node))
        if isinstance(node, yaml.ScalarNode):  # plain text is the common case; let PyYAML read the rest
            return node.value if node.tag == _TEXT else self.loader.construct_object(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        mapping = {}
        for key_node, value in node.value:
            if not isinstance(key_node, yaml.ScalarNode):  # `? [a, b]` or `{a: 1}: x`
                self._problem(path, "a field name must be a single word, not a list or mapping", key_node.start_mark.line + 1)
                continue
            key = key_node.value
            if key in mapping:
                self._problem(path + (key,), "this key appears twice in the same mapping; keep one", key_node.start_mark.line + 1)
                continue
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            mapping[key] = self.build(value, path + (key,))
        return mapping

    def _problem(self, path: FieldPath, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.shown_as, line or self.lines.get(path), dotted(path), message))


_TEXT = "tag:yaml.org,2002:str"
