"""Language detection among the supported languages; anything else is refused clearly."""

from __future__ import annotations

import pytest

from lawcheck.errors import LanguageError
from lawcheck.language import check_language, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A person who, on board an aircraft in flight, seizes the aircraft by force commits an offence and "
         "is liable on conviction to imprisonment for life.", "en"),
        ("Est puni de la réclusion criminelle à perpétuité le fait de s'emparer d'un aéronef en vol par la "
         "violence ou la menace.", "fr"),
        ("Será castigado con la pena de prisión el que se apodere de una aeronave en vuelo mediante violencia "
         "o amenaza.", "es"),
        ("Захват воздушного судна, находящегося в полете, с применением насилия или угрозы его применения "
         "наказывается лишением свободы на срок от восьми до пятнадцати лет.", "ru"),
        ("يعاقب بالسجن المؤبد كل من استولى على طائرة في حالة طيران أو سيطر عليها بالقوة أو بالتهديد "
         "باستعمالها.", "ar"),
        ("以暴力、胁迫或者其他方法劫持航空器的，处十年以上有期徒刑或者无期徒刑；致人重伤、死亡或者使航空器遭受严重"
         "破坏的，处死刑。", "zh"),
        ("以強暴、脅迫或其他方法劫持航空器者，處死刑、無期徒刑或七年以上有期徒刑。", "zh"),
    ],
)
def test_detects_supported_languages(catalogue, text: str, expected: str) -> None:
    assert detect_language(text, catalogue.drafting) == expected


@pytest.mark.parametrize(
    "text",
    ["Wer ein Luftfahrzeug entführt, wird mit Freiheitsstrafe nicht unter fünf Jahren bestraft.",
     "Кожен, хто захоплює повітряне судно, карається позбавленням волі.", "12345 67 89"],
)
def test_other_languages_are_refused_naming_the_supported_ones(catalogue, text: str) -> None:
    with pytest.raises(LanguageError, match="ar, en, es, fr, ru, zh"):
        detect_language(text, catalogue.drafting, "bill.txt")


def test_lang_option_is_checked(catalogue) -> None:
    assert check_language("fr", catalogue.drafting) == "fr"
    assert check_language("zh", catalogue.drafting) == "zh"
    with pytest.raises(LanguageError, match="choose one of: ar, en, es, fr, ru, zh"):
        check_language("de", catalogue.drafting)


def test_chinese_characters_count_one_by_one_and_words_joined_to_them_are_not_words() -> None:
    from lawcheck.language import _occurrences, _word_counts

    sample = "劫持航空器的，处死刑。Article 3 ABC中国 的的 Café, café_x 12"
    counts, chinese, total = _word_counts(sample)
    # each Chinese character of a word is counted; "ABC" written onto "中国" is not a word of its own; other words
    # are folded ("Café" -> "cafe"), digits and the underscore end a word
    assert counts == {"article": 1, "cafe": 2, "x": 1}
    assert (chinese, total) == (13, 17)
    words = ("的", "国", "中国", "abc", "cafe", "或")
    assert [_occurrences(w, counts, chinese, sample) for w in words] == [3, 1, 0, 0, 2, 0]
    counts, chinese, _ = _word_counts("no Chinese here")
    assert _occurrences("的", counts, chinese, "no Chinese here") == 0
