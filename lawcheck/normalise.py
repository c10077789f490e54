"""Normalise text for matching: tokens with offsets, lemmas, lower case, accents folded.

Tokenising uses a spaCy *blank* pipeline (rules only: no trained model, nothing downloaded); lemmas
come from simplemma. Each token gets two keys, both lower-cased, accent-folded and with typographic
ligatures decomposed ("deﬁned" -> "defined"): its surface form and its lemma; the text and the token
offsets are left as they are. A checklist phrase is normalised by the same steps, so "hijacks" finds
"hijack" and « détourné » finds « détourne ».

Normalisation is a list of named steps (``STEPS``); :func:`normaliser` builds one from names and says
which names exist when given a wrong one.
"""

from __future__ import annotations

import sys
import types
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from lawcheck.errors import LawcheckError

Step = Callable[[str], str]


def lower(text: str) -> str:
    return text.lower()


def fold_accents(text: str) -> str:
    """Remove combining marks: « réclusion » -> « reclusion », "Artículo" -> "Articulo"."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def unify_quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


# The Latin ligatures of Unicode's presentation forms (U+FB00-FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which PDF text
# extraction leaves in words ("deﬁned"), each mapped to its compatibility decomposition ("fi"). Only
# these: other compatibility characters (« º », superscripts) keep their meaning.
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


def fold_ligatures(text: str) -> str:
    """Decompose typographic ligatures: "oﬃcer" -> "officer" (keys only; the text keeps its characters)."""
    return text if text.isascii() else text.translate(_LIGATURES)


STEPS: dict[str, Step] = {"lower": lower, "fold_accents": fold_accents, "unify_quotes": unify_quotes,
                          "fold_ligatures": fold_ligatures}
DEFAULT_STEPS: tuple[str, ...] = ("unify_quotes", "lower", "fold_accents")  # the text of fingerprints too


def normaliser(names: Sequence[str] = DEFAULT_STEPS) -> Step:
    unknown = [name for name in names if name not in STEPS]
    if unknown:
        raise LawcheckError(f"unknown normalisation step {unknown[0]!r}; valid steps: {', '.join(STEPS)}")
    steps = [STEPS[name] for name in names]

    def run(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return run


fold = normaliser()


@lru_cache(maxsize=8)
def _tokenizer(language: str):
    return _spacy().blank(language).tokenizer


def _spacy():  # noqa: ANN202 - the spacy module
    """spaCy, imported when a bill is first tokenised (it is heavy), without its command line.

    ``import spacy`` also imports spaCy's command line (``spacy.cli``: its ``info`` command, which brings weasel,
    jinja2, httpx and the download code), about a fifth of spaCy's start-up, for a tool that never uses it. So the
    first import stands a light ``spacy.cli`` in for it; the stand-in leaves as soon as spaCy is imported, so a
    later ``import spacy.cli`` (or ``spacy.info()``) gets the real one. Should anything in that go wrong, spaCy is
    imported as usual."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    stand_ins = _cli_stand_ins()
    sys.modules.update(stand_ins)
    try:
        import spacy
    except Exception:  # noqa: BLE001 - a spaCy that needs its command line at import: import it as usual
        for name in stand_ins:
            sys.modules.pop(name, None)
        sys.modules.pop("spacy", None)
        import spacy
    else:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        if getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
            del spacy.cli  # the real one is imported on first use
    return spacy


def _cli_stand_ins() -> dict[str, types.ModuleType]:
    cli, info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")

    def real_info(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - spacy.info(), from the real command line
        from spacy.cli.info import info as found

        return found(*args, **kwargs)

    info.info = real_info
    cli.info = info
    return {"spacy.cli": cli, "spacy.cli.info": info}


# Spanish pronominal infinitives ("apoderarse") are looked up without their clitic.
_ES_CLITICS = ("arse", "erse", "irse")


@lru_cache(maxsize=200_000)
def lemma_key(word: str, language: str) -> str:
    """The folded lemma of one lower-cased token (accents kept: the dictionaries need them)."""
    from lawcheck.lemmas import lemmatize  # simplemma's, its decoded dictionaries read from lawcheck's cache

    if language == "es" and word.endswith(_ES_CLITICS) and len(word) > 6:
        word = word[:-2]
    if language == "fr" and len(word) > 2 and word[1] == "'":  # s'emparer -> emparer
        word = word[2:]
    try:
        lemma = lemmatize(word, language)
    except (ValueError, KeyError):  # pragma: no cover - simplemma refuses odd input
        lemma = word
    return fold(lemma)


@dataclass(frozen=True)
class Tokens:
    """The tokens of a text: offsets into the text, folded surface forms and folded lemmas."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    forms: tuple[str, ...]
    lemmas: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.starts)


def key_positions(tokens: Tokens) -> dict[str, list[int]]:
    """Every key of the tokens (folded form, and folded lemma when it differs) -> its token positions."""
    positions: dict[str, list[int]] = defaultdict(list)
    for i, (form, lemma) in enumerate(zip(tokens.forms, tokens.lemmas)):
        positions[form].append(i)
        if lemma != form:
            positions[lemma].append(i)
    return dict(positions)


def _is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def tokenize(text: str, language: str, offset: int = 0) -> Tokens:
    """Tokens of ``text`` (punctuation dropped), offsets shifted by ``offset``."""
    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    lemmas: list[str] = []
    for token in _tokenizer(language)(text):
        surface = token.text
        if not _is_word(surface):
            continue
        lowered = fold_ligatures(unify_quotes(surface)).lower()
        starts.append(offset + token.idx)
        ends.append(offset + token.idx + len(surface))
        forms.append(fold_accents(lowered))
        lemmas.append(lemma_key(lowered, language))
    return Tokens(tuple(starts), tuple(ends), tuple(forms), tuple(lemmas))


@lru_cache(maxsize=50_000)
def phrase_keys(phrase: str, language: str) -> tuple[tuple[str, ...], ...]:
    """A checklist phrase as a sequence of token alternatives; ``("*",)`` marks a gap of 0-3 words.

    Each position holds the folded form and the folded lemma (one or two keys).
    """
    out: list[tuple[str, ...]] = []
    for part in phrase.split():
        out.extend([("*",)] if part == "*" else _word_keys(part, language))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _word_keys(word: str, language: str) -> tuple[tuple[str, ...], ...]:
    """The keys of one whitespace-separated word of a phrase (it may hold several tokens: "l'aéronef")."""
    if word.isalpha() and word not in _tokenizer(language).rules and word.lower() not in _tokenizer(language).rules:
        lowered = fold_ligatures(unify_quotes(word)).lower()  # a plain word is one token: no need to run the tokenizer
        return (tuple(dict.fromkeys((fold_accents(lowered), lemma_key(lowered, language)))),)
    tokens = tokenize(word, language)
    return tuple(tuple(dict.fromkeys((form, lemma))) for form, lemma in zip(tokens.forms, tokens.lemmas))
