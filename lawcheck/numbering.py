"""Numbers as the Arabic, Russian and Chinese drafting traditions print them, read as plain digits.

* Arabic-Indic digits (``١٢٣``, and the Eastern forms ``۱۲۳``) and full-width digits (``１２３``) are digits:
  :func:`ascii_digits` maps them one character to one, so offsets into the text do not move;
* Chinese numerals (``一百二十``, ``两千零五``, ``〇``) are numbers: :func:`han_number`;
* Arabic ordinal words (``الأولى``, ``الحادية عشرة``, ``الثالث والعشرون``) and adverbs (``أولاً``, ``ثانياً``)
  are numbers: :func:`arabic_ordinal`.

This module knows how numbers are written, nothing of what a provision means.
"""

from __future__ import annotations

import re

from lawcheck.normalise import fold_accents, fold_letters

# One character for one: Arabic-Indic, Eastern Arabic-Indic and full-width digits; full-width brackets and
# colon (Chinese laws print « （一） » and « ： »).
_ONE_FOR_ONE = {**{0x0660 + d: str(d) for d in range(10)}, **{0x06F0 + d: str(d) for d in range(10)},
                **{0xFF10 + d: str(d) for d in range(10)}, ord("（"): "(", ord("）"): ")", ord("："): ":"}


_ONE_FOR_ONE_RE = re.compile("[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19（）：]")


def ascii_digits(text: str) -> str:
    """Digits of every script as 0-9, full-width brackets and colon as ASCII: the same length as ``text``.
    (The characters to change are found by a regular expression: ``str.translate`` looks every character of a
    text in Arabic or Chinese up one by one, and whole bills pass through here.)"""
    if text.isascii():
        return text
    return _ONE_FOR_ONE_RE.sub(lambda m: _ONE_FOR_ONE[ord(m.group())], text)


HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
HAN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
HAN_NUMERAL = "〇零一二三四五六七八九两兩十拾百佰千仟"


def han_number(text: str) -> int | None:
    """``一百二十`` -> 120, ``十五`` -> 15, ``二〇〇五`` -> 2005, ``120`` -> 120; None when it is no number."""
    text = ascii_digits(text.strip())
    if text.isdigit():
        return int(text)
    if not text or any(c not in HAN_NUMERAL for c in text):
        return None
    if not any(c in HAN_UNITS for c in text):  # digit by digit: 二〇〇五
        return int("".join(str(HAN_DIGITS[c]) for c in text))
    total, digit = 0, None
    for c in text:
        if c in HAN_DIGITS:
            digit = HAN_DIGITS[c]
        else:
            total += (1 if digit is None else digit) * HAN_UNITS[c]
            digit = None
    return total + (digit or 0)


# Arabic ordinals, folded (alef, ta marbuta and ya variants as normalise folds them), masculine and feminine.
_AR_UNITS = {"اول": 1, "اولي": 1, "حادي": 1, "حاديه": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3, "رابع": 4,
             "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6, "سابع": 7, "سابعه": 7, "ثامن": 8,
             "ثامنه": 8, "تاسع": 9, "تاسعه": 9, "عاشر": 10, "عاشره": 10}
_AR_TENS = {"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40, "خمسون": 50,
            "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80,
            "تسعون": 90, "تسعين": 90}
_AR_TEEN = ("عشر", "عشره")
_AR_HUNDRED = {"مائه": 100, "ماءه": 100, "مايه": 100, "ميه": 100, "مائتين": 200, "مايتين": 200, "ميتين": 200,
               "مائتان": 200, "مايتان": 200, "ميتان": 200,
               **{f"{unit}{hundred}": value * 100 for unit, value in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6),
                                                                     ("سبع", 7), ("ثمان", 8), ("تسع", 9))
                  for hundred in ("مايه", "ميه")}}
# the adverbs of an enumeration: « أولاً », « ثانياً » ... (their tanwin is folded away with the vowel marks)
_AR_ADVERBS = {"اولا": 1, "ثانيا": 2, "ثالثا": 3, "رابعا": 4, "خامسا": 5, "سادسا": 6, "سابعا": 7, "ثامنا": 8,
               "تاسعا": 9, "عاشرا": 10}
ARABIC_ORDINAL_WORD = (r"(?:ال)?(?:[أاإآ]ول[ىي]?|حادي[ةه]?|ثاني[ةه]?|ثالث[ةه]?|رابع[ةه]?|خامس[ةه]?|سادس[ةه]?|"
                       r"سابع[ةه]?|ثامن[ةه]?|تاسع[ةه]?|عاشر[ةه]?|عشر[ةه]?|عشرون|عشرين|ثلاثون|ثلاثين|[أا]ربعون|"
                       r"[أا]ربعين|خمسون|خمسين|ستون|ستين|سبعون|سبعين|ثمانون|ثمانين|تسعون|تسعين|"
                       r"(?:ثلاث|[أا]ربع|خمس|ست|سبع|ثمان|تسع)?م[ائ]?ئ?[ةه]|م[ائ]?ئ?تين|م[ائ]?ئ?تان)")
# "الرابعة والخمسون بعد المائة" (the 154th): the hundreds follow "بعد" (after), as Gulf laws number their articles
ARABIC_ORDINAL_RE = re.compile(rf"{ARABIC_ORDINAL_WORD}(?:\s+(?:و\s*|بعد\s+)?{ARABIC_ORDINAL_WORD}){{0,4}}")
ARABIC_ADVERB_RE = re.compile(r"(?:[أاإآ]ولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)[\u064b-\u0652]*")


def _ar_fold(word: str) -> str:
    return fold_letters(fold_accents(word))


def arabic_ordinal(text: str) -> int | None:
    """``الأولى`` -> 1, ``الحادية عشرة`` -> 11, ``الثالث والعشرون`` -> 23, ``ثانياً`` -> 2, ``الرابعة والخمسون بعد
    المائة`` -> 154; None otherwise."""
    words = [_ar_fold(w) for w in re.split(r"\s+", text.strip()) if w and w != "بعد"]
    words = [w[1:] if w.startswith("و") and len(w) > 3 else w for w in words]  # "والعشرون"
    words = [w[2:] if w.startswith("ال") and len(w) > 3 else w for w in words]
    if len(words) == 1 and words[0] in _AR_ADVERBS:
        return _AR_ADVERBS[words[0]]
    total, seen = 0, False
    for word in words:
        if word in _AR_UNITS:
            total += _AR_UNITS[word]
        elif word in _AR_TEEN and seen:
            total += 10
        elif word in _AR_TENS:
            total += _AR_TENS[word]
        elif word in _AR_HUNDRED:
            total += _AR_HUNDRED[word]
        else:
            return None
        seen = True
    return total if seen else None


def number_of(text: str) -> str:
    """A provision number as digits: ``١٢`` -> 12, ``一百二十`` -> 120, ``الأولى`` -> 1; as given otherwise."""
    text = ascii_digits(text.strip())
    if text.isdigit():
        return text
    value = han_number(text)
    if value is None:
        value = arabic_ordinal(text)
    return str(value) if value is not None else text
