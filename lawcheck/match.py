"""Find checklist phrases in a bill.

The bill's tokens are indexed once (:class:`BillIndex`: key -> token positions, for both the folded
surface form and the folded lemma). A phrase is looked up through the index: exact matches on forms or
lemmas first; then, for phrase words the bill does not contain, rapidfuzz proposes the bill's words
that are spelled nearly the same (OCR slips, inflections the lemmatiser misses). Fuzzy matching runs
only against the bill's vocabulary, never over provisions x phrases.

A match preceded closely by a carve-out ("other than", « à l'exception de ») is dropped: the provision
excludes that act rather than creating it.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process

from lawcheck.normalise import EXACT, Tokens, key_positions, phrase_keys

FUZZY_MIN_LENGTH = 5  # words shorter than this are matched exactly only
FUZZY_CUTOFF = 86.0  # rapidfuzz ratio (0-100)
# Languages matched exactly only: Arabic words of one root differ by a letter (« سفينة », « سكينة »), and
# Chinese words are one to four characters.
EXACT_ONLY = ("ar", "zh")
GAP = 3  # "*" in a phrase stands for 0..GAP words
GAPS = {"zh": 5}  # Chinese words are one or two characters: a gap of as many characters takes more of them
CARVE_OUT_WINDOW = 4  # words between a carve-out and the words it excludes
NEGATION_WINDOW = 1  # a negation excludes the circumstance right after it ("not in flight"), no further
OUTSIDE_WINDOW = 2  # a qualifier puts outside the treaty the word right after it, or the second of two joined
#                     words (« 军用舰艇、航空器 »: military vessels and aircraft)
REPORTED_WINDOW = 15  # words after "to the effect that" that report a message rather than describe an act
WRAPPED_LINE_WORDS = 12  # a longer line that does not end its sentence is prose wrapped by a PDF, not a heading


class Hit(NamedTuple):
    """One place where a phrase was found: character and token spans, and how exact it was.

    A named tuple: hits are hashed and sorted by the thousand, and tuples do that in C."""

    start: int
    end: int
    first_token: int
    last_token: int
    score: float  # 1.0 exact; the lowest fuzzy ratio of its words otherwise
    phrase: str


def _inflected(word: str, key: str) -> bool:
    """Whether two spellings differ only in their ending ("largue" / "larguer"), as inflections do."""
    shorter = min(len(word), len(key))
    common = next((i for i, (a, b) in enumerate(zip(word, key)) if a != b), shorter)
    return common >= shorter - 1


@lru_cache(maxsize=100_000)
def is_word(word: str, language: str) -> bool:
    """Whether the dictionary knows the word: a bill word that is a word in its own right ("internationally",
    « présente ») is not a misspelling of a phrase word ("intentionally", « présence »), so fuzzy matching
    leaves it alone unless it differs only in its ending (an inflection the lemmatiser missed); fuzzy
    matching is for extraction slips and typing errors ("terorism")."""
    from lawcheck.lemmas import is_known  # simplemma's, over the dictionaries lemmas were read from

    try:
        return bool(is_known(word, language))
    except (ValueError, KeyError):  # pragma: no cover - a language simplemma lacks
        return False


class Hits(tuple):
    """Hits in document order, with their start offsets kept for bisection."""

    @property
    def starts(self) -> list[int]:
        cached = self.__dict__.get("_starts")
        if cached is None:
            cached = self.__dict__["_starts"] = [h.start for h in self]
        return cached


class BillIndex:
    """Token positions of every key of the bill, and its vocabulary for fuzzy look-ups."""

    def __init__(self, tokens: Tokens, language: str) -> None:
        self.tokens = tokens
        self.language = language
        self.gap = GAPS.get(language, GAP)
        self.positions = key_positions(tokens)
        self._vocabulary = sorted(k for k in self.positions if len(k) >= FUZZY_MIN_LENGTH)
        self._by_length: list[str] | None = None  # the vocabulary by length, then in order (see _near_spellings)
        self._lengths: list[int] = []
        self._fuzzy_cache: dict[str, dict[str, float]] = {}
        self._phrase_cache: dict[str, Hits] = {}
        # carve-outs -> their ends and spans sorted for drop_after and drop_inside: every element's hits are tried
        # against the same carve-outs of the bill (keyed by identity, the carve-outs kept so it is not reused)
        self._cue_tables: dict[int, tuple[tuple[Hit, ...], list[int], CueSpans]] = {}

    # ------------------------------------------------------------------ keys

    def _fuzzy(self, key: str) -> dict[str, float]:
        """Bill words spelled nearly like ``key`` (absent from the bill), with their score 0-1."""
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        found: dict[str, float] = {}
        if len(key) >= FUZZY_MIN_LENGTH and key not in self.positions and self.language not in EXACT_ONLY:
            for word, score in self._near_spellings(key):
                if (word[0] == key[0] or word[-1] == key[-1]) and (
                        _inflected(word, key) or not is_word(word, self.language)):
                    found[word] = round(score / 100.0, 3)
        self._fuzzy_cache[key] = found
        return found

    def _near_spellings(self, key: str, limit: int = 8) -> list[tuple[str, float]]:
        """The ``limit`` words of the vocabulary closest to ``key`` with a ratio of at least FUZZY_CUTOFF, best first
        (ties in the vocabulary's order): rapidfuzz's ``process.extract`` over the whole vocabulary, run only on the
        words whose length allows that ratio (a ratio is at most 200 * shorter / (sum of the lengths))."""
        if self._by_length is None:
            self._by_length = sorted(self._vocabulary, key=len)  # a stable sort: in order within a length
            self._lengths = [len(word) for word in self._by_length]
        size = len(key)
        reach = [n for n in range(FUZZY_MIN_LENGTH, 2 * size + 1)
                 if 200.0 * min(size, n) / (size + n) >= FUZZY_CUTOFF - 1e-6]
        if not reach:
            return []
        words = self._by_length[bisect.bisect_left(self._lengths, reach[0]):bisect.bisect_right(self._lengths, reach[-1])]
        found = process.extract(key, words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None)
        return [(word, score) for word, score, _ in sorted(found, key=lambda f: (-f[1], f[0]))[:limit]]

    def _alternatives(self, keys: tuple[str, ...]) -> dict[str, float]:
        if keys[0].startswith(EXACT):  # one inflected form: no lemma, no near spelling
            return {key[1:]: 1.0 for key in keys if key[1:] in self.positions}
        out = {key: 1.0 for key in keys if key in self.positions}
        if not out:
            for key in keys:
                for word, score in self._fuzzy(key).items():
                    out[word] = max(out.get(word, 0.0), score)
        return out

    # ------------------------------------------------------------------ phrases

    def find(self, phrase: str) -> Hits:
        """Every place the phrase occurs, in document order (cached per phrase)."""
        if phrase not in self._phrase_cache:
            self._phrase_cache[phrase] = Hits(self._find(phrase))
        return self._phrase_cache[phrase]

    def _find(self, phrase: str) -> tuple[Hit, ...]:
        pattern = [("*", {}) if keys == ("*",) else ("w", self._alternatives(keys)) for keys in phrase_keys(phrase, self.language)]
        while pattern and pattern[0][0] == "*":
            pattern.pop(0)
        while pattern and pattern[-1][0] == "*":
            pattern.pop()
        if not pattern or any(kind == "w" and not alts for kind, alts in pattern):
            return ()
        starts = self._candidate_starts(pattern)
        forms, lemmas, token_starts, token_ends = self.tokens.forms, self.tokens.lemmas, self.tokens.starts, self.tokens.ends
        opening = pattern[0][1]
        hits = []
        for first in sorted(starts):
            form, lemma = forms[first], lemmas[first]
            if form not in opening and lemma not in opening:
                continue
            # the opening word's score: that of its form, unless its lemma scores higher
            score = opening[form] if form in opening and (lemma not in opening or opening[form] >= opening[lemma]) \
                else opening[lemma]
            found = self._walk(pattern, 1, first + 1, score) if len(pattern) > 1 else (first, score)
            if found is not None:
                last, score = found
                hits.append(Hit(token_starts[first], token_ends[last], first, last, score, phrase))
        return tuple(hits)

    def _postings(self, alternatives: dict[str, float]) -> set[int]:
        out: set[int] = set()
        for key in alternatives:
            out.update(self.positions[key])
        return out

    def _candidate_starts(self, pattern: list) -> set[int]:
        """Token positions where the phrase may begin. Without gaps, anchored on its rarest word (a phrase
        such as "place of public use" is looked up through "public use", not through every "place"). With
        gaps, the positions of its first word that have its rarest later word within reach (as many words on
        as the words and gaps before it allow): only those can begin a match."""
        sizes = [sum(len(self.positions[k]) for k in alternatives) if kind == "w" else 0
                 for kind, alternatives in pattern]
        if any(kind == "*" for kind, _ in pattern):
            starts = self._postings(pattern[0][1])
            later = [p for p in range(1, len(pattern)) if pattern[p][0] == "w"]
            if not later:
                return starts
            rarest = min(later, key=lambda p: sizes[p])
            if sizes[rarest] >= len(starts):
                return starts
            gaps = sum(kind == "*" for kind, _ in pattern[:rarest])
            low, high = rarest - gaps, rarest - gaps + gaps * self.gap  # words (and skipped words) before it
            anchors = sorted(self._postings(pattern[rarest][1]))
            out = set()
            for start in starts:
                i = bisect.bisect_left(anchors, start + low)
                if i < len(anchors) and anchors[i] <= start + high:
                    out.add(start)
            return out
        rarest = sizes.index(min(sizes))
        return {i - rarest for i in self._postings(pattern[rarest][1]) if i >= rarest}

    def _walk(self, pattern: list, p: int, i: int, score: float) -> tuple[int, float] | None:
        """Match pattern[p:] from token i; return (last token, score) or None (words in a loop, a gap by trying
        each of its lengths, shortest first)."""
        forms, lemmas, size = self.tokens.forms, self.tokens.lemmas, len(self.tokens)
        while p < len(pattern):
            kind, alternatives = pattern[p]
            if kind == "*":
                for skip in range(self.gap + 1):
                    found = self._walk(pattern, p + 1, i + skip, score)
                    if found is not None:
                        return found
                return None
            if i >= size:
                return None
            best = max(alternatives.get(forms[i], 0.0), alternatives.get(lemmas[i], 0.0))
            if best == 0.0:
                return None
            score = min(score, best)
            p += 1
            i += 1
        return i - 1, score

    def find_any(self, phrases: tuple[str, ...], carve_outs: tuple[Hit, ...] = ()) -> Hits:
        """Hits of any of the phrases, in document order, without those that a carve-out excludes."""
        hits = {hit for phrase in phrases for hit in self.find(phrase)}
        table = self._cue_tables.get(id(carve_outs))
        if table is None or table[0] is not carve_outs:
            table = self._cue_tables[id(carve_outs)] = (carve_outs, cue_ends(carve_outs), cue_spans(carve_outs))
        kept = drop_inside(drop_after(hits, carve_outs, CARVE_OUT_WINDOW, table[1]), carve_outs, table[2])
        return Hits(sorted(kept, key=lambda h: (h.start, -h.score, h.end, h.phrase)))


def as_written(index: BillIndex, hits: Hits) -> Hits:
    """The hits whose first and last words the bill writes as their phrase does, not only with the same lemma.
    An Arabic means cue is a preposition written onto a noun (« بالعنف », by violence): met on its lemma, it
    would be the bare noun (« العنف ») wherever the act itself is named. One letter more in front of the word is
    still the word as written: a conjunction joined to it (« وبالعنف »)."""
    def written(token: int, word: str) -> bool:
        form = index.tokens.forms[token]
        return form == word or (form.endswith(word) and len(form) == len(word) + 1)

    kept = []
    for hit in hits:
        words = [keys[0] for keys in phrase_keys(hit.phrase, index.language) if keys != ("*",)]
        if words and written(hit.first_token, words[0]) and written(hit.last_token, words[-1]):
            kept.append(hit)
    return Hits(kept)


def cue_ends(cues: tuple[Hit, ...]) -> list[int]:
    """The cues' last tokens, sorted (what :func:`drop_after` looks in)."""
    return sorted(h.last_token for h in cues)


def drop_after(hits, cues: tuple[Hit, ...], window: int,  # noqa: ANN001 - any iterable of hits
               ends: list[int] | None = None) -> list[Hit]:
    """The hits that do not begin within ``window`` words after one of the cues (``ends``: their
    :func:`cue_ends`, when already known)."""
    if not cues:
        return list(hits)
    ends = cue_ends(cues) if ends is None else ends
    count = len(ends)
    out = []
    for hit in hits:  # a cue ending in the window before the hit's first word drops it
        first = hit.first_token
        i = bisect.bisect_left(ends, first - window)
        if not (i < count and ends[i] < first):
            out.append(hit)
    return out


def cue_token_ends(cues: tuple[Hit, ...]) -> list[tuple[int, int]]:
    """The cues' (last token, end), sorted (what :func:`drop_reported` and :func:`drop_qualified` look in)."""
    return sorted((h.last_token, h.end) for h in cues)


def drop_reported(hits, cues: tuple[Hit, ...], window: int, text: str,  # noqa: ANN001 - any iterable of hits
                  ends: list[tuple[int, int]] | None = None) -> list[Hit]:
    """The hits that do not begin within ``window`` words after one of the cues on the same line: a message
    reported after "to the effect that" ends with its line, so a heading (« Заведомо ложное сообщение о взрывном
    устройстве ») reports nothing of the article text under it. ``ends``: the cues' :func:`cue_token_ends`, when
    already known."""
    ends = cue_token_ends(cues) if ends is None else ends
    kept = []
    for hit in hits:
        i = bisect.bisect_left(ends, (hit.first_token - window, -1))
        j = bisect.bisect_left(ends, (hit.first_token, -1))  # the cues ending in the window before the hit
        reported = any("\n" not in text[end:hit.start] or _wrapped_prose(text, end) for _, end in ends[i:j])
        if not reported:
            kept.append(hit)
    return kept


_CLAUSE_END = (".", "。", ":", "：", ";", "；", "؛", "!", "?", "؟", "—", "–", "-", ",")


def _wrapped_prose(text: str, at: int) -> bool:
    """Whether the line holding ``at`` is prose wrapped at a fixed width (a PDF's text: long, and going on on the
    next line without closing a clause), not a heading: a message reported there goes on past the line end."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    return len(line.split()) > WRAPPED_LINE_WORDS and not line.endswith(_CLAUSE_END)


class CueSpans(NamedTuple):
    """The cues' token spans sorted, their first tokens, and how far the three cues opening before each reach."""

    spans: list[tuple[int, int]]
    firsts: list[int]
    reach: list[int]


def cue_spans(cues: tuple[Hit, ...]) -> CueSpans:
    """What :func:`drop_inside` looks in."""
    spans = sorted((c.first_token, c.last_token) for c in cues)
    # the furthest the three cues that open before a hit reach: a hit beyond it is kept without looking at them
    reach = [max(last for _, last in spans[max(0, i - 3):i]) if i else -1 for i in range(len(spans) + 1)]
    return CueSpans(spans, [first for first, _ in spans], reach)


def drop_inside(hits, cues: tuple[Hit, ...],  # noqa: ANN001 - any iterable of hits
                table: CueSpans | None = None) -> list[Hit]:
    """The hits that do not begin inside one of the cues: « تسري أحكام » in « ولا تسري أحكام هذه المادة », "apply"
    in "does not apply to" are the carve-out's own words. A phrase that opens with the cue's first word and goes
    beyond it (« помимо или с сокрытием от таможенного контроля » after the cue « помимо ») is a phrase of its own.
    ``table``: the cues' :func:`cue_spans`, when already known."""
    if not cues:
        return list(hits)
    spans, firsts, reach = cue_spans(cues) if table is None else table
    out = []
    for hit in hits:
        first = hit.first_token
        i = bisect.bisect_right(firsts, first)
        if reach[i] < first or not any(spans[j][1] >= first and (spans[j][0] < first or spans[j][1] >= hit.last_token)
                                       for j in range(max(0, i - 3), i)):
            out.append(hit)
    return out


_CLAUSE_END_RE = re.compile(r"[，,；;。\n]")


def clause_spans(cues: tuple[Hit, ...], text: str) -> tuple[tuple[int, int], ...]:
    """The clause each carve-out opens: from the carve-out to the next comma, semicolon or full stop. A carve-out
    that closes its clause (« ……的除外。») opens none."""
    spans = []
    for cue in cues:
        end = _CLAUSE_END_RE.search(text, cue.end)
        stop = end.start() if end else len(text)
        if stop > cue.end and text[cue.end:stop].strip():
            spans.append((cue.start, stop))
    return merge(spans)


# The words of a list stand in one clause: no clause punctuation (of either script) between them, and few characters
_IN_ONE_CLAUSE_RE = re.compile(r"^[^，,；;。：:\n“”「」（）()]{0,40}$")


@lru_cache(maxsize=8)
def _joined_re(conjunctions: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(map(re.escape, conjunctions))) if conjunctions else None


def drop_qualified(hits, cues: tuple[Hit, ...], text: str, window: int,  # noqa: ANN001 - any iterable of hits
                   separator: str = "", conjunctions: tuple[str, ...] = ()) -> list[Hit]:
    """The hits not qualified by one of the cues: a cue standing ``window`` words before the hit, or before a
    list that ends with it: words joined by ``separator`` (drafting `list_separator`, « 军用机场、港口、舰艇、航空器 »),
    in one clause, with none of ``conjunctions`` between (drafting `list_conjunctions`: « 军用舰艇、民用或者公务航空器 »,
    a second qualifier may follow one)."""
    kept = drop_after(hits, cues, window)
    if not separator:
        return kept
    joined = _joined_re(conjunctions)
    ends = cue_token_ends(cues)
    out = []
    for h in kept:
        i = bisect.bisect_left(ends, (h.first_token, -1)) - 1
        between = text[ends[i][1]:h.start] if i >= 0 else ""
        if (i >= 0 and separator in between and _IN_ONE_CLAUSE_RE.match(between)
                and not (joined and joined.search(between))):
            continue
        out.append(h)
    return out


def drop_before(hits, cues: tuple[Hit, ...]) -> list[Hit]:  # noqa: ANN001 - any iterable of hits
    """The hits not followed at once by one of the cues (the cue begins on the word after the hit's last)."""
    starts = {h.first_token for h in cues}
    return [h for h in hits if h.last_token + 1 not in starts]


def merge(ranges: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The character ranges sorted, empty ones dropped, overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(r for r in ranges if r[1] > r[0]):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return tuple(out)


def hits_outside(hits: Hits, others: Hits) -> Hits:
    """The hits that do not lie wholly inside one of ``others`` (in document order, in linear time)."""
    return hits_outside_ranges(hits, merge([(h.start, h.end) for h in others]))


def hits_outside_ranges(hits: Hits, ranges: tuple[tuple[int, int], ...]) -> Hits:
    """The hits that do not lie wholly inside one of the (sorted, disjoint) character ranges."""
    inside = {id(h) for h in hits_within(hits, ranges)}
    return Hits(h for h in hits if id(h) not in inside)


def hits_within(hits: tuple[Hit, ...], ranges: tuple[tuple[int, int], ...]) -> list[Hit]:
    """The hits lying wholly inside one of the (sorted, disjoint) character ranges."""
    if not hits or not ranges:
        return []
    starts = hits.starts if isinstance(hits, Hits) else [h.start for h in hits]
    out: list[Hit] = []
    for lo, hi in ranges:
        i = bisect.bisect_left(starts, lo)
        while i < len(hits) and hits[i].start < hi:
            if hits[i].end <= hi:
                out.append(hits[i])
            i += 1
    return out
