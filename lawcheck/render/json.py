"""The JSON report: the stable contract other tools read (schema ``lawcheck.report/1``).

Deterministic: keys in a fixed order, no timestamps, no absolute paths; the same bill gives
byte-identical output.
"""

from __future__ import annotations

import json
from typing import Any

from lawcheck.models import Decision, ElementMatch, OffenceResult, Report

SCHEMA = "lawcheck.report/1"


def _element(match: ElementMatch) -> dict[str, Any]:
    return {
        "id": match.element, "role": match.role, "required": match.required, "found": match.found,
        "provision": match.provision or None, "quote": match.quote or None,
        "start": match.start if match.found else None, "end": match.end if match.found else None,
        "score": round(match.score, 3),
    }


def _result(result: OffenceResult) -> dict[str, Any]:
    return {
        "id": result.id, "instrument": result.instrument, "article": result.article, "kind": result.kind,
        "title": result.title, "optional": result.optional, "status": result.status,
        "score": round(result.score, 3), "by_reference": result.by_reference,
        "provisions": [{"label": p.label, "path": list(p.path), "start": p.start, "end": p.end}
                       for p in result.provisions],
        "elements": [_element(m) for m in result.elements],
        "missing": list(result.missing),
        "wider": list(result.wider),
        "reason": result.reason,
        "decision": _decision(result.decision),
    }


def _decision(decision: Decision | None) -> dict[str, Any] | None:
    """An expert's decision applied to the result (its status is the result's), or None."""
    if decision is None:
        return None
    return {
        "status": decision.status, "automatic_status": decision.automatic, "note": decision.note,
        "by": decision.by or None, "date": decision.date or None, "provision": decision.provision or None,
        "fingerprint": decision.fingerprint or None, "text_changed": decision.text_changed,
        "follows": decision.derived_from or None,
    }


def report_dict(report: Report) -> dict[str, Any]:
    bill = report.bill
    return {
        "schema": SCHEMA,
        "tool": {"name": "lawcheck", "version": report.tool_version},
        "bill": {"path": bill.path, "title": bill.title, "language": bill.language, "format": bill.format,
                 "provisions": bill.provisions, "words": bill.words, "sha256": bill.sha256},
        "instruments": list(report.instruments),
        "results": [_result(r) for r in report.results],
        "summary": report.summary(),
        "warnings": list(report.warnings),
        **({"decisions_file": report.decisions_file} if report.decisions_file else {}),
    }


def render_json(report: Report) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
