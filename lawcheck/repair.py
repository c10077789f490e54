"""Mend the words that PDF text extraction breaks, without touching the text.

Laws taken from PDFs carry four kinds of broken words: a space where the font kerns two letters
("of fence", "T errorism", "A viation", "Of f icer"), a word hyphenated at the end of a line
("terror-\\nism"), typographic ligatures ("oﬃcer") and, in Arabic, the lam-alef ligature written in the
wrong order (« المالحة » for « الملاحة »). Latin ligatures are decomposed in every token key by
:mod:`lawcheck.normalise`. The others are mended here, on the tokens: the pieces of a broken word
become one token spanning them all (from the first piece's start to the last piece's end), and a word
with its lam-alef reversed keeps its one token, read as the word it makes put back in order; so every
character offset still points into the bill as read, and a quote shows the words as printed.

Which pieces are joined is decided by data, not by a list of fixes: the *vocabulary* is every word of
the checklist's element phrases and of the drafting vocabulary in the bill's language
(:func:`vocabulary`). Pieces are joined only when together they make a word of it, and:

* **kerning** (``"kerning"``): every piece but the last is one or two letters ending in a letter that
  fonts kern after (:data:`KERNED_AFTER`: "of", "T", "A", "f"), the last piece starts in lower case,
  is not itself a word of the vocabulary (in "a piece of fence" nobody looks for "fence"; "on board"
  keeps its "board") and either is no word of the language at all ("viation", "errorism", "ficer") or
  the bill shows such a break elsewhere: "of fence" is read as "offence" only in a bill that is broken
  by kerning, never in a clean one;
* **hyphenation** (``"hyphenation"``): a word, a hyphen at the end of a line, and a word in lower case
  on the next ("terror-\\nism"), unless the hyphenated form is itself a word of the vocabulary
  ("co-\\noperate" is left as it is: the checklist writes "co-operate", and "cooperate" too);
* **lam-alef** (``"lam-alef"``, Arabic): PDF text extraction often writes the lam-alef ligature (لا، لأ، لإ،
  لآ) in the wrong order, alef first (« المالحة » for « الملاحة », « االستيالء » for « الاستيلاء », « األرض » for
  « الأرض »). A token that is no word of the vocabulary, in which putting one or more of these pairs back in
  order (never the first two letters: they are the article) makes a word of it (its clitics, article and
  spelling variants read as the matcher reads them), is read as that word; the fewest pairs turned first.
  As for kerning, a token that is itself a word of the language (« المالحة », the salty one; « سالمة ») is
  read so only in a bill that shows the break in a word that is none (« األرض », « اإلرهاب »), so a clean
  bill is left as it is (a checklist word, « ثالث », « عمال », is never turned: it is no broken word).

Repairs are named steps (:data:`REPAIRS`); :func:`repairer` builds one from names and says which names
exist when given a wrong one.
"""

from __future__ import annotations

import dataclasses

import bisect
import itertools
import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from lawcheck import __version__
from lawcheck.errors import LawcheckError
from lawcheck.models import Catalogue
from lawcheck.normalise import Tokens, fold, fold_ligatures, key_positions, lemma_key, phrase_keys, unify_quotes

# Letters after which PDF extraction puts a space where the font kerns the pair ("Of|f", "T|o", "A|v").
KERNED_AFTER = "fTAVWYPFry"

_LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")

# The lam-alef ligatures (لا، لأ، لإ، لآ) as PDF extraction reverses them: an alef, then a lam.
_LAM_ALEF_REVERSED = re.compile("[\u0627\u0623\u0625\u0622]\u0644")
LAM_ALEF_MOST = 4  # reversed pairs tried in one word (2**4 - 1 readings at most)


class Vocabulary:
    """The words a bill is searched for, in one language: folded forms and lemmas of every phrase word."""

    def __init__(self, phrases: Sequence[str], language: str) -> None:
        self.language = language
        # the keys the matcher looks for (shared with it through the cache of phrase_keys) ...
        self.words = frozenset(key for phrase in phrases for keys in phrase_keys(phrase, language)
                               for key in keys if key != "*")
        # ... and the words as written, for the hyphenated ones ("co-operate": two keys, one word)
        self.written = frozenset(fold(fold_ligatures(w.lower())) for phrase in phrases for w in phrase.split())
        self._prefixes = frozenset(w[:4] for w in self.words)
        self.rests = _rests(self.words)

    def __contains__(self, word: str) -> bool:
        """Whether a lower-cased word (its folded form or its lemma) is a word of the vocabulary."""
        key = fold(fold_ligatures(word))
        if key in self.words:
            return True
        return key[:4] in self._prefixes and lemma_key(fold_ligatures(word), self.language) in self.words


def _rests(words: frozenset[str]) -> frozenset[str]:
    """What may follow a kerned letter in a vocabulary word, three letters or more and not itself a word
    of it: "offence" -> "fence" (after "of"), "ence" (after "off"); "officer" -> "ficer", "icer"; with a
    final "s" or "es" for the plurals a lemmatiser cannot see in a fragment ("icers")."""
    kerned = KERNED_AFTER.lower()
    out: set[str] = set()
    for word in words:
        for k in (1, 2, 3):
            rest = word[k:]
            if len(rest) >= 3 and word[k - 1] in kerned and rest not in words:  # "board" stays after "a"
                out.update((rest, rest + "s", rest + "es"))
    return frozenset(out)


