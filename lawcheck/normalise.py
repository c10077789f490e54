"""Normalise text for matching: tokens with offsets, lemmas, lower case, accents folded.

Tokenising uses a spaCy *blank* pipeline (rules only: no trained model, nothing downloaded) for the
languages written with spaces between words, except Arabic, whose words are runs of letters and their
vowel marks (:data:`_ARABIC_WORD_RE`); Chinese is segmented into words by jieba (``rjieba``, its
dictionary shipped inside the package, no HMM guessing: the same words whatever surrounds them), each word
with its character offsets, and a compound cut into the dictionary words it is made of (:func:`_zh_parts`);
traditional characters are read as simplified ones (:func:`simplified`, OpenCC). Lemmas come from
simplemma (en, fr, es, ar), from pymorphy3 for Russian (chosen by measurement: it meets more inflected
forms of legal words), and Chinese words are their own lemma. Arabic words lose their clitics (و ف ب ل ك
and the article ال) in their lemma, so « والطائرة » meets « طائرة ». Each module is imported on the first
bill of its language only. Each token gets two keys, both lower-cased, accent-folded and with typographic
ligatures decomposed ("deﬁned" -> "defined"): its surface form and its lemma; the text and the token
offsets are left as they are. A checklist phrase is normalised by the same steps, so "hijacks" finds
"hijack" and « détourné » finds « détourne ».

Normalisation is a list of named steps (``STEPS``); :func:`normaliser` builds one from names and says
which names exist when given a wrong one.
"""

from __future__ import annotations

import re
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


# Cyrillic "й" is a letter of its own, not "и" with an accent: kept through folding ("ё" folds to "е").
_KEEP = {ord("й"): "\ue000", ord("Й"): "\ue001"}
_RESTORE = {0xE000: "й", 0xE001: "Й"}


def fold_accents(text: str) -> str:
    """Remove combining marks: « réclusion » -> « reclusion », "Artículo" -> "Articulo", "ёмкость" ->
    "емкость"; Arabic vowel marks go too, and the hamza over or under alef, waw and ya (أ إ آ -> ا)."""
    if text.isascii():
        return text
    keep = "й" in text or "Й" in text
    decomposed = unicodedata.normalize("NFD", text.translate(_KEEP) if keep else text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.translate(_RESTORE) if keep else folded


# Arabic letters that spelling varies on, folded for matching (keys only): alef wasla, alef maqsura and ta
# marbuta (ى -> ي, ة -> ه), Persian kaf and ya, the tatweel that stretches a word, and the Arabic-Indic
# and Eastern Arabic-Indic digits (١٢٣ -> 123).
_LETTERS = {ord("ٱ"): "ا", ord("ى"): "ي", ord("ة"): "ه", ord("ک"): "ك", ord("ی"): "ي", ord("\u0640"): None,
            **{0x0660 + d: str(d) for d in range(10)}, **{0x06F0 + d: str(d) for d in range(10)}}


_LETTERS_RE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_LETTERS)) + "]")
_LETTER_FOR = {chr(code): value or "" for code, value in _LETTERS.items()}


def fold_letters(text: str) -> str:
    """Fold the Arabic letter variants of :data:`_LETTERS` ("مادّة" keeps its shadda here: see fold_accents).
    The letters are found by a regular expression (``str.translate`` would look up every character of the text)."""
    return text if text.isascii() else _LETTERS_RE.sub(lambda m: _LETTER_FOR[m.group()], text)


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
                          "fold_ligatures": fold_ligatures, "fold_letters": fold_letters}
# the text of fingerprints too (fold_letters changes nothing in a text in Latin letters)
DEFAULT_STEPS: tuple[str, ...] = ("unify_quotes", "lower", "fold_accents", "fold_letters")


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
    """The tokenizer of a blank pipeline of ``language``. The language's class (``spacy.lang.en.English``) is
    made directly: the same blank pipeline as ``spacy.blank(language)`` (the same tokenizer rules and patterns,
    from the same defaults), without first resolving and validating a configuration, a fifth of its time."""
    return _spacy().util.get_lang_class(language)().tokenizer


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
SEGMENTED = ("zh",)  # languages written without spaces between words: segmented by jieba
OWN_TOKENIZER = ("zh", "ar")  # languages not tokenised by spaCy


def form_key(lowered: str) -> str:
    """The folded surface form of a lower-cased token (accents, vowel marks and letter variants folded)."""
    return fold_letters(fold_accents(lowered))


@lru_cache(maxsize=200_000)
def lemma_key(word: str, language: str) -> str:
    """The folded lemma of one lower-cased token (accents kept: the dictionaries need them)."""
    if language == "zh":
        return form_key(word)
    if language == "ru":
        from lawcheck.lemmas import russian_lemma  # pymorphy3, imported on the first Russian word

        return form_key(russian_lemma(word))
    if language == "ar":
        from lawcheck.lemmas import arabic_lemma

        return form_key(arabic_lemma(word))
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
    if tokens.forms == tokens.lemmas:  # Chinese words are their own lemmas: no lemma to compare token by token
        for i, form in enumerate(tokens.forms):
            positions[form].append(i)
        return dict(positions)
    for i, (form, lemma) in enumerate(zip(tokens.forms, tokens.lemmas)):
        positions[form].append(i)
        if lemma != form:
            positions[lemma].append(i)
    return dict(positions)


def _is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


# An Arabic (or any) word: letters and digits with the marks written on them (vowel marks, shadda, the
# tatweel), so that « طائرةٍ » is one token and the full stop after it is not part of it.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_ARABIC_WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+(?:['’](?:[^\W_]|[{_MARKS}])+)*")


