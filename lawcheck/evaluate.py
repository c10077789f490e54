"""Measure lawcheck against a gold folder (the format of shared/legislation: texts/ + gold.yaml).

For every case, the bill is checked on the instruments of its ``judge_on`` list that the checklist
holds, and compared with its ``present`` entries:

* instrument level: an instrument is found when one of its principal offences is covered or partial;
* article level: each gold article (ranges such as ``1(1)(a)-(e)`` expanded) is hit when a covered or
  partial principal offence sits at that article or below it (``1(a)`` hits gold ``1``); a predicted
  article that hits no gold article is a false positive.

Ancillary offences and obligations are not scored: gold lists principal offences only.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.catalogue import load_yaml
from lawcheck.errors import InputError
from lawcheck.models import Catalogue, Report
from lawcheck.pipeline import check_bill, strip_comment_lines

FOUND = ("covered", "partial")
_RANGE_RE = re.compile(r"^(?P<base>.*)\((?P<first>[a-z]|\d+)\)-\((?P<last>[a-z]|\d+)\)$")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class CaseResult:
    case: str
    instruments: Counts
    articles: Counts
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    error: str = ""


def expand_article(article: str) -> list[str]:
    """``1(1)(a)-(c)`` -> ``1(1)(a)``, ``1(1)(b)``, ``1(1)(c)``."""
    match = _RANGE_RE.match(article)
    if not match:
        return [article]
    first, last, base = match["first"], match["last"], match["base"]
    if first.isdigit():
        return [f"{base}({n})" for n in range(int(first), int(last) + 1)]
    return [f"{base}({chr(c)})" for c in range(ord(first), ord(last) + 1)]


_INSERTED_RE = re.compile(r"^(?P<article>\d+)(?P<suffix>bis|ter|quater)\((?P<paragraph>\d+)\)")


def canonical(article: str) -> str:
    """One spelling for a paragraph inserted by a protocol: gold may write Montreal Art. 1 para. 1 bis (b)
    as ``1bis(1)(b)`` where the checklist writes ``1(1bis)(b)``."""
    article = article.replace(" ", "")
    return _INSERTED_RE.sub(lambda m: f"{m['article']}({m['paragraph']}{m['suffix']})", article)


def _under(predicted: str, gold: str) -> bool:
    predicted, gold = canonical(predicted), canonical(gold)
    return predicted == gold or predicted.startswith(gold + "(") or gold.startswith(predicted + "(")


def find_text(folder: Path, case: str) -> Path | None:
    candidates = sorted(p for p in folder.rglob(f"{case}.*") if p.suffix != ".yaml" and p.is_file())
    return candidates[0] if candidates else None


def score_case(case: str, gold: dict, report: Report, judged: list[str]) -> CaseResult:
    present = [e for e in gold.get("present") or [] if e["instrument"] in judged]
    gold_articles = {(e["instrument"], a) for e in present for a in expand_article(str(e["article"]))}
    predicted = {(r.instrument, r.article) for r in report.results
                 if r.kind == "principal" and r.status in FOUND and r.instrument in judged}
    instruments = Counts()
    gold_instruments = {i for i, _ in gold_articles}
    found_instruments = {i for i, _ in predicted}
    instruments.tp = len(gold_instruments & found_instruments)
    instruments.fp = len(found_instruments - gold_instruments)
    instruments.fn = len(gold_instruments - found_instruments)
    articles = Counts()
    hit = {g for g in gold_articles if any(p[0] == g[0] and _under(p[1], g[1]) for p in predicted)}
    stray = sorted(p for p in predicted if not any(p[0] == g[0] and _under(p[1], g[1]) for g in gold_articles))
    articles.tp, articles.fn, articles.fp = len(hit), len(gold_articles - hit), len(stray)
    return CaseResult(case, instruments, articles, [f"{i}:{a}" for i, a in stray],
                      sorted(f"{i}:{a}" for i, a in gold_articles - hit))


def evaluate(folder: str | Path, catalogue: Catalogue) -> list[CaseResult]:
    from lawcheck.read import read_bill

    root = Path(folder)
    gold_file = root / "gold.yaml"
    if not gold_file.is_file():
        raise InputError(str(root), "has no gold.yaml", "give a folder in the format of shared/legislation")
    cases = (load_yaml(gold_file) or {}).get("cases") or {}
    out = []
    for case, gold in sorted(cases.items()):
        judged = [i for i in gold.get("judge_on") or [] if i in catalogue.instruments]
        path = find_text(root, case)
        if path is None or not judged:
            out.append(CaseResult(case, Counts(), Counts(), error="no text found" if path is None else "no instrument to judge"))
            continue
        bill = read_bill(path)
        bill = dataclasses.replace(bill, text=strip_comment_lines(bill.text), path=path.name)
        report = check_bill(bill, catalogue, gold.get("language"), tuple(judged))
        out.append(score_case(case, gold, report, judged))
    return out


def totals(results: list[CaseResult]) -> tuple[Counts, Counts]:
    instruments, articles = Counts(), Counts()
    for result in results:
        instruments.add(result.instruments)
        articles.add(result.articles)
    return instruments, articles


def _figure(value: float, defined: bool, width: int) -> str:
    return f"{value:{width}.2f}" if defined else f"{'-':>{width}}"


def _row(name: str, instruments: Counts, articles: Counts) -> str:
    return (f"{name:32} {_figure(instruments.precision, instruments.tp + instruments.fp > 0, 8)} "
            f"{_figure(instruments.recall, instruments.tp + instruments.fn > 0, 8)} "
            f"{_figure(articles.precision, articles.tp + articles.fp > 0, 7)} "
            f"{_figure(articles.recall, articles.tp + articles.fn > 0, 7)} "
            f"{_figure(articles.f1, articles.tp + articles.fp + articles.fn > 0, 7)}")


def render_evaluation(results: list[CaseResult]) -> str:
    """Per case and overall figures; "-" where a figure is undefined (nothing found, nothing expected)."""
    lines = [f"{'case':32} {'instr P':>8} {'instr R':>8} {'art P':>7} {'art R':>7} {'art F1':>7}"]
    for r in results:
        if r.error:
            lines.append(f"{r.case:32} skipped: {r.error}")
            continue
        lines.append(_row(r.case, r.instruments, r.articles))
        for item in r.false_negatives:
            lines.append(f"    missed       {item}")
        for item in r.false_positives:
            lines.append(f"    false alarm  {item}")
    instruments, articles = totals(results)
    lines.append(_row("OVERALL", instruments, articles))
    lines.append(f"(instrument tp/fp/fn {instruments.tp}/{instruments.fp}/{instruments.fn}; "
                 f"article tp/fp/fn {articles.tp}/{articles.fp}/{articles.fn}; principal offences only)")
    return "\n".join(lines) + "\n"