def vocabulary(catalogue: Catalogue, language: str) -> Vocabulary:
    """Every phrase word of the whole checklist's elements (not only of the instruments selected) and of
    the drafting vocabulary, in ``language``. The same whatever instruments are selected, so a bill
    always gets the same tokens (the instruments' short names are left out: a selection drops them)."""
    phrases: list[str] = []
    for offence in catalogue.every or catalogue.offences:
        for element in offence.elements:
            phrases.extend(element.phrases.get(language, ()))
    drafting = catalogue.drafting.get(language)
    if drafting is not None:
        # every phrase list: not the language, the stopwords, nor the keys read as written (insertion formulas...)
        for field in dataclasses.fields(drafting):
            value = getattr(drafting, field.name)
            if field.name not in ("language", "stopwords", *drafting.AS_WRITTEN) and isinstance(value, tuple):
                phrases.extend(value)
    return _vocabulary(tuple(phrases), language)


@lru_cache(maxsize=8)
def _vocabulary(phrases: tuple[str, ...], language: str) -> Vocabulary:
    """Built once per checklist and language, then kept in lawcheck's cache folder (named by a digest of the
    phrases, the language and the lemmatiser's version): building it lemmatises every word of the checklist."""
    from lawcheck.cache import stored
    from lawcheck.lemmas import version

    digest = hashlib.sha256("\0".join((__version__, version(language), language, *phrases)).encode()).hexdigest()[:32]
    return stored(f"vocabulary-{language}-{digest}", lambda: Vocabulary(phrases, language),
                  lambda found: isinstance(found, Vocabulary) and found.language == language)


# --------------------------------------------------------------------------- the repairs

Join = tuple[int, int, str]  # first and last token of a broken word, and the word (lower case)
Positions = Mapping[str, Sequence[int]]  # key (form or lemma) -> token positions: BillIndex.positions
Repair = Callable[[str, Tokens, Vocabulary, Positions], list[Join]]


def _kerned_piece(text: str, tokens: Tokens, i: int, longest: int) -> bool:
    """Whether token i is one or two (``longest``) letters ending in a kerned letter, one space before
    the next token."""
    start, end = tokens.starts[i], tokens.ends[i]
    return (end - start <= longest and text[end - 1] in KERNED_AFTER and text[start:end].isalpha()
            and i + 1 < len(tokens) and tokens.starts[i + 1] == end + 1 and text[end] in " \u00a0")


def _kerned_runs(text: str, tokens: Tokens, last: int) -> list[tuple[int, int]]:
    """(first, last) token runs that may be one word broken by kerning and ending at token ``last``,
    longest first: "Of f icer" (three pieces), "f icer", "of fence"."""
    runs = []
    if last >= 2 and _kerned_piece(text, tokens, last - 1, 1) and _kerned_piece(text, tokens, last - 2, 2):
        runs.append((last - 2, last))
    if last >= 1 and _kerned_piece(text, tokens, last - 1, 2):
        runs.append((last - 1, last))
    return runs


def kerning(text: str, tokens: Tokens, vocabulary: Vocabulary, positions: Positions) -> list[Join]:
    """Pieces split by kerning that make a word of the vocabulary (see the module docstring).

    Looked for from the last piece: only the tokens that can end a vocabulary word after a kerned
    letter (:attr:`Vocabulary.rests`: "fence", "viation", "icer") are looked at, found through the
    bill's index of keys, so a clean bill costs a few set look-ups."""
    from lawcheck.lemmas import is_known

    sure: list[Join] = []
    doubtful: list[Join] = []  # the last piece is a word of its own ("of fence")
    ends = sorted({j for key in vocabulary.rests.intersection(positions) for j in positions[key]})
    for j in ends:
        runs = _kerned_runs(text, tokens, j)
        rest = text[tokens.starts[j]:tokens.ends[j]]
        if not runs or not rest[0].islower() or rest.lower() in vocabulary:
            continue
        for first, last in runs:
            word = text[tokens.starts[first]:tokens.ends[last]].replace(" ", "").replace("\u00a0", "").lower()
            if word in vocabulary:
                known = is_known(rest.lower(), vocabulary.language)
                (doubtful if known else sure).append((first, last, word))
                break
    return sure + doubtful if sure else []