def _spans(text: str, language: str) -> list[tuple[int, int]]:
    """(start, end) of each token of ``text`` that holds a letter or a digit."""
    if language in SEGMENTED:
        import rjieba  # imported on the first Chinese text only

        return [(start + a, start + b) for word, start, end in rjieba.tokenize(text, "default", False)
                if _is_word(word) for a, b in _zh_parts(word)]
    if language == "ar":
        return [m.span() for m in _ARABIC_WORD_RE.finditer(text) if _is_word(m.group(0))]
    return [(t.idx, t.idx + len(word)) for t in _tokenizer(language)(text) if _is_word(word := t.text)]


# One-character words that jieba keeps on the word after them ("相威胁", "被劫持", "处死刑"): split off, so "威胁"
# and "死刑" are found.
_ZH_PREFIXES = frozenset("相被对以向将把在从为由与和或及并处判")


@lru_cache(maxsize=100_000)
def _zh_parts(word: str) -> tuple[tuple[int, int], ...]:
    """The spans of the smallest dictionary words a Chinese word is made of, so that a compound does not hide
    its parts: "公共安全" is "公共" + "安全" (a phrase "危害 * 安全" finds it), "有期徒刑" is "有期" + "徒刑",
    "相威胁" is "相" + "威胁". Phrases are cut the same way, so "有期徒刑" still finds "有期徒刑"."""
    import rjieba

    if len(word) >= 4:
        middle = len(word) / 2
        for cut in sorted(range(2, len(word) - 1), key=lambda i: (abs(i - middle), i)):
            if rjieba.has_word(word[:cut]) and rjieba.has_word(word[cut:]):
                return (*_zh_parts(word[:cut]), *((cut + a, cut + b) for a, b in _zh_parts(word[cut:])))
    if len(word) == 3 and word[0] in _ZH_PREFIXES and rjieba.has_word(word[1:]):
        return ((0, 1), (1, 3))
    return ((0, len(word)),)


@lru_cache(maxsize=1)
def _to_simplified():  # noqa: ANN202 - an opencc converter
    import opencc  # imported on the first Chinese text only

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Chinese text in simplified characters, one character for one (offsets do not move): a law of Taiwan,
    Hong Kong or Macao (處、無期徒刑、機場) meets the checklist's words (处、无期徒刑、机场) and is segmented as
    well as they are. OpenCC's conversion; a character it would turn into more or fewer is left as it is."""
    if text.isascii():
        return text
    convert = _to_simplified().convert
    out = convert(text)
    if len(out) == len(text):
        return out
    return "".join(c if len(d := convert(c)) != 1 else d for c in text)


def tokenize(text: str, language: str, offset: int = 0) -> Tokens:
    """Tokens of ``text`` (punctuation dropped), offsets shifted by ``offset``."""
    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    lemmas: list[str] = []
    if language in SEGMENTED:
        text = simplified(text)  # the same length: the offsets are those of the text as written
    for start, end in _spans(text, language):
        lowered = fold_ligatures(unify_quotes(text[start:end])).lower()
        starts.append(offset + start)
        ends.append(offset + end)
        forms.append(form_key(lowered))
        lemmas.append(lemma_key(lowered, language))
    return Tokens(tuple(starts), tuple(ends), tuple(forms), tuple(lemmas))


EXACT = "="  # a phrase word written "=применением" meets that form only: « с применением насилия » is how an act
# is done, « применение насилия » (the same lemmas) is the act itself


@lru_cache(maxsize=50_000)
def phrase_keys(phrase: str, language: str) -> tuple[tuple[str, ...], ...]:
    """A checklist phrase as a sequence of token alternatives; ``("*",)`` marks a gap of 0-3 words, and a key
    that begins with ``EXACT`` a word matched in that form only (neither its lemma nor a near spelling).

    Each position holds the folded form and the folded lemma (one or two keys; a Russian word whose reading
    is ambiguous also every lemma it may have, so « суда » meets both « судно » and « суд »). A Chinese
    phrase is written without spaces and segmented as a bill is (spaces only around ``*``).
    """
    out: list[tuple[str, ...]] = []
    for part in phrase.split():
        if part == "*":
            out.append(("*",))
        elif part.startswith(EXACT) and len(part) > 1:  # "=применением": this inflected form only, not its lemma
            out.extend((EXACT + form,) for form in tokenize(part[1:], language).forms)
        else:
            out.extend(_word_keys(part, language))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _word_keys(word: str, language: str) -> tuple[tuple[str, ...], ...]:
    """The keys of one whitespace-separated word of a phrase (it may hold several tokens: "l'aéronef")."""
    if language in OWN_TOKENIZER:
        tokens = tokenize(word, language)
    elif word.isalpha() and word not in _tokenizer(language).rules and word.lower() not in _tokenizer(language).rules:
        lowered = fold_ligatures(unify_quotes(word)).lower()  # a plain word is one token: no need to run the tokenizer
        tokens = Tokens((0,), (len(word),), (form_key(lowered),), (lemma_key(lowered, language),))
    else:
        tokens = tokenize(word, language)
    out = []
    for form, lemma, start, end in zip(tokens.forms, tokens.lemmas, tokens.starts, tokens.ends):
        keys = [form, lemma]
        if language == "ru":
            from lawcheck.lemmas import russian_lemmas

            keys += [form_key(k) for k in russian_lemmas(word[start:end].lower())]
        out.append(tuple(dict.fromkeys(keys)))
    return tuple(out)
