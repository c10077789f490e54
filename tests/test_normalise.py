"""Normalising: tokens keep their offsets; lemmas and folding make inflected and accented forms meet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcheck.errors import LawcheckError
from lawcheck.normalise import fold, normaliser, phrase_keys, tokenize


@pytest.mark.parametrize(
    ("language", "word", "lemma"),
    [("en", "hijacks", "hijack"), ("en", "seized", "seize"), ("fr", "détournent", "detourner"),
     ("fr", "personnes", "personne"), ("es", "apodere", "apoderar"), ("es", "personas", "persona"),
     ("es", "apoderarse", "apoderar"), ("es", "rehenes", "rehen")],
)
def test_lemmas_are_folded(language: str, word: str, lemma: str) -> None:
    assert tokenize(word, language).lemmas == (lemma,)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_offsets_point_at_the_words(language: str) -> None:
    text = "Quiconque s'empare d'un aéronef — «en vol» — est puni (article 5)."
    tokens = tokenize(text, language, offset=10)
    for start, end, form in zip(tokens.starts, tokens.ends, tokens.forms):
        assert fold(text[start - 10:end - 10]) == form


@pytest.mark.parametrize(("phrase", "expected"), [("threaten * kill", 3), ("take control", 2), ("aircraft", 1)])
def test_phrase_keys_keep_gaps(phrase: str, expected: int) -> None:
    keys = phrase_keys(phrase, "en")
    assert len(keys) == expected
    assert ("*",) in keys or "*" not in phrase


def test_unknown_step_names_the_valid_ones() -> None:
    with pytest.raises(LawcheckError, match="valid steps: lower, fold_accents, unify_quotes"):
        normaliser(["lower", "stem"])


@given(st.text(max_size=200))
def test_folding_twice_is_folding_once(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=300), st.sampled_from(["en", "fr", "es"]))
def test_tokens_lie_inside_the_text_in_order(text: str, language: str) -> None:
    tokens = tokenize(text, language)
    previous = 0
    for start, end in zip(tokens.starts, tokens.ends):
        assert previous <= start < end <= len(text)
        previous = end


@pytest.mark.parametrize(
    ("text", "forms", "lemmas"),
    [("oﬃcer", ("officer",), ("officer",)), ("deﬁned", ("defined",), ("define",)),
     ("in-ﬂight", ("in-flight",), ("in-flight",)), ("eﬀects", ("effects",), ("effect",))],
)
def test_ligatures_are_decomposed_in_the_keys_not_in_the_offsets(text: str, forms: tuple, lemmas: tuple) -> None:
    tokens = tokenize(text, "en")
    assert (tokens.forms, tokens.lemmas, tokens.starts, tokens.ends) == (forms, lemmas, (0,), (len(text),))


@pytest.mark.parametrize(
    ("phrase", "keys"), [("oﬃcer", (("officer",),)), ("deﬁned in", (("defined", "define"), ("in",)))]
)
def test_phrases_with_ligatures_meet_plain_words(phrase: str, keys: tuple) -> None:
    assert phrase_keys(phrase, "en") == keys


def test_spacy_imported_without_its_command_line_still_has_it_on_demand() -> None:
    """lawcheck imports spaCy without spacy.cli (start-up); a later import of spacy.cli gets the real one, and the
    tokens are those of a plain import."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from lawcheck.normalise import tokenize\n"
        "forms = tokenize(\"The Minister's 3 aircraft (in flight) e.g. hijacked.\", 'en').forms\n"
        "assert 'spacy.cli' not in sys.modules\n"
        "import spacy.cli, spacy\n"
        "assert callable(spacy.cli.download) and spacy.info()['spacy_version']\n"
        "plain = [t.text.lower() for t in spacy.blank('en')(\"The Minister's 3 aircraft (in flight) e.g. hijacked.\")]\n"
        "assert list(forms) == [w for w in plain if any(c.isalnum() for c in w)], (forms, plain)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
