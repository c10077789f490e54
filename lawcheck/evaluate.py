"""Measure lawcheck against a gold folder (the format of shared/legislation: texts/ + gold.yaml).

For every case, the bill is checked on the instruments of its ``judge_on`` list that the checklist
holds, and compared with its ``present`` entries:

* instrument level: an instrument is found when one of its principal offences is covered or partial;
* article level: each gold article (ranges such as ``1(1)(a)-(e)`` expanded) is hit when a covered or
  partial principal offence sits at that article or below it (``1(a)`` hits gold ``1``); a predicted
  article that hits no gold article is a false positive;
* citation: a gold article that is hit is *rightly cited* when one of the provisions the verdict cites
  carries the section number of the gold ``provision`` (or its ``provision_num``), at the same
  subsection when both name one.

Ancillary offences and obligations are not scored: gold lists principal offences only, except an entry
at an article that gold lists (the unruly-passenger conduct that the 2014 Montreal Protocol only encourages
states to make an offence; the prohibitions of the Plastic Explosives Convention, which has no offences).
Articles under ``arguable`` count neither for nor against.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lawcheck.yamlfile import load_yaml
from lawcheck.errors import InputError, LanguageError
from lawcheck.models import REQUIRED_LANGUAGES, Bill, Catalogue, Drafting, Report
from lawcheck.pipeline import Analysis, analyse, report_from, strip_comment_lines

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
class Citations:
    right: int = 0
    total: int = 0

    def add(self, other: Citations) -> None:
        self.right, self.total = self.right + other.right, self.total + other.total

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass(frozen=True)
class Miscited:
    """A gold article found, but on another provision than the one gold names."""

    article: str  # instrument:article
    expected: str  # the gold provision
    cited: tuple[str, ...]  # the provisions the verdict cites


@dataclass
class CaseResult:
    case: str
    instruments: Counts
    articles: Counts
    false_positives: list[str] = field(default_factory=list)
    false_negatives: list[str] = field(default_factory=list)
    error: str = ""
    citations: Citations = field(default_factory=Citations)
    miscited: list[Miscited] = field(default_factory=list)
    language: str = ""
    tradition: str = ""
    details: dict[str, str] = field(default_factory=dict)  # instrument:article -> why (eval --detail)


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


_ROMAN_ARTICLE_RE = re.compile(r"^(?P<roman>[IVX]+)(?=\(|$)")
_ROMAN = {"I": 1, "V": 5, "X": 10}


def _arabic(roman: str) -> str:
    values = [_ROMAN[c] for c in roman]
    return str(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))


def canonical(article: str) -> str:
    """One spelling of an article: a paragraph inserted by a protocol (gold may write Montreal Art. 1
    para. 1 bis (b) as ``1bis(1)(b)`` where the checklist writes ``1(1bis)(b)``), and an article numbered in
    roman figures (the Plastic Explosives Convention's ``II`` is ``2``)."""
    article = article.replace(" ", "")
    article = _ROMAN_ARTICLE_RE.sub(lambda m: _arabic(m["roman"]), article)
    return _INSERTED_RE.sub(lambda m: f"{m['article']}({m['paragraph']}{m['suffix']})", article)


def _under(predicted: str, gold: str) -> bool:
    predicted, gold = canonical(predicted), canonical(gold)
    return predicted == gold or predicted.startswith(gold + "(") or gold.startswith(predicted + "(")


# The words of a provision's label (Section, Artículo, Статья, المادة, 第…条): the evaluator reads the labels lawcheck
# prints and the ``provision`` of the gold files, so these follow the splitter's label forms (lawcheck.split, where
# the layout of each tradition is), not a drafting file; they judge nothing.
_LABEL_WORD_RE = re.compile(
    r"^(?:(?:sections?|ss?|articles?|art[íi]culos?|arts?|clauses?|cls?|rules?|regulations?|paragraphs?|paras?|"
    r"chapters?|parts?|schedules?)\b\.?\s*|§+\s*)+", re.I)
_NUMBER_RE = re.compile(r"[A-Za-z]{0,2}\d[\w.\-]*?(?=[\s(,;º°]|$|\.(?:\s|$))|[A-Za-z]{0,2}\d[\w.\-]*")
_SUBPART_RE = re.compile(r"\(([^()\s]{1,6})\)")


@functools.lru_cache(maxsize=4)
def _inserted_label_re(verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """The label the splitter gives an inserted provision, "Section 5 (inserting section 10A(1))", « Статья 1
    (включаемая статья 233-3(1)) »: the verb is a drafting file's `inserted_label`; the inserted label follows."""
    if not verbs:
        return None
    either = "|".join(r"\s+".join(map(re.escape, verb.split())) for verb in verbs)
    return re.compile(rf"\((?:{either})\s+(\S.*?)\)?$", re.I)


def _inserting(drafting: dict[str, Drafting] | None) -> tuple[str, ...]:
    """The words naming an inserted provision (drafting `inserted_label`) in every language of the checklist."""
    if drafting is None:
        from lawcheck.split import default_drafting

        drafting = default_drafting()
    return tuple(sorted({d.inserted_label for d in drafting.values() if d.inserted_label}))


_OTHER_LABEL_RE = re.compile(
    r"^(?:(?:стать[яи]|ст\.)\s*|(?:ال)?ماد[ةه]\s*(?:رقم\s*)?|第\s*(?=[〇零一二三四五六七八九两十百千\d]+(?:-\d+)?\s*[条條]))", re.I)
_ZH_NUMBER_RE = re.compile(r"^([〇零一二三四五六七八九两十百千\d]+)(?:-(\d+))?\s*[条條](?:之\s*([〇零一二三四五六七八九两十百千\d]+))?")
# an article of an amending law numbered 一、二、 (label "六" or "六（第二百三十九条）": the article it rewrites)
_ZH_ITEM_RE = re.compile(r"^[（(]?([〇零一二三四五六七八九两十百千]+)[）)]?(?=（|\(|$)")
_ZH_AMENDED_RE = re.compile(r"[（(](第\s*[〇零一二三四五六七八九两十百千\d]+[条條](?:之[〇零一二三四五六七八九两十百千\d]+)?)[）)]")


def _other_traditions(label: str) -> str:
    """A label of the Russian, Arabic or Chinese traditions as digits: "第一百二十条之一" -> "120-1",
    "المادة (١٢) مكرر" -> "12 مكرر", "المادة الأولى" -> "1", "Статья 205.1" -> "205.1"."""
    from lawcheck.numbering import ascii_digits, han_number, number_of

    label = ascii_digits(label.strip())
    match = _OTHER_LABEL_RE.match(label)
    if not match:
        item = _ZH_ITEM_RE.match(label)
        return f"{han_number(item.group(1))}" if item else label
    rest = label[match.end():]
    zh = _ZH_NUMBER_RE.match(rest)
    if zh:
        sub = zh.group(2) or zh.group(3)
        number = f"{han_number(zh.group(1))}" + (f"-{han_number(sub)}" if sub else "")
        return number + rest[zh.end():]
    rest = re.sub(r"^\(\s*(\d+)\s*\)", r"\1", rest)
    if not rest[:1].isdigit():  # an ordinal word: المادة الأولى
        words = rest.split()
        for size in (3, 2, 1):
            number = number_of(" ".join(words[:size]))
            if number.isdigit():
                return " ".join([number, *words[size:]])
    return rest


def provision_key(label: str) -> tuple[str, str]:
    """The section number of a provision label and its first subdivision: ``s 10A(1)(a)`` -> (``10a``, ``1``).

    Words such as Section, s, Article, Artículo, Статья, المادة, § are dropped; ``º`` and ``°`` are not part of a
    number; Chinese numerals and Arabic ordinals are read as digits (``第一百二十条之一`` -> ``120-1``).
    """
    rest = _LABEL_WORD_RE.sub("", _other_traditions(label))
    rest = re.sub(r"^(\d+(?:\.\d+)*)([a-z])\)", r"\1(\2)", rest)  # Swiss/French "77b)" is 77(b)
    match = _NUMBER_RE.match(rest)
    if not match:
        return "", ""
    number = match.group(0).rstrip(".-").casefold()
    sub = _SUBPART_RE.match(rest[match.end():].lstrip())
    return number, sub.group(1).casefold() if sub else ""


def _cited_keys(label: str, inserted: re.Pattern[str] | None) -> list[tuple[str, str]]:
    keys = [provision_key(label)]
    keys += [provision_key(m.group(1)) for m in (inserted.finditer(label) if inserted else ())]
    keys += [provision_key(m.group(1)) for m in _ZH_AMENDED_RE.finditer(label)]
    return keys


def rightly_cited(gold_provision: str, cited: tuple[str, ...], drafting: dict[str, Drafting] | None = None) -> bool:
    """Whether one of the ``cited`` labels names the gold provision (an inserted provision is named through the
    one that inserts it, in the words of ``drafting``, by default the built-in checklist's)."""
    number, sub = provision_key(gold_provision)
    if not number:
        return False
    numbers = {number}
    if number.count("-") == 1 and all("." in part for part in number.split("-")):  # a range: 82.3-82.4
        numbers |= set(number.split("-"))
        sub = ""
    inserted = _inserted_label_re(_inserting(drafting))
    for label in cited:
        for c_number, c_sub in _cited_keys(label, inserted):
            if c_number in numbers and (not sub or not c_sub or sub == c_sub):
                return True
    return False


def find_text(folder: Path, case: str) -> Path | None:
    candidates = sorted(p for p in folder.rglob(f"{case}.*") if p.suffix != ".yaml" and p.is_file())
    return candidates[0] if candidates else None


def _arguable(gold: dict) -> set[tuple[str, str]]:
    return {(e["instrument"], canonical(a)) for e in gold.get("arguable") or []
            for a in expand_article(str(e["article"]))}


def _listed(instrument: str, article: str, listed: set[tuple[str, str]]) -> bool:
    """An entry that is not a principal offence, at an article gold lists (the unruly-passenger conduct the
    2014 Protocol encourages; the Plastic Explosives Convention's prohibitions, which it has in place of
    offences)."""
    return any(i == instrument and _under(article, a) for i, a in listed)


def score_case(case: str, gold: dict, report: Report, judged: list[str],
               written: tuple[tuple[str, str], ...] | None = None,
               drafting: dict[str, Drafting] | None = None) -> CaseResult:
    """``written``: the (instrument, article) of the checklist entries available in the bill's language, when
    the checklist is not yet written in it whole (ar, ru, zh): a gold article no such entry reaches is not
    counted, as it could not be judged. ``drafting``: as for :func:`rightly_cited`."""
    arguable = _arguable(gold)

    def counted(instrument: str, article: str) -> bool:
        if written is not None and not any(i == instrument and _under(a, article) for i, a in written):
            return False
        return not any(i == instrument and _under(article, a) for i, a in arguable)

    present = [e for e in gold.get("present") or [] if e["instrument"] in judged]
    provisions: dict[tuple[str, str], str] = {}
    for e in present:
        for a in expand_article(str(e["article"])):
            if counted(e["instrument"], a):
                provisions.setdefault((e["instrument"], a), str(e.get("provision_num") or e.get("provision") or ""))
    gold_articles = set(provisions)
    listed = {(i, canonical(a)) for i, a in gold_articles}
    scored = [r for r in report.results if r.instrument in judged and r.status in FOUND
              and (r.kind == "principal" or _listed(r.instrument, r.article, listed))
              and counted(r.instrument, r.article)]
    predicted = {(r.instrument, r.article) for r in scored}
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
    citations, miscited = Citations(), []
    for instrument, article in sorted(hit):
        cited = tuple(dict.fromkeys(
            p.label for r in scored if r.instrument == instrument and _under(r.article, article) for p in r.provisions))
        citations.total += 1
        if rightly_cited(provisions[(instrument, article)], cited, drafting):
            citations.right += 1
        else:
            miscited.append(Miscited(f"{instrument}:{article}", provisions[(instrument, article)], cited))
    return CaseResult(case, instruments, articles, [f"{i}:{a}" for i, a in stray],
                      sorted(f"{i}:{a}" for i, a in gold_articles - hit), citations=citations, miscited=miscited)


def evaluate(folder: str | Path, catalogue: Catalogue, detail: bool = False) -> list[CaseResult]:
    """Score every case of a gold folder; with ``detail``, say why each error happened (from ``explain``)."""
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
        selected = catalogue.select(tuple(judged))
        try:
            analysis = analyse(bill, selected, gold.get("language"))
        except LanguageError as error:  # a language lawcheck does not read: the case is skipped, not the run
            out.append(CaseResult(case, Counts(), Counts(), error=f"language not supported ({error})",
                                  language=str(gold.get("language") or "")))
            continue
        written = None
        if analysis.language not in REQUIRED_LANGUAGES:  # the checklist is written in it entry by entry
            available = selected.available(analysis.language)
            written = tuple((o.instrument, o.article) for o in available)
            judged = [i for i in judged if any(o.instrument == i and o.kind == "principal" for o in available)]
            if not judged:
                out.append(CaseResult(case, Counts(), Counts(), language=analysis.language,
                                      error=f"the checklist is not yet written in {analysis.language} for its instruments"))
                continue
        result = score_case(case, gold, report_from(bill, selected, analysis), judged, written, catalogue.drafting)
        result.language = analysis.language
        result.tradition = str(gold.get("tradition") or "")
        if detail:
            result.details = _details(result, analysis, bill, selected)
        out.append(result)
    return out


def evaluate_all(folders: Iterable[str | Path], catalogue: Catalogue, detail: bool = False) -> list[CaseResult]:
    """Score the cases of several gold folders together; a case name may appear in one folder only."""
    out: list[CaseResult] = []
    seen: dict[str, str] = {}
    for folder in folders:
        for result in evaluate(folder, catalogue, detail):
            if result.case in seen:
                raise InputError(str(folder), f"has case '{result.case}', which {seen[result.case]} also has",
                                 "give each case one name across the folders")
            seen[result.case] = str(folder)
            out.append(result)
    return sorted(out, key=lambda r: r.case)


def _details(result: CaseResult, analysis: Analysis, bill: Bill, catalogue: Catalogue) -> dict[str, str]:
    """For each error of a case, the verdict's own words: the rule, the provision and what decided it."""
    from lawcheck.explain import explain_in

    wanted = set(result.false_negatives) | set(result.false_positives) | {m.article for m in result.miscited}
    details = {}
    for key in sorted(wanted):
        instrument, article = key.split(":", 1)
        offences = [o for o in catalogue.offences if o.instrument == instrument and o.kind != "ancillary"
                    and (_under(o.article, article))]
        lines = []
        for offence in offences:
            e = explain_in(analysis, bill, catalogue, offence.id)
            found = [f"{x.id} \u201c{x.place.quote}\u201d" for x in e.elements if x.found and x.place]
            lacking = [x.id for x in e.elements if not x.found and (x.required or x.core)]
            where = e.provision or "no provision"
            line = f"{offence.article} {e.status} {e.score:.2f} on {where} [{e.rule}]"
            if found:
                line += "; found " + ", ".join(found[:4])
            if lacking:
                line += "; lacking " + ", ".join(lacking)
            lines.append(line)
        details[key] = "\n".join(lines) or "no checklist entry at this article"
    return details


def totals(results: list[CaseResult]) -> tuple[Counts, Counts, Citations]:
    instruments, articles, citations = Counts(), Counts(), Citations()
    for result in results:
        instruments.add(result.instruments)
        articles.add(result.articles)
        citations.add(result.citations)
    return instruments, articles, citations


def figures(results: list[CaseResult]) -> dict[str, float]:
    """The overall figures that the accuracy floor records (tests/accuracy_record.yaml)."""
    instruments, articles, citations = totals(results)
    return {"instrument_precision": instruments.precision, "instrument_recall": instruments.recall,
            "article_precision": articles.precision, "article_recall": articles.recall,
            "article_f1": articles.f1, "cited": citations.rate}


def counts_of(result: CaseResult) -> dict[str, list[int]]:
    """A case's counts as the accuracy record keeps them (tests/accuracy_record.yaml)."""
    return {"instruments": [result.instruments.tp, result.instruments.fp, result.instruments.fn],
            "articles": [result.articles.tp, result.articles.fp, result.articles.fn],
            "cited": [result.citations.right, result.citations.total]}


def from_counts(case: str, counts: dict[str, list[int]]) -> CaseResult:
    """The inverse of :func:`counts_of`: a recorded case, for figures over the recorded counts."""
    return CaseResult(case, Counts(*counts["instruments"]), Counts(*counts["articles"]),
                      citations=Citations(*counts["cited"]))


def _figure(value: float, defined: bool, width: int) -> str:
    return f"{value:{width}.2f}" if defined else f"{'-':>{width}}"


_HEADER = f"{'case':32} {'instr P':>8} {'instr R':>8} {'art P':>7} {'art R':>7} {'art F1':>7} {'cited':>6}"


def _row(name: str, instruments: Counts, articles: Counts, citations: Citations) -> str:
    return (f"{name:32} {_figure(instruments.precision, instruments.tp + instruments.fp > 0, 8)} "
            f"{_figure(instruments.recall, instruments.tp + instruments.fn > 0, 8)} "
            f"{_figure(articles.precision, articles.tp + articles.fp > 0, 7)} "
            f"{_figure(articles.recall, articles.tp + articles.fn > 0, 7)} "
            f"{_figure(articles.f1, articles.tp + articles.fp + articles.fn > 0, 7)} "
            f"{_figure(citations.rate, citations.total > 0, 6)}")


def _detail_lines(result: CaseResult, key: str) -> list[str]:
    return [f"        {line}" for line in result.details.get(key, "").splitlines()]


def _case_lines(r: CaseResult) -> list[str]:
    lines = [_row(r.case, r.instruments, r.articles, r.citations)]
    for item in r.false_negatives:
        lines += [f"    missed       {item}", *_detail_lines(r, item)]
    for item in r.false_positives:
        lines += [f"    false alarm  {item}", *_detail_lines(r, item)]
    for m in r.miscited:
        cited = ", ".join(m.cited) or "nothing"
        lines += [f"    cited        {m.article}: gold {m.expected}, cited {cited}", *_detail_lines(r, m.article)]
    return lines


def _groups(results: list[CaseResult]) -> list[str]:
    """Figures per tradition (gold's ``tradition``, else the language), when there is more than one."""
    groups: dict[str, list[CaseResult]] = {}
    for r in results:
        if not r.error:
            groups.setdefault(r.tradition or r.language, []).append(r)
    if len(groups) < 2:
        return []
    lines = ["", f"{'tradition':32} {'instr P':>8} {'instr R':>8} {'art P':>7} {'art R':>7} {'art F1':>7} {'cited':>6}"]
    for name, members in sorted(groups.items()):
        lines.append(_row(f"{name} ({len(members)})", *totals(members)))
    return lines


def render_evaluation(results: list[CaseResult]) -> str:
    """Per case and overall figures; "-" where a figure is undefined (nothing found, nothing expected).

    ``cited``: of the gold articles found, the share found on the provision gold names."""
    lines = [_HEADER]
    for r in results:
        if r.error:
            lines.append(f"{r.case:32} skipped: {r.error}")
            continue
        lines += _case_lines(r)
    instruments, articles, citations = totals(results)
    lines += _groups(results)
    lines.append("")
    lines.append(_row("OVERALL", instruments, articles, citations))
    lines.append(f"(instrument tp/fp/fn {instruments.tp}/{instruments.fp}/{instruments.fn}; "
                 f"article tp/fp/fn {articles.tp}/{articles.fp}/{articles.fn}; "
                 f"rightly cited {citations.right}/{citations.total}; principal offences only)")
    return "\n".join(lines) + "\n"
