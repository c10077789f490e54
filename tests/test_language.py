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
    ],
)
def test_detects_supported_languages(catalogue, text: str, expected: str) -> None:
    assert detect_language(text, catalogue.drafting) == expected


@pytest.mark.parametrize(
    "text",
    ["Wer ein Luftfahrzeug entführt, wird mit Freiheitsstrafe nicht unter fünf Jahren bestraft.",
     "Кто захватит воздушное судно, наказывается лишением свободы.", "12345 67 89"],
)
def test_other_languages_are_refused_naming_the_supported_ones(catalogue, text: str) -> None:
    with pytest.raises(LanguageError, match="en, es, fr"):
        detect_language(text, catalogue.drafting, "bill.txt")


def test_lang_option_is_checked(catalogue) -> None:
    assert check_language("fr", catalogue.drafting) == "fr"
    with pytest.raises(LanguageError, match="choose one of: en, es, fr"):
        check_language("de", catalogue.drafting)
