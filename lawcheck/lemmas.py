"""simplemma's lemmatiser, with its decoded dictionaries kept in lawcheck's cache folder.

simplemma 2 ships each language's dictionary as a packed (front-coded, lzma-compressed) stream and decodes it
in Python on first use: about 0.2 s for English on every run, most of what lemmas cost a short bill. Here the
decoded dictionary is kept as a pickle (:func:`lawcheck.cache.stored`), named by the simplemma version and a
digest of the packed file's bytes, and read back in about 0.04 s. The lemmatiser is simplemma's own default one
(``DefaultStrategy``, not greedy) over the same dictionary, so lemmas are the same as
``simplemma.lemmatize(word, lang=...)``, and :func:`is_known` is ``simplemma.is_known`` over it.

When simplemma is not the version this relies on (its dictionary internals differ), or the cache is turned off
(``LAWCHECK_CACHE=off``), :func:`lemmatize` and :func:`is_known` are simply simplemma's.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from functools import lru_cache

Lemmatize = Callable[[str, str], str]
Known = Callable[[str, str], bool]


def _valid(found: object) -> bool:
    return isinstance(found, dict) and bool(found)


def _cached_factory():  # noqa: ANN202 - a simplemma DictionaryFactory
    """A simplemma dictionary factory that reads decoded dictionaries from the cache (None when unavailable)."""
    import simplemma
    from simplemma.strategies.dictionaries import dictionary_factory as shipped

    from lawcheck.cache import stored

    needed = ("CachingDictionaryFactory", "MappingStrToByteString", "DATA_FOLDER", "SUPPORTED_LANGUAGES",
              "_load_dictionary_from_disk")
    if not all(hasattr(shipped, name) for name in needed):
        return None
    version = getattr(simplemma, "__version__", "")

    class CachedDictionaryFactory(shipped.CachingDictionaryFactory):
        """simplemma's default factory, with the decoding of each packed dictionary cached on disk."""

        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str):  # noqa: ANN202
            if lang not in shipped.SUPPORTED_LANGUAGES:
                raise ValueError(f"Unsupported language: {lang}")
            packed = (shipped.DATA_FOLDER / f"{lang}.plzma").read_bytes()
            key = hashlib.sha256(version.encode() + b"\0" + packed).hexdigest()[:32]
            decoded = stored(f"simplemma-{lang}-{key}", lambda: shipped._load_dictionary_from_disk(lang), _valid)
            return shipped.MappingStrToByteString(decoded)

    return CachedDictionaryFactory()


@lru_cache(maxsize=1)
def _functions() -> tuple[Lemmatize, Known]:
    """(lemmatize, is_known) over the cached dictionaries; simplemma's own functions when they cannot be."""
    import simplemma

    from lawcheck.cache import cache_folder

    plain = (lambda word, language: simplemma.lemmatize(word, lang=language),
             lambda word, language: simplemma.is_known(word, lang=language))
    if cache_folder() is None:
        return plain
    try:
        from simplemma import Lemmatizer
        from simplemma.lemmatizer import _control_input_type
        from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
        from simplemma.utils import normalize_token, validate_lang_input

        factory = _cached_factory()
    except ImportError:  # simplemma 1.x: its own dictionaries are plain pickles already
        factory = None
    if factory is None:
        return plain
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    lookup = DictionaryLookupStrategy(factory)

    def known(word: str, language: str) -> bool:  # simplemma.is_known, over the same dictionaries
        _control_input_type(word)
        word = normalize_token(word)
        return any(lookup.get_lemma(word, code) is not None for code in validate_lang_input(language))

    return (lambda word, language: lemmatizer.lemmatize(word, language)), known


