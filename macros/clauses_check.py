"""The checks of the clause builder's data (the `clauses:` section of etools.yml), one Problem per mistake.

A mixin of etools._Checker: it uses the checker's report/fields/items/text/url/id and adds the
field kinds the clauses need. The template language it enforces is documented in etools.yml.
"""

from __future__ import annotations

from .clauses import KINDS, OPTION_SOURCES, PLACEHOLDER
from .taxonomy import LANGUAGES

CLAUSES = {"notice": "text", "and": "text", "parameters": "parameters", "shared_texts": "shared_texts", "variants": "variants"}
PARAMETER = {"id": "id", "kind": "parameter_kind", "label": "text", "placeholder": "text", "hint": "text"}
BY_KIND = {"number": {"min": "number", "max": "number"}, "choice": {"options": "options"}, "multi": {"options": "options"}}
VARIANT = {"id": "id", "name": "text", "source": "url", "links": "links", "note": "text",
           "parameters": "parameter_ids", "paragraphs": "paragraphs", "follow_up": "follow_up"}
OPTION = {"id": "id", "text": "text"}


class ClauseChecks:
    """Field kinds for the clauses section; `clauses()` is the entry point."""

    def clauses(self) -> None:
        clauses = self.mapping(self.source.data.get("clauses"), ("clauses",))
        if clauses is None:
            return
        self.clause_section = clauses
        self.fields(clauses, ("clauses",), CLAUSES)
        self.check_bounds(clauses.get("parameters"))
        self.check_shared_texts_used(clauses)

    def parameters(self, value, path: tuple) -> None:
        self.items(value, path, _parameter_fields)

    def variants(self, value, path: tuple) -> None:
        self.items(value, path, lambda variant: (VARIANT, True))

    def parameter_kind(self, value, path: tuple) -> None:
        if value not in KINDS:
            self.report(path, f"{value!r} is not one of {', '.join(KINDS)}")

    def options(self, value, path: tuple) -> None:
        self.items(value, path, lambda option: (OPTION, True))

    def options_from(self, value, path: tuple) -> None:
        if value not in OPTION_SOURCES:
            self.report(path, f"{value!r} is not one of {', '.join(OPTION_SOURCES)}")

    def shared_texts(self, value, path: tuple) -> None:
        for name, text in (self.mapping(value, path) or {}).items():
            self.text(text, path + (name,))
            self.braces(text, path + (name,), same_parameters=True)

    def parameter_ids(self, value, path: tuple) -> None:
        """The variant's parameters: known, listed once; the variant's texts are checked against them."""
        known = [p.get("id") for p in self._list("parameters") if isinstance(p, dict)]
        if not isinstance(value, list) or not value:
            return self.report(path, f"must be a non-empty list of parameter ids, e.g. [{', '.join(map(str, known[:2]))}]")
        for index, pid in enumerate(value):
            if pid not in known:
                self.report(path + (index,), f"{pid!r} is not a parameter; known are {', '.join(map(str, known))}")
            elif value.index(pid) != index:
                self.report(path + (index,), f"{pid!r} is listed twice")

    def paragraphs(self, value, path: tuple) -> None:
        self.templates(value, path, allowed=self._variant_parameters(path))

    def follow_up(self, value, path: tuple) -> None:
        self.templates(value, path, allowed=[])

    def templates(self, value, path: tuple, allowed: list) -> None:
        """Each item is {sv, en} or a shared text's name (checked once, under shared_texts); the
        placeholders of either must be among `allowed`."""
        if not isinstance(value, list) or not value:
            return self.report(path, "must be a non-empty list of {sv, en} texts or names of shared_texts")
        shared = self.clause_section.get("shared_texts") or {}
        found = set()
        for index, item in enumerate(value):
            if isinstance(item, str) and item not in shared:
                self.report(path + (index,), f"{item!r} is not one of the shared_texts ({', '.join(shared)})")
                continue
            text = shared[item] if isinstance(item, str) else item
            names, all_known = self.placeholders(text, path + (index,), allowed)
            found |= names
            if not isinstance(item, str):
                self.text(item, path + (index,))
                self.braces(item, path + (index,), same_parameters=all_known)  # an unknown one is reported already
        for pid in allowed if path[-1] == "paragraphs" else ():
            if pid not in found:
                self.report(path[:-1] + ("parameters",), f"{pid!r} is listed but no paragraph uses it")

    def placeholders(self, text, path: tuple, allowed: list) -> tuple[set, bool]:
        """The {parameter-id}s a text uses, and whether all are allowed here; each one that is not is reported."""
        texts = text if isinstance(text, dict) else {}
        found, all_known = set(), True
        for lang in LANGUAGES:
            for name in PLACEHOLDER.findall(texts.get(lang) or ""):
                found.add(name)
                if name not in allowed:
                    all_known = False
                    where = ("a follow-up item takes no parameters" if path[-2] == "follow_up"
                             else f"the variant's parameters are {', '.join(allowed)}")
                    self.report(path + (lang,), f"{{{name}}} is not a parameter of this variant; {where}")
        return found, all_known

    def braces(self, text, path: tuple, same_parameters: bool) -> None:
        """No brace outside a {parameter-id}; Swedish and English use the same parameters."""
        given = text if isinstance(text, dict) else {}
        texts = {lang: given[lang] for lang in LANGUAGES if isinstance(given.get(lang), str) and given[lang].strip()}
        for lang, value in texts.items():
            if "{" in PLACEHOLDER.sub("", value) or "}" in PLACEHOLDER.sub("", value):
                self.report(path + (lang,), "a brace that is not a {parameter-id}; write placeholders as {months}")
        used = {lang: set(PLACEHOLDER.findall(value)) for lang, value in texts.items()}
        if same_parameters and len(used) == len(LANGUAGES) and used["sv"] != used["en"]:
            self.report(path, f"Swedish uses {sorted(used['sv'])} but English {sorted(used['en'])}; both must use the same parameters")

    def check_bounds(self, parameters) -> None:
        for index, parameter in enumerate(parameters if isinstance(parameters, list) else []):
            low, high = (parameter.get("min"), parameter.get("max")) if isinstance(parameter, dict) else (None, None)
            if isinstance(low, int) and isinstance(high, int) and low > high:
                self.report(("clauses", "parameters", index, "min"), f"min {low} is larger than max {high}")

    def check_shared_texts_used(self, clauses: dict) -> None:
        used = {item for v in self._list("variants") if isinstance(v, dict)
                for item in (v.get("paragraphs") or []) + (v.get("follow_up") or []) if isinstance(item, str)}
        for name in clauses.get("shared_texts") or {}:
            if name not in used:
                self.report(("clauses", "shared_texts", name), "no variant uses this shared text; remove it or use it")

    def _list(self, key: str) -> list:
        value = self.clause_section.get(key)
        return value if isinstance(value, list) else []

    def _variant_parameters(self, path: tuple) -> list:
        """The variant's listed parameters that exist (an unknown one is reported once, by parameter_ids)."""
        known = {p.get("id") for p in self._list("parameters") if isinstance(p, dict)}
        listed = self._list("variants")[path[2]].get("parameters")
        return [pid for pid in listed if pid in known] if isinstance(listed, list) else []


def _parameter_fields(parameter: dict) -> tuple[dict, bool]:
    """A parameter's fields depend on its kind (with an unknown kind only the common ones are checked);
    a choice or multi takes `options` or `options_from`."""
    if parameter.get("kind") not in BY_KIND:
        return PARAMETER, False
    fields = {**PARAMETER, **BY_KIND[parameter["kind"]]}
    if "options_from" in parameter and "options" in fields:
        fields = {**{k: v for k, v in fields.items() if k != "options"}, "options_from": "options_from"}
    return fields, True
