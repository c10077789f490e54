"""Phrase matching through the bill's index: exact on lemmas, fuzzy for slips, carve-outs respected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawcheck.errors import LawcheckError
from lawcheck.match import BillIndex, hits_within
from lawcheck.normalise import tokenize
from lawcheck.repair import repair, repairer, vocabulary


def _find(text: str, phrase: str, language: str = "en", carve: tuple[str, ...] = ()) -> list[str]:
    index = BillIndex(tokenize(text, language), language)
    carve_outs = index.find_any(carve) if carve else ()
    return [text[h.start:h.end] for h in index.find_any((phrase,), carve_outs)]


@pytest.mark.parametrize(
    ("text", "phrase", "language", "expected"),
    [
        ("Any person who hijacks an aircraft", "hijack", "en", ["hijacks"]),
        ("seizes or exercises control of the aircraft", "exercise control", "en", ["exercises control"]),
        ("threatens to kill or to injure", "threaten * kill", "en", ["threatens to kill"]),
        ("quiconque détourne un aéronef", "détourner", "fr", ["détourne"]),
        ("el que se apoderare de una aeronave", "apoderarse", "es", ["apoderare"]),
        ("the hiiacking of aircraft", "hijacking", "en", ["hiiacking"]),  # OCR slip, fuzzy
        ("a person who seizes a ship", "aircraft", "en", []),
        ("threatens that he will at some later time kill", "threaten * kill", "en", []),  # gap too long
    ],
)
def test_phrases(text: str, phrase: str, language: str, expected: list[str]) -> None:
    assert _find(text, phrase, language) == expected


def test_fuzzy_hit_scores_below_exact() -> None:
    fuzzy = BillIndex(tokenize("the hiiacking of aircraft", "en"), "en").find("hijacking")
    exact = BillIndex(tokenize("the hijacking of aircraft", "en"), "en").find("hijacking")
    assert 0.8 < fuzzy[0].score < 1.0 == exact[0].score


@pytest.mark.parametrize(
    ("text", "expected"),
    [("any act of violence other than hijacking", []), ("hijacking, other than by a member of the crew", ["hijacking"])],
)
def test_carve_out_excludes_what_follows_it(text: str, expected: list[str]) -> None:
    assert _find(text, "hijacking", carve=("other than",)) == expected


def test_hits_within_ranges() -> None:
    text = "seize here. nothing. seize there."
    index = BillIndex(tokenize(text, "en"), "en")
    hits = index.find("seize")
    assert [text[h.start:h.end + 6] for h in hits_within(hits, ((20, len(text)),))] == ["seize there"]


@pytest.mark.parametrize(
    ("phrase", "text", "language", "found"),
    [
        ("intentionally", "an internationally protected person", "en", False),  # a word in its own right
        ("présence", "les dispositions de la présente loi", "fr", False),
        ("terrorism", "an act of terorism", "en", True),  # a typing or extraction slip
        ("larguer", "largue des explosifs", "fr", True),  # an inflection the lemmatiser missed
    ],
)
def test_fuzzy_matching_spares_real_words(phrase: str, text: str, language: str, found: bool) -> None:
    index = BillIndex(tokenize(text, language), language)
    assert bool(index.find(phrase)) is found


# --------------------------------------------------------------------------- words broken by PDF extraction


def _find_repaired(text: str, phrase: str, catalogue, language: str = "en") -> list[str]:  # noqa: ANN001
    tokens = repair(text, tokenize(text, language), vocabulary(catalogue, language))
    return [text[h.start:h.end] for h in BillIndex(tokens, language).find(phrase)]


@pytest.mark.parametrize(
    ("text", "phrase", "language", "expected"),
    [("los delitos de T errorismo contra la A viación civil", "aviación civil", "es", ["A viación civil"]),
     ("actes de T errorisme contre l'aviation civile", "terrorisme", "fr", ["T errorisme"])],
)
def test_broken_words_are_found_in_every_language(text: str, phrase: str, language: str, expected: list[str],
                                                  catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue, language) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Civil A viation Act. A person who commits an of fence is liable", "offence", ["of fence"]),
        ("Civil A viation Act. A person who commits an of fence is liable", "commits an offence",
         ["commits an of fence"]),
        ("the Suppression of T errorism Act", "terrorism", ["T errorism"]),
        ("the Montreal Convention on Civil A viation", "civil aviation", ["Civil A viation"]),
        ("an in-ﬂight security Of f icer may", "officer", ["Of f icer"]),
        ("the Suppression of T errorism Act and of fences under it", "offence", ["of fences"]),
        ("any police oﬃcer", "officer", ["oﬃcer"]),  # a ligature, matched as decomposed
        ("an act of terror-\nism against", "terrorism", ["terror-\nism"]),
        ("an act of terror-\n  ism against", "act of terrorism", ["act of terror-\n  ism"]),
    ],
)
def test_broken_words_are_found_on_their_own_characters(text: str, phrase: str, expected: list[str],
                                                        catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("he climbed over a piece of fence", "offence", []),  # a clean bill: "fence" is a word
        ("Civil A viation Act. persons under 18 years of age", "of age", ["of age"]),  # "ofage" is no word
        ("Civil A viation Act. A board of inquiry", "a board", ["A board"]),  # "board" is a checklist word
        ("the Anti-\nTerrorism Act", "antiterrorism", []),  # a new line in capitals: a compound
        ("in the case of an of ficer", "fence", []),
    ],
)
def test_words_are_not_joined_wrongly(text: str, phrase: str, expected: list[str], catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue) == expected


@pytest.mark.parametrize("text", ["States shall co-\noperate", "the Anti-\nTerrorism Act", "of fence"])
def test_hyphenated_compounds_and_clean_bills_are_left(text: str, catalogue) -> None:  # noqa: ANN001
    tokens = tokenize(text, "en")
    assert repair(text, tokens, vocabulary(catalogue, "en")) is tokens


# Arabic taken from PDFs: the lam-alef ligature (لا، لأ، لإ) written alef first.
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("جرائم اإلرهاب ضد منشآت المالحة الجوية", "الإرهاب", ["اإلرهاب"]),  # no word of the language: mended
        # « المالحة » is a word (the salty one): read « الملاحة » because « اإلرهاب » shows the break
        ("جرائم اإلرهاب ضد منشآت المالحة الجوية", "منشآت الملاحة الجوية", ["منشآت المالحة الجوية"]),
        ("كل من حاول االستيالء على طائرة", "الاستيلاء على * طائرة", ["االستيالء على طائرة"]),  # two pairs, one word
        ("يعاقب باإلعدام كل من أتلف األرض", "بالإعدام", ["باإلعدام"]),  # after a clitic
    ],
)
def test_reversed_lam_alef_is_read_on_the_printed_words(text: str, phrase: str, expected: list[str],
                                                        catalogue) -> None:  # noqa: ANN001
    assert _find_repaired(text, phrase, catalogue, "ar") == expected


@pytest.mark.parametrize(
    "text",
    [
        "تدمير منشآت الملاحة الجوية أو الإضرار بها",  # a clean bill
        "بقيت الطائرة في سالمة والمياه المالحة",  # words of the language only (« سالمة », « المالحة »): no break shown
    ],
)
def test_clean_arabic_is_left(text: str, catalogue) -> None:  # noqa: ANN001
    tokens = tokenize(text, "ar")
    assert repair(text, tokens, vocabulary(catalogue, "ar")) is tokens


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        # « ثالث » (third) is a checklist word itself: kept, though « ثلاث » (three) is one too
        ("جرائم اإلرهاب ضد طرف ثالث", {"اإلرهاب": "الارهاب"}),
        ("في األرض أو في الجو ضد عمال المطار", {"األرض": "الارض"}),  # « عمال » (workers) kept: not « عملا »
    ],
)
def test_a_checklist_word_is_never_reversed(text: str, mended: dict[str, str], catalogue) -> None:  # noqa: ANN001
    before = tokenize(text, "ar")
    after = repair(text, before, vocabulary(catalogue, "ar"))
    changed = {text[s:e]: form for s, e, form in zip(after.starts, after.ends, after.forms)
               if form not in before.forms}
    assert changed == mended


def test_unknown_repair_names_the_valid_ones() -> None:
    with pytest.raises(LawcheckError, match="valid repairs: kerning, hyphenation, lam-alef"):
        repairer(["kerning", "glue"])


@given(text=st.one_of(st.text(alphabet="aAfTo fenciyrs-\nﬁ", max_size=80).map(lambda t: (t, "en")),
                      st.text(alphabet="الأإرضمحةس \n", max_size=80).map(lambda t: (t, "ar"))))
def test_repaired_tokens_lie_inside_the_text_in_order(text: tuple[str, str], catalogue) -> None:  # noqa: ANN001
    text, language = text
    tokens = repair(text, tokenize(text, language), vocabulary(catalogue, language))
    previous = 0
    for start, end in zip(tokens.starts, tokens.ends):
        assert previous <= start < end <= len(text)
        previous = end