def version(language: str = "") -> str:
    """The lemmatiser's version (simplemma's; with pymorphy3's and its dictionary's for Russian, rjieba's for
    Chinese), for the names of what is cached from its lemmas."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    packages = ("simplemma",) + {"ru": ("pymorphy3", "pymorphy3-dicts-ru"), "zh": ("rjieba",)}.get(language, ())
    found = []
    for package in packages:
        try:
            found.append(installed(package))
        except PackageNotFoundError:  # pragma: no cover - run from a source tree without metadata
            found.append("unknown")
    return "/".join(found)


def lemmatize(word: str, language: str) -> str:
    """``simplemma.lemmatize(word, lang=language)``."""
    return _functions()[0](word, language)


def is_known(word: str, language: str) -> bool:
    """Whether the language's dictionary knows the word: ``simplemma.is_known(word, lang=language)``;
    pymorphy3's dictionary for Russian; never for Chinese (its words come from the segmenter's dictionary)."""
    if language == "ru":
        return bool(_morph().word_is_known(word))
    if language == "zh":
        return False
    return _functions()[1](word, language)


# --------------------------------------------------------------------------- Arabic

# Vowel marks, shadda, sukun, Quranic marks and the tatweel: out before a dictionary look-up (the hamza
# letters stay: simplemma's Arabic dictionary spells « منشأة » with its hamza).
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# The clitics written before an Arabic word, outermost first: a conjunction (و، ف), a preposition (ب، ك، ل)
# and the article (ال); « لل » is ل before the article, whose alef it drops (« للطائرة »).
_ARABIC_PREFIX_RE = re.compile(r"^(?P<conj>[وف])?(?P<prep>[بكل])?(?P<article>ال)?")
ARABIC_STEM_MIN = 2  # letters left after taking off the article (« الحرب » -> « حرب »)
ARABIC_BARE_STEM_MIN = 3  # letters left after taking off a one-letter clitic alone (« بلد » keeps its ب)


def _arabic_stems(word: str) -> list[tuple[str, bool]]:
    """What may be left of ``word`` once its clitics are taken off, most taken off first, each saying whether
    the article came off; an empty list when it opens with none. A one-letter clitic without the article
    comes off only when three letters stay."""
    out: dict[str, bool] = {}
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj):]
        if rest.startswith("لل") and len(rest) - 2 >= ARABIC_STEM_MIN:
            out[rest[2:]] = True
        for prep in ("", "ب", "ك", "ل"):
            if prep and not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            if stem.startswith("ال") and len(stem) - 2 >= ARABIC_STEM_MIN:
                out[stem[2:]] = True
            if (conj or prep) and len(stem) >= ARABIC_BARE_STEM_MIN:
                out.setdefault(stem, False)
    return sorted(out.items(), key=lambda item: len(item[0]))


def without_marks(word: str) -> str:
    """An Arabic word without its vowel marks, shadda, sukun and tatweel (its letters as a dictionary spells them)."""
    return _ARABIC_MARKS_RE.sub("", word)


def is_arabic_word(word: str) -> bool:
    """Whether the dictionary knows an Arabic word as it is or once its clitics are taken off (« والسلامة »:
    « سلامة »), its vowel marks ignored."""
    bare = without_marks(word)
    return bool(bare) and (is_known(bare, "ar") or any(is_known(stem, "ar") for stem, _ in _arabic_stems(bare)))


# Pronouns written after a word (« بتسليمه »: by handing him over), longest first.
_ARABIC_SUFFIXES = ("هما", "كما", "هم", "هن", "ها", "كم", "كن", "نا", "ه", "ك", "ي")


# Two-letter particles the dictionary also lists with a conjunction joined to them (« ولا », « فلا », « وفي »): read
# as the bare particle, so that « ولا تسري أحكام هذه المادة » meets the carve-out « لا تسري ».
_ARABIC_PARTICLES = frozenset({"لا", "ما", "لم", "لن", "في", "من", "عن", "قد"})


def arabic_lemma(word: str) -> str:
    """The lemma of one Arabic word, its clitics taken off: « والطائرة » and « بالطائرات » -> « طائرة »,
    « بالقوة » -> « قوة », « بتسليمه » -> « تسليم ». A word with the article is looked up without it first
    (the dictionary gives « المتفجرات » and « متفجرات » different lemmas: the bare word's is taken for both),
    unless the dictionary reads its ال as part of it (« التزام »); a word the dictionary knows as it is (« بلد », « وزير ») keeps its first letters; a word no dictionary knows
    loses its article and the clitics before it (« بالمخطوفين » -> « مخطوفين »), and its conjunction
    (« وعوامة » -> « عوامة »)."""
    bare = _ARABIC_MARKS_RE.sub("", word)
    if not bare or not any("\u0620" <= c <= "\u064a" for c in bare):
        return bare
    if len(bare) == 3 and bare[0] in "وف" and bare[1:] in _ARABIC_PARTICLES:
        return bare[1:]
    stems = _arabic_stems(bare)
    whole = lemmatize(bare, "ar") if is_known(bare, "ar") else None
    if whole is None or not whole.startswith("ال"):  # « التزام »: its ال is no article, the dictionary says
        for stem, article in stems:
            if article and is_known(stem, "ar"):
                kept = "ال" + stem  # « بالتزام »: ب before « التزام », whose ال is its own
                if is_known(kept, "ar") and lemmatize(kept, "ar").startswith("ال"):
                    return lemmatize(kept, "ar")
                return lemmatize(stem, "ar")
    if whole is not None:
        return whole
    for stem, _ in stems:
        if is_known(stem, "ar"):
            return lemmatize(stem, "ar")
    for base in (*(stem for stem, _ in stems), bare):
        for suffix in _ARABIC_SUFFIXES:
            if base.endswith(suffix) and len(base) - len(suffix) >= ARABIC_BARE_STEM_MIN \
                    and is_known(base[:-len(suffix)], "ar"):
                return lemmatize(base[:-len(suffix)], "ar")
    if bare[0] in "وف" and len(bare) - 1 >= ARABIC_BARE_STEM_MIN:
        # a word no dictionary knows that opens with و or ف: the conjunction (« وعوامة », « وكارثة »), not a
        # first letter of its own (the words whose root opens with و or ف are in the dictionary: « وسيلة »)
        return arabic_lemma(bare[1:])
    guessed = lemmatize(bare, "ar")
    if guessed != bare:
        return guessed
    return next((stem for stem, article in stems if article), bare)


# --------------------------------------------------------------------------- Russian

# Readings that are no ordinary word of a law: abbreviations, names, initials.
_RUSSIAN_ODD = frozenset({"Abbr", "Name", "Surn", "Patr", "Geox", "Orgn", "Init"})
RUSSIAN_NOUN_SHARE = 0.15  # a noun reading this likely is preferred (« судном »: судно, not the adjective судный)


@lru_cache(maxsize=1)
def _morph():  # noqa: ANN202 - a pymorphy3 MorphAnalyzer
    import pymorphy3  # imported on the first Russian word only (about 0.3 s with its dictionaries)

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def _russian_parses(word: str) -> tuple[tuple[str, str, float, bool], ...]:
    """(lemma, part of speech, score, odd) of each reading pymorphy3 gives a lower-cased word."""
    return tuple((p.normal_form, str(p.tag.POS or ""), float(p.score), bool(_RUSSIAN_ODD & p.tag.grammemes))
                 for p in _morph().parse(word))


def russian_lemma(word: str) -> str:
    """The lemma of a lower-cased Russian word (pymorphy3, OpenCorpora's dictionary): the most likely reading,
    a noun when one is likely enough (a law's « воздушным судном » is a ship, not the adjective « судный »)."""
    if not any("\u0430" <= c <= "\u044f" or c == "ё" for c in word):
        return word
    parses = [p for p in _russian_parses(word) if not p[3]] or list(_russian_parses(word))
    if not parses:
        return word
    total = sum(p[2] for p in parses) or 1.0
    nouns = [p for p in parses if p[1] == "NOUN"]
    if nouns and sum(p[2] for p in nouns) / total >= RUSSIAN_NOUN_SHARE:
        parses = nouns
    scores: dict[str, float] = {}
    for lemma, _, score, _ in parses:
        scores[lemma] = scores.get(lemma, 0.0) + score
    return max(scores, key=lambda lemma: (scores[lemma], -list(scores).index(lemma)))


def russian_lemmas(word: str) -> tuple[str, ...]:
    """Every lemma a lower-cased Russian word may have (« суда »: суд, судно): a phrase word meets all."""
    if not any("\u0430" <= c <= "\u044f" or c == "ё" for c in word):
        return ()
    return tuple(dict.fromkeys(p[0] for p in _russian_parses(word) if not p[3]))
