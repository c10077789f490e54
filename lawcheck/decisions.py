"""Expert decisions: an expert's verdict on one offence, kept in a YAML file and applied after a check.

The file is a list (see README, "Expert decisions")::

    - offence: bombings-1997:2(1)(a)
      status: covered
      note: Section 5(1) read with the definition of "explosive device" covers other lethal devices.
      by: A. Drafter
      date: '2025-03-14'
      provision: Section 5(1)
      fingerprint: 3f2a...   # sha256 of the normalised text of that provision (of the whole bill when none)

:func:`apply_decisions` gives each decided result the expert's status, keeps the automatic one in
``Decision.automatic``, and warns when the text judged on is no longer in the bill (no provision, or
not the whole bill, has that fingerprint any more: the expert should look again). A provision that was
only renumbered keeps its fingerprint: the number in front of it is not part of the text judged on.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from lawcheck.errors import CatalogueError, DecisionsError
from lawcheck.models import Catalogue, Decision, OffenceResult, Provision, Report
from lawcheck.normalise import fold
from lawcheck.output import write_atomic

DEFAULT_NAME = "lawcheck-decisions.yaml"
KEYS = ("offence", "status", "note", "by", "date", "provision", "fingerprint")
NUMBER_WINDOW = 40  # characters at the start of a provision where its printed number is looked for


# --------------------------------------------------------------------------- fingerprints


def normalised(text: str) -> str:
    """Accents folded, lower case, one space between words: layout changes do not count as changes."""
    return " ".join(fold(text).split())


def fingerprint(text: str) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def provision_text(text: str, provision: Provision) -> str:
    """The provision's words without its own printed number ("5.", "(1)", "Article 5")."""
    words = text[provision.start:provision.end]
    at = words.find(provision.num, 0, NUMBER_WINDOW) if provision.num else -1
    return words[at + len(provision.num):] if at >= 0 else words


def provision_fingerprint(text: str, provision: Provision) -> str:
    return fingerprint(provision_text(text, provision))


# --------------------------------------------------------------------------- the file


class _DecisionSchema(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    offence: str = Field(min_length=1)
    status: Literal["covered", "partial", "missing"]
    note: str = Field(min_length=1)
    by: str = ""
    date: str = ""
    provision: str = ""
    fingerprint: str = Field(default="", pattern=r"^([0-9a-f]{64})?$")

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: Any) -> str:
        if isinstance(value, datetime.date):
            return value.isoformat()
        if not isinstance(value, str) or (value and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
            raise ValueError("expected a date YYYY-MM-DD")
        return value


def _where(loc: tuple[Any, ...]) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc)


def _parse(path: Path) -> Any:
    from lawcheck.yamlfile import load_yaml  # the safe loader that refuses duplicate keys

    if not path.is_file():
        raise DecisionsError(f"{path}: file not found; record a decision with 'lawcheck decide' or check the path")
    try:
        return load_yaml(path)
    except CatalogueError as error:
        raise DecisionsError(str(error)) from None


def _entry(path: Path, number: int, item: Any, catalogue: Catalogue | None) -> Decision:
    try:
        data = _DecisionSchema.model_validate(item)
    except ValidationError as error:
        first = error.errors()[0]
        message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"].removeprefix("Value error, ")
        raise DecisionsError(f"{path}: [{number}]{_where(first['loc'])}: {message}") from None
    if catalogue is not None and not any(o.id == data.offence for o in catalogue.offences):
        raise DecisionsError(f"{path}: [{number}].offence: unknown offence {data.offence!r}; "
                             "see 'lawcheck offences list'")
    return Decision(**data.model_dump())


def load_decisions(path: str | Path, catalogue: Catalogue | None = None) -> tuple[Decision, ...]:
    """Read and validate a decisions file; with a catalogue, every offence id must be in it."""
    path = Path(path)
    data = _parse(path)
    if data is None:
        return ()
    if not isinstance(data, list):
        raise DecisionsError(f"{path}: expected a list of decisions (- offence: ..., status: ..., note: ...)")
    decisions = tuple(_entry(path, number, item, catalogue) for number, item in enumerate(data))
    seen: set[str] = set()
    for number, decision in enumerate(decisions):
        if decision.offence in seen:
            raise DecisionsError(f"{path}: [{number}].offence: a second decision on {decision.offence!r}; keep one")
        seen.add(decision.offence)
    return decisions


def dump_decisions(decisions: tuple[Decision, ...]) -> str:
    entries = [{key: getattr(d, key) for key in KEYS if getattr(d, key) or key in ("offence", "status", "note")}
               for d in decisions]
    import yaml  # only to write a file: a check that reads none needs no YAML

    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)


