"""Load and validate the checklist in offences/ (see offences/README.md for the format).

Every error is a :class:`~lawcheck.errors.CatalogueError` whose message starts with the file and the
path inside it, e.g. ``offences/hague-1970.yaml: offences[0].elements[2].phrases.fr: empty list``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lawcheck.data import checklist_dir
from lawcheck.errors import CatalogueError
from lawcheck.models import (
    LANGUAGES,
    REQUIRED_LANGUAGES,
    UN_LANGUAGES,
    Catalogue,
    Drafting,
    Element,
    Examples,
    Instrument,
    Offence,
)

DEFAULT_DIR = checklist_dir()
ARTICLE_RE = re.compile(
    r"^(?:[0-9]+(?:bis|ter|quater|quinquies|[A-Z])?|[IVXLC]+)"  # 2, 3bis, 11A, II
    r"(?:\((?:[0-9]+|[a-z]{1,2}|[ivxl]+)(?: ?bis| ?ter| ?quater)?\))*$"  # (1)(a)(ii), (1 bis)
)
ID_RE = re.compile(r"^(?P<instrument>[a-z0-9-]+):(?P<article>[^~\s]+)(?:~(?P<variant>[a-z0-9-]+))?$")
ROLES = ("conduct", "object", "means", "mental", "circumstance", "purpose", "result", "target", "knowledge")


# --------------------------------------------------------------------------- YAML with duplicate keys refused


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


# --------------------------------------------------------------------------- schema


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _phrase_lists(value: dict[str, list[str]]) -> dict[str, list[str]]:
    for language in REQUIRED_LANGUAGES:
        if language not in value:
            raise ValueError(f"missing language {language!r}")
    for language, phrases in value.items():
        if language not in UN_LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if not phrases:
            raise ValueError(f"{language}: empty list")
        if any(not str(p).strip() for p in phrases):
            raise ValueError(f"{language}: empty phrase")
    return value


class ExamplesSchema(_Strict):
    match: dict[str, list[str]]
    no_match: dict[str, list[str]]

    _check = field_validator("match", "no_match")(_phrase_lists)


def _words(value: dict[str, str]) -> dict[str, str]:
    """Words for people in each language: every key a supported language, every value non-empty."""
    for language, text in value.items():
        if language not in UN_LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if not str(text).strip():
            raise ValueError(f"{language}: empty text")
    return value


class ElementSchema(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    role: Literal[ROLES]  # type: ignore[valid-type]
    required: bool
    core: bool | None = None
    narrows: bool = False
    label: dict[str, str] = {}
    phrases: dict[str, list[str]]
    examples: ExamplesSchema

    _check = field_validator("phrases")(_phrase_lists)
    _check_label = field_validator("label")(_words)

    @model_validator(mode="after")
    def _narrowing(self) -> ElementSchema:
        if self.narrows and (self.core or self.role in ("conduct", "object") and self.core is None):
            raise ValueError("an element that narrows the treaty offence cannot be core")
        return self


class TranslationSchema(_Strict):
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)


class OffenceSchema(_Strict):
    id: str
    article: str
    kind: Literal["principal", "ancillary", "obligation"]
    optional: bool = False
    title: str = Field(min_length=3)
    summary: str = Field(min_length=10)
    translations: dict[str, TranslationSchema] = {}  # fr, es (ar, ru, zh): title and summary in that language
    extends: list[str] = []
    stored: bool = True
    elements: list[ElementSchema] = Field(min_length=1)
    model_provision: dict[str, str]

    @field_validator("article")
    @classmethod
    def _article(cls, value: str) -> str:
        if not ARTICLE_RE.match(value):
            raise ValueError(f"bad article syntax {value!r} (expected e.g. 1(a), 2(1)(b), 3bis(1)(a), II)")
        return value

    @field_validator("model_provision")
    @classmethod
    def _languages(cls, value: dict[str, str]) -> dict[str, str]:
        missing = [language for language in REQUIRED_LANGUAGES if not value.get(language, "").strip()]
        if missing:
            raise ValueError(f"missing language {missing[0]!r}")
        return _words(value)

    @field_validator("translations")
    @classmethod
    def _translation_languages(cls, value: dict[str, TranslationSchema]) -> dict[str, TranslationSchema]:
        unknown = [language for language in value if language not in UN_LANGUAGES or language == "en"]
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r}")
        return value

    @model_validator(mode="after")
    def _unique_elements(self) -> OffenceSchema:
        ids = [element.id for element in self.elements]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate element id {duplicates[0]!r}")
        if self.extends and self.kind != "ancillary":
            raise ValueError("only an ancillary offence extends others")
        return self


class AdoptedSchema(_Strict):
    date: date
    place: str


class InstrumentSchema(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    title: str
    titles: dict[str, str] = {}  # fr, es: the instrument's title in that language

    _check_titles = field_validator("titles")(_words)
    adopted: AdoptedSchema
    short_names: dict[str, list[str]]
    sources: str
    amends: str | None = None
    priority: int = Field(default=0, ge=0)  # 1, 2...: its gaps come first in a report (0: no precedence)

    _check = field_validator("short_names")(_phrase_lists)


class InstrumentFileSchema(_Strict):
    instrument: InstrumentSchema
    offences: list[OffenceSchema] = Field(min_length=1)


class DraftingSchema(_Strict):
    language: Literal[LANGUAGES]  # type: ignore[valid-type]
    penal: list[str] = Field(min_length=1)
    duty: list[str] = Field(min_length=1)
    by_reference: list[str] = Field(min_length=1)
    whole_act: list[str] = Field(min_length=1)
    carve_out: list[str] = Field(min_length=1)
    stopwords: list[str] = Field(min_length=10)
    reported: list[str] = []
    engage: list[str] = []
    extraterritorial: list[str] = []
    offender: list[str] = []
    negation: list[str] = []
    means: list[str] = []


# --------------------------------------------------------------------------- loading


def _error_path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _validate(schema: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return schema.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = "unknown key; remove it or check its spelling (offences/README.md lists the keys)"
        where = _error_path(first["loc"])
        raise CatalogueError(f"{path}: {where}: {message}" if where else f"{path}: {message}") from None


def _to_offence(schema: OffenceSchema, instrument: str, path: Path) -> Offence:
    match = ID_RE.match(schema.id)
    if not match or match["instrument"] != instrument or match["article"] != schema.article:
        raise CatalogueError(
            f"{path}: offence {schema.id!r}: id must be '{instrument}:{schema.article}' (optionally '~variant')"
        )
    elements = tuple(
        Element(
            id=e.id,
            role=e.role,
            required=e.required,
            core=e.core if e.core is not None else e.role in ("conduct", "object"),
            narrows=e.narrows,
            label=dict(e.label),
            phrases={k: tuple(v) for k, v in e.phrases.items()},
            examples=Examples(
                match={k: tuple(v) for k, v in e.examples.match.items()},
                no_match={k: tuple(v) for k, v in e.examples.no_match.items()},
            ),
        )
        for e in schema.elements
    )
    return Offence(
        id=schema.id,
        instrument=instrument,
        article=schema.article,
        kind=schema.kind,
        optional=schema.optional,
        title=schema.title.strip(),
        summary=" ".join(schema.summary.split()),
        titles={"en": schema.title.strip(), **{k: t.title.strip() for k, t in schema.translations.items()}},
        summaries={"en": " ".join(schema.summary.split()),
                   **{k: " ".join(t.summary.split()) for k, t in schema.translations.items()}},
        elements=elements,
        model_provision={k: v.strip() for k, v in schema.model_provision.items()},
        extends=tuple(schema.extends),
        source_file=str(path),
        stored=schema.stored,
    )


def _load_instrument(path: Path) -> tuple[Instrument, list[Offence]]:
    data = _validate(InstrumentFileSchema, load_yaml(path), path)
    header = data.instrument
    if header.id != path.stem:
        raise CatalogueError(f"{path}: instrument.id: {header.id!r} must be the file name {path.stem!r}")
    instrument = Instrument(
        id=header.id,
        title=header.title,
        adopted_date=header.adopted.date.isoformat(),
        adopted_place=header.adopted.place,
        short_names={k: tuple(v) for k, v in header.short_names.items()},
        sources=" ".join(header.sources.split()),
        source_file=str(path),
        amends=header.amends or "",
        priority=header.priority,
        titles={"en": header.title, **header.titles},
    )
    return instrument, [_to_offence(o, header.id, path) for o in data.offences]


def _load_drafting(directory: Path) -> dict[str, Drafting]:
    drafting: dict[str, Drafting] = {}
    for path in sorted((directory / "drafting").glob("*.yaml")):
        data = _validate(DraftingSchema, load_yaml(path), path)
        if data.language != path.stem:
            raise CatalogueError(f"{path}: language: {data.language!r} must be the file name {path.stem!r}")
        values = {k: tuple(v) for k, v in data.model_dump().items() if k != "language"}
        drafting[data.language] = Drafting(language=data.language, **values)
    return drafting


def _check_references(offences: list[Offence]) -> None:
    seen: dict[str, Offence] = {}
    for offence in offences:
        if offence.id in seen:
            raise CatalogueError(f"{offence.source_file}: duplicate offence id {offence.id!r}")
        seen[offence.id] = offence
    for offence in offences:
        for target in offence.extends:
            if target not in seen:
                raise CatalogueError(f"{offence.source_file}: {offence.id}: extends unknown offence {target!r}")


def load_catalogue(directory: str | Path | None = None) -> Catalogue:
    """Load every instrument file and the drafting vocabularies from ``directory`` (default offences/).

    A custom directory without its own drafting/ folder borrows the default one.
    """
    root = Path(directory) if directory else DEFAULT_DIR
    if not root.is_dir():
        raise CatalogueError(f"{root}: not a folder of offences (expected <instrument>.yaml files); give a checklist folder with --offences DIR")
    if (root / "drafting").is_dir():  # a self-contained checklist folder: its content is the cache key
        from lawcheck.cache import cached

        return cached(root.resolve(), lambda: _load_catalogue(root))
    return _load_catalogue(root)


def _load_catalogue(root: Path) -> Catalogue:
    instruments: dict[str, Instrument] = {}
    offences: list[Offence] = []
    for path in sorted(root.glob("*.yaml")):
        instrument, entries = _load_instrument(path)
        instruments[instrument.id] = instrument
        offences.extend(entries)
    if not instruments:
        raise CatalogueError(f"{root}: no <instrument>.yaml file found")
    _check_references(offences)
    for instrument in instruments.values():
        if instrument.amends and instrument.amends not in instruments:
            raise CatalogueError(f"{instrument.source_file}: instrument.amends: unknown instrument {instrument.amends!r}")
    drafting = _load_drafting(root if (root / "drafting").is_dir() else DEFAULT_DIR)
    missing = [language for language in LANGUAGES if language not in drafting]
    if missing:
        raise CatalogueError(f"{root}: drafting/{missing[0]}.yaml is missing")
    return Catalogue(instruments, tuple(offences), drafting, str(root))


def missing_words(offence: Offence, instrument: Instrument, language: str) -> str:
    """What the entry lacks to be complete in ``language`` ("" when nothing): every element's phrases, label and
    examples, the entry's title, summary and model provision, the instrument's title and short names."""
    for element in offence.elements:
        for what, words in (("phrases", element.phrases), ("label", element.label),
                            ("examples.match", element.examples.match)):
            if not words.get(language):
                return f"elements {element.id!r}: no {what} in {language}"
    for what, words in (("title", offence.titles), ("summary", offence.summaries),
                        ("model_provision", offence.model_provision)):
        if not words.get(language):
            return f"no {what} in {language}"
    if not instrument.titles.get(language) or not instrument.short_names.get(language):
        return f"instrument {instrument.id}: no title or short names in {language}"
    return ""


def _carries(offence: Offence, language: str) -> bool:
    """Whether the entry carries any words in ``language`` (an entry is written in a language whole or not)."""
    return (any(language in e.phrases or language in e.label for e in offence.elements)
            or language in offence.model_provision or language in offence.titles)


def language_coverage(catalogue: Catalogue) -> dict[str, tuple[int, int, tuple[str, ...]]]:
    """Per language: the entries available in it (judged on a bill in it), the entries complete in it (every
    word, see :func:`missing_words`), and the entries partly written in it (some words, not all)."""
    out = {}
    for language in LANGUAGES:
        available = len(catalogue.available(language))
        complete = [o for o in catalogue.offences
                    if not missing_words(o, catalogue.instruments[o.instrument], language)]
        partly = tuple(o.id for o in catalogue.offences if _carries(o, language)
                       and missing_words(o, catalogue.instruments[o.instrument], language))
        out[language] = (available, len(complete), partly)
    return out


def require_all_languages(catalogue: Catalogue) -> None:
    """Raise a CatalogueError naming the first entry that is not complete in one of the six languages."""
    for language in LANGUAGES:
        for offence in catalogue.offences:
            missing = missing_words(offence, catalogue.instruments[offence.instrument], language)
            if missing:
                count = sum(1 for o in catalogue.offences if missing_words(o, catalogue.instruments[o.instrument], language))
                raise CatalogueError(f"{offence.source_file}: {offence.id}: {missing} ({count} of "
                                     f"{len(catalogue.offences)} entries are not complete in {language}); write them, "
                                     "or validate without --require-all-languages")


def offence_dict(offence: Offence) -> dict[str, Any]:
    """One checklist entry as plain data (for `lawcheck offences list --format json`)."""
    return {
        "id": offence.id, "instrument": offence.instrument, "article": offence.article, "kind": offence.kind,
        "optional": offence.optional, "stored": offence.stored, "title": offence.title, "summary": offence.summary,
        "extends": list(offence.extends),
        "elements": [
            {"id": e.id, "role": e.role, "required": e.required, "core": e.core,
             "phrases": {k: list(v) for k, v in e.phrases.items()},
             "examples": {"match": {k: list(v) for k, v in e.examples.match.items()},
                          "no_match": {k: list(v) for k, v in e.examples.no_match.items()}}}
            for e in offence.elements
        ],
        "model_provision": dict(offence.model_provision),
    }
