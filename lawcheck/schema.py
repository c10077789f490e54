"""The checklist's schema: one instrument file or drafting file validated (pydantic) and made into typed data.

Imported only when the checklist is read from its YAML files (not when it comes from the cache), so a short
check does not pay for building the schema's classes. Every error is a :class:`~lawcheck.errors.CatalogueError`
whose message starts with the file and the path inside it, e.g.
``offences/hague-1970.yaml: offences[0].elements[2].phrases.fr: empty list``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from lawcheck.errors import CatalogueError
from lawcheck.models import (
    LANGUAGES,
    REQUIRED_LANGUAGES,
    UN_LANGUAGES,
    Drafting,
    Element,
    Examples,
    Instrument,
    Offence,
)
from lawcheck.yamlfile import load_yaml

ARTICLE_RE = re.compile(
    r"^(?:[0-9]+(?:bis|ter|quater|quinquies|[A-Z])?|[IVXLC]+)"  # 2, 3bis, 11A, II
    r"(?:\((?:[0-9]+|[a-z]{1,2}|[ivxl]+)(?: ?bis| ?ter| ?quater)?\))*$"  # (1)(a)(ii), (1 bis)
)
ID_RE = re.compile(r"^(?P<instrument>[a-z0-9-]+):(?P<article>[^~\s]+)(?:~(?P<variant>[a-z0-9-]+))?$")
ROLES = ("conduct", "object", "means", "mental", "circumstance", "purpose", "result", "target", "knowledge")


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


def _qualifier_lists(value: dict[str, list[str]]) -> dict[str, list[str]]:
    """Optional, language by language (only where the qualifier stands before the word it qualifies)."""
    for language, phrases in value.items():
        if language not in UN_LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if not phrases or any(not str(p).strip() for p in phrases):
            raise ValueError(f"{language}: empty list or phrase")
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
    outside: dict[str, list[str]] = {}
    outside_after: dict[str, list[str]] = {}

    _check = field_validator("phrases")(_phrase_lists)
    _check_outside = field_validator("outside", "outside_after")(_qualifier_lists)
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
    penalty_change: list[str] = []
    borrowed_penalty: list[str] = []
    negation: list[str] = []
    means: list[str] = []
    means_as_written: bool = False
    carve_out_reach: Literal["words", "clause"] = "words"
    insertion: list[str] = []
    inserted_label: str = ""
    list_separator: str = Field(default="", max_length=3)
    list_conjunctions: list[str] = []

    @field_validator("insertion")
    @classmethod
    def _formulas(cls, value: list[str]) -> list[str]:
        """Each formula a regular expression (case ignored) that cannot match an empty line."""
        for number, formula in enumerate(value):
            try:
                compiled = re.compile(formula, re.I)
            except re.error as error:
                raise ValueError(f"entry {number} is not a regular expression ({error}); fix it") from None
            if compiled.search(""):
                raise ValueError(f"entry {number} matches an empty line; it must name words")
        return value

    @field_validator("list_conjunctions")
    @classmethod
    def _conjunctions(cls, value: list[str]) -> list[str]:
        if any(not word.strip() for word in value):
            raise ValueError("empty word")
        return value

    @model_validator(mode="after")
    def _needs(self) -> DraftingSchema:
        if self.insertion and not self.inserted_label.strip():
            raise ValueError("insertion needs inserted_label (the word naming an inserted provision, e.g. inserting)")
        if self.list_conjunctions and not self.list_separator.strip():
            raise ValueError("list_conjunctions needs list_separator (the mark joining the words of a list, e.g. 、)")
        return self

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
            outside={k: tuple(v) for k, v in e.outside.items()},
            outside_after={k: tuple(v) for k, v in e.outside_after.items()},
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


def load_instrument(path: Path) -> tuple[Instrument, list[Offence]]:
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


def load_drafting(directory: Path) -> dict[str, Drafting]:
    drafting: dict[str, Drafting] = {}
    for path in sorted((directory / "drafting").glob("*.yaml")):
        data = _validate(DraftingSchema, load_yaml(path), path)
        if data.language != path.stem:
            raise CatalogueError(f"{path}: language: {data.language!r} must be the file name {path.stem!r}")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.model_dump().items() if k != "language"}
        drafting[data.language] = Drafting(language=data.language, **values)
    return drafting
