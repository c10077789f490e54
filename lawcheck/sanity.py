"""Sanity checks on a reading: say when the structure found, or the language guessed, looks implausible.

A warning names what looks wrong and what to check. Each is a :class:`Notice`: a string in English (what
the terminal, the JSON and the CLI show) that also carries its code and values, so that the Word and HTML
reports can say it in the report's language (``render/labels/<lang>.yaml``: ``warning.<code>``).

* ``schedule_early``: a schedule (annex) starts before most of the text, so most of the bill was read as
  a schedule, which creates no offence;
* ``unlabelled``: most of the text lies outside any numbered provision;
* ``few_offences``: a long text with almost no provision that creates an offence;
* ``no_provisions``: no numbered provision at all: the bill was judged as one block;
* ``language_margin``: the language was guessed with little margin over another.
"""

from __future__ import annotations

from collections.abc import Sequence

from lawcheck.models import Structure

SCHEDULE_SHARE = 0.5  # a schedule holding more than this share of the text ...
SCHEDULE_START = 0.25  # ... and starting in the first quarter of it: front matter read as a schedule
UNLABELLED_SHARE = 0.5  # share of the text outside any section
LONG_TEXT_WORDS = 3000  # a text this long with at most FEW_OFFENCES offence-creating sections is implausible
FEW_OFFENCES = 1
LANGUAGE_MARGIN = 1.5  # the chosen language's share of function words is less than this times the runner-up's


class Notice(str):
    """A warning: English text, with its code and values for the reports in other languages."""

    code: str
    values: dict[str, object]

    def __new__(cls, code: str, **values: object) -> Notice:
        from lawcheck.render.i18n import Labels

        notice = super().__new__(cls, Labels("en")(f"warning.{code}", **values))
        notice.code, notice.values = code, values
        return notice

    def __reduce__(self):  # noqa: ANN204 - keeps code and values through copy and pickle
        return (_rebuild, (self.code, self.values))


def _rebuild(code: str, values: dict[str, object]) -> Notice:
    return Notice(code, **values)


def in_language(warning: str, t) -> str:  # noqa: ANN001 - a render.i18n.Labels
    """A warning in the report's language when it is a :class:`Notice`; else as it is."""
    code = getattr(warning, "code", None)
    if not code:
        return warning
    values = {name: t(f"language.{value}") if name in ("language", "other") and f"language.{value}" in t.keys()
              else in_language(value, t) if isinstance(value, Notice)  # a warning about a draft, in a comparison
              else value for name, value in warning.values.items()}  # "en" said as "English", "الإنجليزية"
    return t(f"warning.{code}", **values)


def check_reading(structure: Structure, text_length: int, words: int, offence_sections: int,
                  shares: Sequence[tuple[str, float]] = ()) -> tuple[Notice, ...]:
    """The warnings a reading deserves (none when it looks plausible)."""
    out: list[Notice] = []
    provisions = structure.provisions
    articles = [p for p in provisions if p.level == "article"]
    if not articles:
        out.append(Notice("no_provisions"))
    for p in provisions:
        if p.level == "schedule" and p.start < SCHEDULE_START * text_length and (p.end - p.start) > SCHEDULE_SHARE * text_length:
            out.append(Notice("schedule_early", label=p.label, percent=round(100 * p.start / max(text_length, 1))))
            break
    covered = sum(p.end - p.start for p in articles if p.parent is None or provisions[p.parent].level != "article")
    if articles and covered < (1 - UNLABELLED_SHARE) * text_length:
        out.append(Notice("unlabelled", percent=round(100 * (1 - covered / max(text_length, 1)))))
    if articles and words >= LONG_TEXT_WORDS and offence_sections <= FEW_OFFENCES:
        out.append(Notice("few_offences", words=words, sections=offence_sections))
    if len(shares) >= 2:
        (first, best), (second, runner) = shares[0], shares[1]
        if runner > 0 and best < LANGUAGE_MARGIN * runner:
            out.append(Notice("language_margin", language=first, other=second))
    return tuple(out)
