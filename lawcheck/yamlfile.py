"""Reading one YAML file of lawcheck's (the checklist, its drafting vocabularies, the report labels, gold files,
decisions) safely: libyaml's safe loader when available, a key written twice refused, and every problem one
:class:`~lawcheck.errors.CatalogueError` line that names the file and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from lawcheck.errors import CatalogueError


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """A safe loader that refuses a mapping with the same key twice."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            line = key_node.start_mark.line + 1
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r} (line {line})")
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file safely; syntax errors and duplicate keys become CatalogueError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(f"{path}: cannot be read ({error})") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        raise CatalogueError(f"{path}: {_yaml_problem(error)}") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _yaml_problem(error: yaml.YAMLError) -> str:
    """One line for a YAML error: where (line, column), what, and what to do."""
    problem = getattr(error, "problem", None)
    mark = getattr(error, "problem_mark", None)
    if not problem:
        return f"{_one_line(str(error))}; fix the YAML"
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
    if "could not determine a constructor" in problem:
        return f"{where}{_one_line(problem)}; only plain YAML is allowed (no !!python or other tags)"
    if problem.startswith("duplicate key"):
        return f"{_one_line(problem)}; keep only one of them"
    return f"{where}{_one_line(problem)}; fix the YAML syntax"
