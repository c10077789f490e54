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


def version() -> str:
    """The lemmatiser's version (simplemma's), for the names of what is cached from its lemmas."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("simplemma")
    except PackageNotFoundError:  # pragma: no cover - run from a source tree without metadata
        return "unknown"


def lemmatize(word: str, language: str) -> str:
    """``simplemma.lemmatize(word, lang=language)``."""
    return _functions()[0](word, language)


def is_known(word: str, language: str) -> bool:
    """``simplemma.is_known(word, lang=language)``."""
    return _functions()[1](word, language)
