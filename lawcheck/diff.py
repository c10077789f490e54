"""Compare two drafts of a bill: gaps closed and opened, verdicts changed, provisions renumbered.

Provisions are matched across the drafts by their content, not by their number: each provision's words
(without its own printed number, accents folded, spaces collapsed) are compared with rapidfuzz's
``token_set_ratio`` against the provisions of the same level in the other draft; a subsection is looked
for first inside the counterpart of its article. Pairs are taken best first, one to one, above
``MATCH_THRESHOLD``. So "Section 5 -> Section 6" is a renumbering, and an offence whose provision was only
renumbered is reported as moved, not as a changed verdict.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from lawcheck.catalogue import load_catalogue
from lawcheck.decisions import normalised, provision_text
from lawcheck.models import BillInfo, Catalogue, Decision, Drafting, OffenceResult, Provision, Report
from lawcheck.sanity import Notice
from lawcheck.split import split

MATCH_THRESHOLD = 80.0  # token_set_ratio (0-100) for two provisions to be the same one
NOT_COVERED = ("missing", "partial")


@dataclass(frozen=True)
class ProvisionMove:
    old: str  # label in the old draft
    new: str  # label in the new draft
    heading: str
    similarity: float  # 0-100
    amended: bool  # its words changed too


@dataclass(frozen=True)
class OffenceChange:
    offence: str
    instrument: str
    article: str
    kind: str
    title: str
    change: str  # closed, opened, improved, worsened, elsewhere, moved
    old_status: str
    new_status: str
    old_provision: str  # "" when the verdict rests on none
    new_provision: str
    old_score: float
    new_score: float


@dataclass(frozen=True)
class DraftDiff:
    old: BillInfo
    new: BillInfo
    old_summary: dict[str, int]
    new_summary: dict[str, int]
    closed: tuple[OffenceChange, ...]  # missing/partial -> covered
    opened: tuple[OffenceChange, ...]  # covered -> partial/missing
    changed: tuple[OffenceChange, ...]  # missing <-> partial, or resting on another provision
    moved: tuple[OffenceChange, ...]  # same verdict, its provision renumbered
    renumbered: tuple[ProvisionMove, ...]
    added: tuple[str, ...]  # provisions of the new draft with no counterpart
    removed: tuple[str, ...]  # provisions of the old draft with no counterpart
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- matching provisions


@dataclass(frozen=True)
class _Draft:
    text: str
    provisions: tuple[Provision, ...]
    words: tuple[str, ...]  # normalised text of each provision, without its number


def _draft(text: str, language: str, drafting: dict[str, Drafting] | None) -> _Draft:
    provisions = split(text, language, drafting[language] if drafting else None).provisions
    return _Draft(text, provisions, tuple(normalised(provision_text(text, p)) for p in provisions))


def _inside_article(provision: Provision, draft: _Draft) -> bool:
    return provision.parent is not None and not draft.provisions[provision.parent].is_division


def _group(provision: Provision, old: _Draft, pairs: dict[int, tuple[int, float]]) -> tuple:
    if _inside_article(provision, old) and provision.parent in pairs:
        return provision.level, pairs[provision.parent][0]
    return provision.level, None


def _candidates(key: tuple, new: _Draft, used: set[int]) -> list[Provision]:
    level, parent = key
    return [q for q in new.provisions if q.level == level and q.index not in used
            and (parent is None or q.parent == parent)]


def _best_pairs(olds: list[Provision], news: list[Provision], old: _Draft, new: _Draft) -> list[tuple]:
    """Candidate pairs above the threshold, best first: similarity, exact likeness, same number, nearness."""
    if not olds or not news:
        return []
    scores = process.cdist([old.words[p.index] for p in olds], [new.words[q.index] for q in news],
                           scorer=fuzz.token_set_ratio, score_cutoff=MATCH_THRESHOLD)
    ranked = []
    for i, p in enumerate(olds):
        for j, q in enumerate(news):
            if scores[i][j]:
                exact = fuzz.ratio(old.words[p.index], new.words[q.index])
                ranked.append((float(scores[i][j]), exact, p.num == q.num, -abs(p.index - q.index), p.index, q.index))
    return sorted(ranked, reverse=True)


def match_provisions(old: _Draft, new: _Draft) -> dict[int, tuple[int, float]]:
    """Old provision index -> (new provision index, similarity), one to one, parents before children."""
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    levels = list(dict.fromkeys(p.level for p in sorted(old.provisions, key=lambda p: len(p.path))))
    for level in levels:
        groups: dict[tuple, list[Provision]] = defaultdict(list)
        for provision in old.provisions:
            if provision.level == level:
                groups[_group(provision, old, pairs)].append(provision)
        for key, members in groups.items():
            for score, _, _, _, i, j in _best_pairs(members, _candidates(key, new, used), old, new):
                if i not in pairs and j not in used:
                    pairs[i] = (j, score)
                    used.add(j)
    return pairs


def _moves(old: _Draft, new: _Draft, pairs: dict[int, tuple[int, float]]) -> tuple[ProvisionMove, ...]:
    out = []
    for i, (j, score) in sorted(pairs.items()):
        p, q = old.provisions[i], new.provisions[j]
        if p.num != q.num and p.level != "preamble":
            out.append(ProvisionMove(p.label, q.label, q.heading, round(score, 1), old.words[i] != new.words[j]))
    return tuple(out)


def _unmatched(draft: _Draft, matched: set[int]) -> tuple[str, ...]:
    """The top-most provisions with no counterpart (a new section, not each of its subsections)."""
    out = []
    for p in draft.provisions:
        parent_matched = p.parent is None or p.parent in matched or draft.provisions[p.parent].is_division
        if p.index not in matched and parent_matched and not p.is_division and p.level != "preamble":
            out.append(p.label)
    return tuple(out)


# --------------------------------------------------------------------------- comparing verdicts


def _index_of(result: OffenceResult, draft: _Draft) -> int | None:
    if not result.provisions:
        return None
    ref = result.provisions[0]
    return next((p.index for p in draft.provisions if p.start == ref.start and p.label == ref.label), None)


def _change_kind(a: OffenceResult, b: OffenceResult, old: _Draft, new: _Draft,
                 pairs: dict[int, tuple[int, float]]) -> str:
    if a.status in NOT_COVERED and b.status == "covered":
        return "closed"
    if a.status == "covered" and b.status in NOT_COVERED:
        return "opened"
    if a.status != b.status:
        return "improved" if b.status == "partial" else "worsened"
    i, j = _index_of(a, old), _index_of(b, new)
    if i is None and j is None:
        return ""
    if i is None or j is None or pairs.get(i, (None,))[0] != j:
        return "elsewhere"
    return "moved" if old.provisions[i].label != new.provisions[j].label else ""


def _change(a: OffenceResult, b: OffenceResult, kind: str) -> OffenceChange:
    return OffenceChange(b.id, b.instrument, b.article, b.kind, b.title, kind, a.status, b.status,
                         a.provisions[0].label if a.provisions else "", b.provisions[0].label if b.provisions else "",
                         a.score, b.score)


def diff_reports(old: Report, new: Report, old_text: str, new_text: str,
                 drafting: dict[str, Drafting] | None = None) -> DraftDiff:
    """Compare the reports of two drafts (and their texts, to match provisions by content); ``drafting``: the
    checklist's drafting vocabularies (by default the built-in ones), which the splitter reads."""
    old_draft, new_draft = _draft(old_text, old.bill.language, drafting), _draft(new_text, new.bill.language, drafting)
    pairs = match_provisions(old_draft, new_draft)
    before = {r.id: r for r in old.results}
    changes = defaultdict(list)
    for b in new.results:
        a = before.get(b.id)
        if a is not None:
            kind = _change_kind(a, b, old_draft, new_draft, pairs)
            changes[kind].append(_change(a, b, kind))
    warnings = [Notice("old_draft", warning=w) for w in old.warnings] + [
        Notice("new_draft", warning=w) for w in new.warnings]
    if old.bill.language != new.bill.language:
        warnings.append(Notice("languages_differ", language=old.bill.language, other=new.bill.language))
    return DraftDiff(
        old.bill, new.bill, old.summary(), new.summary(), tuple(changes["closed"]), tuple(changes["opened"]),
        tuple(changes["improved"] + changes["worsened"] + changes["elsewhere"]), tuple(changes["moved"]),
        _moves(old_draft, new_draft, pairs), _unmatched(new_draft, {j for j, _ in pairs.values()}),
        _unmatched(old_draft, set(pairs)), tuple(warnings),
    )


def diff_files(old: str | Path, new: str | Path, catalogue: Catalogue | None = None, language: str | None = None,
               instruments: tuple[str, ...] = (), decisions: tuple[Decision, ...] = ()) -> DraftDiff:
    """Read and check both drafts, then compare them."""
    from lawcheck.pipeline import check_bill
    from lawcheck.read import read_bill

    old_bill, new_bill = read_bill(old), read_bill(new)
    catalogue = catalogue or load_catalogue()
    old_report = check_bill(old_bill, catalogue, language, instruments, decisions=decisions)
    new_report = check_bill(new_bill, catalogue, language, instruments, decisions=decisions)
    return diff_reports(old_report, new_report, old_bill.text, new_bill.text, catalogue.drafting)