def hyphenation(text: str, tokens: Tokens, vocabulary: Vocabulary, positions: Positions) -> list[Join]:
    """A word hyphenated at a line end whose halves make a word of the vocabulary ("terror-\\nism") and
    whose hyphenated form is not one ("co-\\noperate" is left)."""
    joins: list[Join] = []
    for match in _LINE_END_HYPHEN.finditer(text):
        first = bisect.bisect_right(tokens.ends, match.start() + 1) - 1  # the head's token may hold the hyphen
        if first < 0 or first + 1 >= len(tokens) or tokens.ends[first] not in (match.start(), match.start() + 1) \
                or tokens.starts[first + 1] != match.end():
            continue
        head = text[tokens.starts[first]:match.start()]
        rest = text[tokens.starts[first + 1]:tokens.ends[first + 1]]
        if not (head.isalpha() and rest.isalpha() and rest[0].islower()):
            continue
        word = (head + rest).lower()
        if fold(f"{head}-{rest}".lower()) not in vocabulary.written and word in vocabulary:
            joins.append((first, first + 1, word))
    return joins


def _lam_alef_readings(word: str) -> list[str]:
    """``word`` with one or more of its reversed lam-alef pairs (not the first two letters) put back in
    order, the fewest first, then from the right: « االستيالء » -> « االستيلاء », « الاستيالء », « الاستيلاء »."""
    spots = [m.start() for m in _LAM_ALEF_REVERSED.finditer(word, 1)][-LAM_ALEF_MOST:]
    readings = []
    for n in range(1, len(spots) + 1):
        for chosen in itertools.combinations(reversed(spots), n):
            letters = list(word)
            for i in chosen:
                letters[i], letters[i + 1] = letters[i + 1], letters[i]
            readings.append("".join(letters))
    return readings


def lam_alef(text: str, tokens: Tokens, vocabulary: Vocabulary, positions: Positions) -> list[Join]:
    """Arabic words whose lam-alef ligature came out reversed and that, put back in order, make a word of
    the vocabulary (see the module docstring). Only the tokens holding an alef then a lam after their first
    letter are looked at, each spelling once, so a clean bill costs a scan of its forms."""
    if vocabulary.language != "ar":
        return []
    from lawcheck.lemmas import is_arabic_word, without_marks

    sure: list[Join] = []
    doubtful: list[Join] = []  # the token is a word of its own (« المالحة »)
    read: dict[str, tuple[str, bool] | None] = {}
    words = vocabulary.words
    for i, (form, lemma) in enumerate(zip(tokens.forms, tokens.lemmas)):
        if "\u0627\u0644" not in form[1:] or form in words or lemma in words:
            continue
        written = without_marks(text[tokens.starts[i]:tokens.ends[i]]).lower()
        if written not in read:
            word = next((w for w in _lam_alef_readings(written) if w in vocabulary), None)
            read[written] = None if word is None else (word, is_arabic_word(written))
        found = read[written]
        if found is not None:
            (doubtful if found[1] else sure).append((i, i, found[0]))
    return sure + doubtful if sure else []


REPAIRS: dict[str, Repair] = {"kerning": kerning, "hyphenation": hyphenation, "lam-alef": lam_alef}
DEFAULT_REPAIRS: tuple[str, ...] = ("kerning", "hyphenation", "lam-alef")


def repairer(names: Sequence[str] = DEFAULT_REPAIRS) -> Callable[..., Tokens]:
    """A function mending a text's tokens with the named repairs, in order: ``run(text, tokens,
    vocabulary, positions=None)``, where ``positions`` are the keys' token positions when already
    indexed (:func:`lawcheck.normalise.key_positions`)."""
    unknown = [name for name in names if name not in REPAIRS]
    if unknown:
        raise LawcheckError(f"unknown repair {unknown[0]!r}; valid repairs: {', '.join(REPAIRS)}")
    steps = [REPAIRS[name] for name in names]

    def run(text: str, tokens: Tokens, vocabulary: Vocabulary, positions: Positions | None = None) -> Tokens:
        if positions is None:
            positions = key_positions(tokens)
        joins: list[Join] = []
        for step in steps:
            joins.extend(step(text, tokens, vocabulary, positions))
        return join_tokens(tokens, joins, vocabulary.language) if joins else tokens

    return run


repair = repairer()


def join_tokens(tokens: Tokens, joins: Sequence[Join], language: str) -> Tokens:
    """The tokens with each (first, last, word) run made one token of that word; a run overlapping an
    earlier one is left as it was. Built from slices: joins are few, bills long."""
    runs: dict[int, Join] = {}
    taken: set[int] = set()
    for first, last, word in joins:
        if not taken.intersection(range(first, last + 1)):
            taken.update(range(first, last + 1))
            runs[first] = (first, last, word)
    starts: list[int] = []
    ends: list[int] = []
    forms: list[str] = []
    lemmas: list[str] = []
    cursor = 0
    for first, last, word in (runs[i] for i in sorted(runs)):
        starts += tokens.starts[cursor:first + 1]
        ends += tokens.ends[cursor:first] + (tokens.ends[last],)
        word = fold_ligatures(unify_quotes(word))
        forms += tokens.forms[cursor:first] + (fold(word),)
        lemmas += tokens.lemmas[cursor:first] + (lemma_key(word, language),)
        cursor = last + 1
    return Tokens(tuple(starts) + tokens.starts[cursor:], tuple(ends) + tokens.ends[cursor:],
                  tuple(forms) + tokens.forms[cursor:], tuple(lemmas) + tokens.lemmas[cursor:])