def save_decision(path: str | Path, decision: Decision, catalogue: Catalogue | None = None) -> tuple[Decision, ...]:
    """Add the decision to the file (replacing an earlier one on the same offence); create the file if absent."""
    path = Path(path)
    existing = load_decisions(path, catalogue) if path.exists() else ()
    record = dataclasses.replace(decision, automatic=None, text_changed=False)
    kept = [record if d.offence == record.offence else d for d in existing]
    if record not in kept:
        kept.append(record)
    decisions = tuple(kept)
    write_atomic(path, dump_decisions(decisions))
    return decisions


# --------------------------------------------------------------------------- recording and applying


def find_provision(provisions: tuple[Provision, ...], label: str) -> Provision | None:
    wanted = normalised(label)
    return next((p for p in provisions if normalised(p.label) == wanted), None)


def judged_on(result: OffenceResult, text: str, provisions: tuple[Provision, ...],
              label: str | None = None) -> tuple[str, str]:
    """The provision a decision is taken on (the one named, else the verdict's, else none) and its fingerprint."""
    if label is None and result.provisions:
        label = result.provisions[0].label
    if not label:
        return "", fingerprint(text)
    provision = find_provision(provisions, label)
    if provision is None:
        examples = ", ".join(p.label for p in provisions if p.level == "article")[:80]
        raise DecisionsError(f"no provision labelled {label!r} in the bill; labels look like: {examples}")
    return provision.label, provision_fingerprint(text, provision)


def make_decision(report: Report, text: str, provisions: tuple[Provision, ...], offence: str, status: str,
                  note: str, by: str = "", date: str = "", provision: str | None = None) -> Decision:
    """A decision on one offence of a checked bill, with the fingerprint of the text it is taken on."""
    result = next((r for r in report.results if r.id == offence), None)
    if result is None:
        raise DecisionsError(f"unknown offence {offence!r}; see 'lawcheck offences list'")
    label, print_ = judged_on(result, text, provisions, provision)
    return Decision(offence, status, note, by, date, print_, label)  # type: ignore[arg-type]


def _changed(decision: Decision, text: str, prints: set[str]) -> bool:
    if not decision.fingerprint:
        return False
    if not decision.provision:
        return decision.fingerprint != fingerprint(text)
    return decision.fingerprint not in prints


def _warning(decision: Decision) -> str:
    who = ", ".join(x for x in (decision.by, decision.date) if x)
    where = decision.provision or "the bill"
    if not decision.fingerprint:
        return (f"expert decision on {decision.offence}{f' ({who})' if who else ''} has no fingerprint: "
                "lawcheck cannot tell whether the text has changed; record it again with 'lawcheck decide'")
    return (f"expert decision on {decision.offence}{f' ({who})' if who else ''} was taken on a text of {where} "
            "that has changed since: review it and record it again with 'lawcheck decide'")


def apply_decisions(report: Report, decisions: tuple[Decision, ...], text: str,
                    provisions: tuple[Provision, ...], catalogue: Catalogue | None = None) -> Report:
    """The report with the experts' statuses, the automatic ones kept, and a warning per outdated decision.

    With the ``catalogue``, a decision on a principal offence also applies to the ancillary entries that
    extend it (attempt, complicity) and have no decision of their own, when the bill has their own words
    (their automatic status is not missing): they were capped by the principal's automatic status."""
    by_offence = {d.offence: d for d in decisions}
    if catalogue is not None:
        by_offence = {**_derived(report, by_offence, catalogue), **by_offence}
    prints = {provision_fingerprint(text, p) for p in provisions} if decisions else set()
    results, warnings = [], list(report.warnings)
    for result in report.results:
        decision = by_offence.get(result.id)
        if decision is None:
            results.append(result)
            continue
        applied = dataclasses.replace(decision, automatic=result.status,
                                      text_changed=_changed(decision, text, prints))
        if applied.text_changed or not applied.fingerprint:
            warnings.append(_warning(applied))
        results.append(dataclasses.replace(result, status=decision.status, decision=applied))
    return dataclasses.replace(report, results=tuple(results), warnings=tuple(warnings))


def _derived(report: Report, decided: dict[str, Decision], catalogue: Catalogue) -> dict[str, Decision]:
    out: dict[str, Decision] = {}
    for result in report.results:
        if result.kind != "ancillary" or result.id in decided or result.status == "missing":
            continue
        try:
            extends = catalogue.offence(result.id).extends
        except KeyError:
            continue
        followed = [decided[p] for p in extends if p in decided]
        if followed:
            best = max(followed, key=lambda d: ("missing", "partial", "covered").index(d.status))
            out[result.id] = dataclasses.replace(
                best, offence=result.id, derived_from=best.offence,
                note=f"follows the expert decision on {best.offence}: {best.note}")
    return out


def default_path(bill: str | Path) -> Path:
    """``lawcheck-decisions.yaml`` in the bill's folder."""
    return Path(bill).parent / DEFAULT_NAME
