"""The library entry points: read -> split -> normalise (and repair) -> match -> decide -> Report.

Prints nothing and never exits: the CLI calls these and renders the result.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lawcheck import __version__
from lawcheck.catalogue import load_catalogue
from lawcheck.context import Unit, UnitBuilder, article_of
from lawcheck.decide import Decider
from lawcheck.decisions import apply_decisions, default_path, make_decision, save_decision
from lawcheck.errors import DecisionsError, EmptyBill, LawcheckError
from lawcheck.language import check_language, detect_language, language_shares
from lawcheck.match import BillIndex
from lawcheck.models import Bill, BillInfo, Catalogue, Decision, Offence, Report, Structure
from lawcheck.normalise import Tokens, tokenize
from lawcheck.repair import repair, vocabulary
from lawcheck.sanity import Notice, check_reading
from lawcheck.split import split

Progress = Callable[[int, int], None]


def _select(catalogue: Catalogue, instruments: tuple[str, ...]) -> Catalogue:
    unknown = [i for i in instruments if i not in catalogue.instruments]
    if unknown:
        known = ", ".join(sorted(catalogue.instruments))
        raise LawcheckError(f"unknown instrument {unknown[0]!r}; the checklist has: {known}")
    return catalogue.select(tuple(dict.fromkeys(instruments)))


@dataclass(frozen=True)
class Analysis:
    """A bill split, tokenised, indexed and read provision by provision, ready to judge any offence."""

    language: str
    structure: Structure
    tokens: Tokens
    index: BillIndex
    units: tuple[Unit, ...]
    decider: Decider
    language_given: bool = False  # the language was given (--lang), not guessed


def analyse(bill: Bill, catalogue: Catalogue, language: str | None = None) -> Analysis:
    """read -> split -> normalise -> match: everything a verdict needs, in the bill's language."""
    lang = check_language(language, catalogue.drafting) if language else detect_language(
        bill.text, catalogue.drafting, bill.path)
    structure = split(bill.text, lang, catalogue.drafting[lang])
    tokens, index = _indexed(bill.text, lang, catalogue)
    units = UnitBuilder(bill.text, structure, index, catalogue.drafting[lang]).units()
    return Analysis(lang, structure, tokens, index, units, Decider(bill.text, structure, units, index, catalogue, lang),
                    bool(language))


def _indexed(text: str, language: str, catalogue: Catalogue) -> tuple[Tokens, BillIndex]:
    """The bill's tokens, with the words broken by PDF extraction mended, and their index."""
    tokens = tokenize(text, language)
    index = BillIndex(tokens, language)
    repaired = repair(text, tokens, vocabulary(catalogue, language), index.positions)
    return (tokens, index) if repaired is tokens else (repaired, BillIndex(repaired, language))


def check_bill(
    bill: Bill,
    catalogue: Catalogue | None = None,
    language: str | None = None,
    instruments: tuple[str, ...] = (),
    progress: Progress | None = None,
    decisions: tuple[Decision, ...] = (),
) -> Report:
    """Check one bill against the checklist and return the report (the same bill gives the same report).

    ``decisions`` (see :mod:`lawcheck.decisions`) are applied after the automatic verdicts.
    """
    catalogue = _select(catalogue or load_catalogue(), instruments)
    if not bill.text.strip():
        raise EmptyBill(bill.path, "the file holds no text", "check that it is the right file")
    analysis = analyse(bill, catalogue, language)
    return report_from(bill, catalogue, analysis, progress, decisions)


def report_from(bill: Bill, catalogue: Catalogue, analysis: Analysis, progress: Progress | None = None,
                decisions: tuple[Decision, ...] = ()) -> Report:
    """The report on every offence of ``catalogue`` (already selected) from a bill's analysis."""
    lang, structure, tokens, decider = analysis.language, analysis.structure, analysis.tokens, analysis.decider
    offences = catalogue.available(lang)
    results = []
    for number, offence in enumerate(offences, 1):
        results.append(decider.result(offence))
        if progress:
            progress(number, len(offences))
    holders = {article_of(structure, u.provision.index)
               for u in analysis.units if u.penal and u.enacting and not u.duty and not u.definition}
    offence_sections = [i for i in holders if structure.provisions[i].level == "article"]
    warnings = check_reading(structure, len(bill.text), len(tokens), len(offence_sections),
                             () if analysis.language_given else language_shares(bill.text, catalogue.drafting))
    judged = {o.instrument for o in offences}
    if len(offences) < len(catalogue.offences):  # the checklist is not yet written in the bill's language
        warnings += (not_available(catalogue, offences, lang),)
    info = BillInfo(_display_path(bill.path), bill.title, lang, len(structure.provisions), len(tokens),
                    bill.sha256, bill.format)
    report = Report(info, tuple(i for i in catalogue.instruments if i in judged), tuple(results), __version__, warnings)
    if decisions:
        report = apply_decisions(report, decisions, bill.text, structure.provisions, catalogue)
    return report


def not_available(catalogue: Catalogue, offences: tuple[Offence, ...], language: str) -> Notice:
    """The warning that some entries are not yet written in the bill's language: they were not judged (never
    "missing"), with the number of instruments none of whose entries could be judged."""
    judged = {o.instrument for o in offences}
    unjudged = [i for i in catalogue.instruments if i not in judged]
    return Notice("not_available", language=language, count=len(catalogue.offences) - len(offences),
                  total=len(catalogue.offences), instruments=len(unjudged))


def _display_path(path: str) -> str:
    """The path as given when relative, else the file name: reports carry no absolute paths."""
    return path if not Path(path).is_absolute() else Path(path).name


def check_file(
    path: str | Path,
    catalogue: Catalogue | None = None,
    language: str | None = None,
    instruments: tuple[str, ...] = (),
    progress: Progress | None = None,
    decisions: tuple[Decision, ...] = (),
) -> Report:
    from lawcheck.read import read_bill

    return check_bill(read_bill(path), catalogue, language, instruments, progress, decisions)


def strip_comment_lines(text: str, most: int = 2) -> str:
    """Drop the two leading '#' lines that shared/legislation texts carry (source and title notes, not law).

    Only two: a third '#' line may be the law's own Markdown heading ("# Article L282-1").
    """
    return re.sub(rf"\A(?:#[^\n]*\n){{0,{most}}}", "", text)


def record_decision(bill_path: str | Path, offence: str, status: str, note: str, *, by: str = "", date: str = "",
                    provision: str | None = None, decisions_path: str | Path | None = None,
                    catalogue: Catalogue | None = None, language: str | None = None) -> tuple[Path, Decision]:
    """Check the bill for the offence's instrument, fingerprint the text judged on, and save the decision
    (``lawcheck decide``; the file's format is in :mod:`lawcheck.decisions`).

    Returns the decisions file written and the decision recorded.
    """
    from lawcheck.read import read_bill

    catalogue = catalogue or load_catalogue()
    try:
        instrument = catalogue.offence(offence).instrument
    except KeyError:
        raise DecisionsError(f"unknown offence {offence!r}; see 'lawcheck offences list'") from None
    bill = read_bill(bill_path)
    report = check_bill(bill, catalogue, language, (instrument,))
    provisions = split(bill.text, report.bill.language, catalogue.drafting[report.bill.language]).provisions
    decision = make_decision(report, bill.text, provisions, offence, status, note, by,
                             date or datetime.date.today().isoformat(), provision)
    path = Path(decisions_path) if decisions_path else default_path(bill_path)
    save_decision(path, decision, catalogue)
    return path, decision
