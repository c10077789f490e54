"""Normalising: tokens keep their offsets; lemmas and folding make inflected and accented forms meet."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
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


@settings(deadline=None)  # a language's first text loads its segmenter or lemmatiser: not what is tested
@given(st.text(max_size=300), st.sampled_from(["en", "fr", "es", "ar", "ru", "zh"]))
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


# --------------------------------------------------------------------------- Arabic, Russian, Chinese (issue 13)

_AR = "المادة (٣): يُعاقَب بالسجن كلُّ من استولى على الطائرةِ بالقوة، والطائرات المدنية."
_RU = "Статья 211. Угон судна воздушного транспорта — наказывается лишением свободы; «ёмкость» воздушными судами."
_ZH = "第一百二十一条 以暴力、胁迫或者其他方法劫持航空器的，处十年以上有期徒刑或者无期徒刑。"


@pytest.mark.parametrize(("language", "text"), [("ar", _AR), ("ru", _RU), ("zh", _ZH)])
def test_offsets_point_at_the_words_in_every_script(language: str, text: str) -> None:
    tokens = tokenize(text, language, offset=7)
    assert len(tokens) > 5
    for start, end, form in zip(tokens.starts, tokens.ends, tokens.forms):
        word = text[start - 7:end - 7]
        assert word.strip() == word and any(c.isalnum() for c in word)
        assert form == fold(word)


@pytest.mark.parametrize(
    ("bill_word", "phrase_word"),
    [("والطائرة", "طائرة"), ("بالقوة", "قوة"), ("للطائرة", "طائرة"), ("وبالقوة", "قوة"), ("الطائرات", "طائرة"),
     ("طائرةٍ", "طائرة"), ("الـطـائـرة", "طائرة"), ("بالإرهاب", "ارهاب"), ("يُعاقَب", "يعاقب"), ("إلى", "الى"),
     ("الرهائن", "رهينة"), ("وسفينة", "سفينة"), ("بتسليمه", "تسليم"), ("المتفجرات", "متفجرات"),
     ("بالالتزامات", "التزام"), ("السكان", "سكان")],
)
def test_arabic_words_meet_without_their_clitics_vowels_and_letter_variants(bill_word: str, phrase_word: str) -> None:
    keys = set(phrase_keys(phrase_word, "ar")[0])
    token = tokenize(bill_word, "ar")
    assert token.starts == (0,) and token.ends == (len(bill_word),)
    assert keys & {token.forms[0], token.lemmas[0]}, (bill_word, token, keys)


@pytest.mark.parametrize(("word", "other"), [("بلد", "لد"), ("وزير", "زير"), ("فعل", "عل"), ("كتاب", "تاب")])
def test_arabic_words_that_begin_with_a_clitic_letter_keep_it(word: str, other: str) -> None:
    """« بلد » (country) is no ب before « لد »: short words and words the dictionary knows keep their letters."""
    assert other not in (tokenize(word, "ar").lemmas[0], tokenize(word, "ar").forms[0])


@pytest.mark.parametrize(
    ("bill", "phrase"),
    [("воздушного судна", "воздушное судно"), ("воздушным судном", "воздушное судно"), ("захваченного", "захватить"),
     ("заложников", "заложник"), ("наказываются", "наказывается"), ("взрывных устройств", "взрывное устройство"),
     ("ёмкости", "емкость"), ("воздушных судах", "воздушные суда"), ("воздушных судов", "воздушные суда")],
)
def test_russian_inflected_forms_meet(bill: str, phrase: str) -> None:
    tokens = tokenize(bill, "ru")
    for keys, form, lemma in zip(phrase_keys(phrase, "ru"), tokens.forms, tokens.lemmas):
        assert {form, lemma} & set(keys), (bill, phrase, keys, form, lemma)


def test_russian_short_i_is_a_letter_not_an_accent() -> None:
    assert tokenize("который", "ru").forms == ("который",)
    assert fold("Ёлка") == "елка"


def test_chinese_is_segmented_into_words_with_offsets() -> None:
    tokens = tokenize(_ZH, "zh")
    words = [_ZH[s:e] for s, e in zip(tokens.starts, tokens.ends)]
    assert "劫持" in words and "航空器" in words and ["有期", "徒刑"] == words[words.index("有期"):words.index("有期") + 2]
    assert "，" not in words and "。" not in words


@pytest.mark.parametrize(("phrase", "keys"), [("劫持航空器", (("劫持",), ("航空器",))),
                                               ("劫持 * 航空器", (("劫持",), ("*",), ("航空器",))),
                                               ("的，处", (("的",), ("处",)))])
def test_chinese_phrases_are_segmented_as_bills_are(phrase: str, keys: tuple) -> None:
    assert phrase_keys(phrase, "zh") == keys


def test_no_module_of_another_language_is_imported_for_an_english_bill() -> None:
    import subprocess
    import sys

    code = ("import sys; from lawcheck.normalise import tokenize; tokenize('A person who seizes an aircraft', 'en'); "
            "print(sorted(m for m in ('rjieba', 'pymorphy3', 'opencc') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


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


@pytest.mark.parametrize(("phrase", "text"), [("危害 * 安全", "危害公共安全的"), ("有期徒刑", "处十年以上有期徒刑"),
                                               ("威胁", "以杀害人质相威胁"), ("恐怖 * 信息", "编造恐怖信息"),
                                               ("劫持 * 航空器", "劫持正在飞行的民用航空器")])
def test_a_chinese_compound_does_not_hide_its_parts(phrase: str, text: str) -> None:
    from lawcheck.match import BillIndex

    assert BillIndex(tokenize(text, "zh"), "zh").find(phrase)


def test_a_chinese_word_is_not_found_inside_another() -> None:
    from lawcheck.match import BillIndex

    assert not BillIndex(tokenize("劫持船舶的", "zh"), "zh").find("劫持航空器")
    assert not BillIndex(tokenize("航空公司", "zh"), "zh").find("航空器")


def test_traditional_characters_meet_simplified_phrases_with_their_offsets() -> None:
    from lawcheck.match import BillIndex

    text = "以強暴、脅迫或其他方法劫持航空器者，處死刑、無期徒刑或七年以上有期徒刑。破壞機場設施者"
    tokens = tokenize(text, "zh")
    index = BillIndex(tokens, "zh")
    for phrase in ("劫持航空器", "处 * 徒刑", "无期徒刑", "破坏 * 机场", "胁迫"):
        assert index.find(phrase), phrase
    hit = index.find("无期徒刑")[0]
    assert text[hit.start:hit.end] == "無期徒刑"
