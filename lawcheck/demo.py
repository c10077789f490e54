"""A guided walk-through for workshops: the steps of ``lawcheck demo``, on the sample bills of one language.

:func:`demo_steps` checks draft 1 of the language's sample bill (``samples/demo.yaml`` names the drafts and
the instruments), picks a covered, a partial and a missing offence (by score, then in the order of the
instruments: the same every time), explains one, and compares draft 1 with draft 2. Each
step has a heading sentence for the trainer, the command the audience can type, and the output as text.
Offline and deterministic; prints nothing. ``lawcheck.explain`` and ``lawcheck.diff`` are used when they
are installed; otherwise their step says so.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from lawcheck.catalogue import load_catalogue, load_yaml
from lawcheck.data import samples_dir
from lawcheck.errors import LawcheckError
from lawcheck.models import LANGUAGES, Bill, Catalogue, DemoStep, OffenceResult, Report
from lawcheck.pipeline import check_bill

SAMPLES_DIR = samples_dir()
STATUSES = ("covered", "partial", "missing")


@dataclass(frozen=True)
class DemoPlan:
    language: str
    draft1: str  # paths as shown: relative to the repository, "/" separators
    draft2: str
    instruments: tuple[str, ...]


def demo_plan(language: str, samples: Path = SAMPLES_DIR) -> DemoPlan:
    """What the demo walks through in ``language``, from ``samples/demo.yaml``."""
    if language not in LANGUAGES:
        raise LawcheckError(f"no demo in {language!r}; choose one of {', '.join(LANGUAGES)}")
    config = samples / "demo.yaml"
    if not config.is_file():
        raise LawcheckError(f"{config}: not found; the demo needs the samples folder of the lawcheck repository")
    data = load_yaml(config) or {}
    bills = (data.get("bills") or {}).get(language) or {}
    drafts = [bills.get("draft1"), bills.get("draft2")]
    for draft in drafts:
        if not draft or not (samples / draft).is_file():
            raise LawcheckError(f"{config}: bills.{language}: draft {draft!r} not found in {samples}")
    shown = [f"{samples.name}/{d}" for d in drafts]
    return DemoPlan(language, shown[0], shown[1], tuple(data.get("instruments") or ()))


def demo_steps(language: str = "en", catalogue: Catalogue | None = None, samples: Path = SAMPLES_DIR) -> tuple[DemoStep, ...]:
    """Run the walk-through and return its steps."""
    catalogue = catalogue or load_catalogue()
    plan = demo_plan(language, samples)
    draft1 = _read(samples.parent / plan.draft1, plan.draft1)
    report = check_bill(draft1, catalogue, language, plan.instruments)
    picked = {status: pick(report, status, plan.instruments) for status in STATUSES}
    focus = picked["partial"] or picked["missing"]
    steps = [_check_step(plan, report)]
    steps += [_result_step(plan, status, picked[status]) for status in STATUSES]
    steps.append(_explain_step(plan, draft1, catalogue, focus))
    steps.append(_diff_step(plan, samples.parent, catalogue))
    steps.append(DemoStep(
        "Step 7. What to take home: lawcheck screens a draft; a lawyer confirms every verdict.",
        "lawcheck --help",
        "Every verdict names the provision and quotes its words, so it can be checked in minutes. The tool reads\n"
        "words, not meaning: a provision drafted in unusual words can be missed, and a provision about something\n"
        "else can look like a match. Try it on your own bill: lawcheck check my-bill.docx -o report.docx\n"))
    return tuple(steps)


def pick(report: Report, status: str, instruments: tuple[str, ...] = ()) -> OffenceResult | None:
    """The principal offence to show for ``status`` (any kind when no principal one has it).

    Covered and partial: the highest score (for partial, the one closest to covered); missing: the lowest
    score (the clearest gap). Ties go to the order of ``instruments``, then report order, so the choice is
    the same every time.
    """
    sign = 1 if status == "missing" else -1
    rank = {instrument: number for number, instrument in enumerate(instruments)}
    for kinds in (("principal",), ("principal", "ancillary", "obligation")):
        found = [(sign * r.score, rank.get(r.instrument, len(rank)), number, r)
                 for number, r in enumerate(report.results) if r.kind in kinds and r.status == status]
        if found:
            return min(found, key=lambda item: item[:3])[3]
    return None


def _read(path: Path, shown: str) -> Bill:
    from lawcheck.read import read_bill

    return dataclasses.replace(read_bill(path), path=shown)


def _instrument_options(plan: DemoPlan) -> str:
    return "".join(f" --instrument {i}" for i in plan.instruments)


def _check_step(plan: DemoPlan, report: Report) -> DemoStep:
    from lawcheck.rating import instrument_ratings

    lines = [f"{report.bill.path}: {report.bill.title} ({report.bill.language}, {report.bill.provisions} provisions)"]
    for rating in instrument_ratings(report):
        lines.append(f"  {rating.instrument:16} {rating.rating:10} {rating.covered:3} covered {rating.partial:3} partial "
                     f"{rating.missing:3} missing")
    counts = report.summary()
    lines.append(f"Summary: {counts['covered']} covered, {counts['partial']} partial, {counts['missing']} missing "
                 f"of {len(report.results)} entries checked.")
    return DemoStep("Step 1. We check the first draft of the bill against the civil aviation conventions.",
                    f"lawcheck check {plan.draft1}{_instrument_options(plan)}", "\n".join(lines) + "\n")


HEADINGS = {
    "covered": "Step 2. A covered offence: one provision holds every element the treaty requires.",
    "partial": "Step 3. A partial offence: the provision is there, but an element the treaty requires is not.",
    "missing": "Step 4. A missing offence: no provision that creates an offence holds its core elements.",
}


def _result_step(plan: DemoPlan, status: str, result: OffenceResult | None) -> DemoStep:
    from lawcheck.render.demo import render_result

    body = render_result(result) if result else f"(the draft has no {status} offence for these instruments)\n"
    command = f'lawcheck explain {plan.draft1} "{result.id}"' if result else f"lawcheck check {plan.draft1}"
    return DemoStep(HEADINGS[status], command, body)


def _explain_step(plan: DemoPlan, bill: Bill, catalogue: Catalogue, result: OffenceResult | None) -> DemoStep:
    heading = "Step 5. Why? We ask lawcheck to explain one verdict, element by element."
    if result is None:
        return DemoStep(heading, "lawcheck explain BILL OFFENCE-ID", "(no partial or missing offence to explain)\n")
    command = f'lawcheck explain {plan.draft1} "{result.id}"'
    try:
        from lawcheck.explain import explain
        from lawcheck.render.explain import render_explanation
    except ImportError:
        return DemoStep(heading, command, "(skipped: 'lawcheck explain' is not available in this version)\n")
    return DemoStep(heading, command, render_explanation(explain(bill, catalogue, result.id, plan.language)))


def _diff_step(plan: DemoPlan, root: Path, catalogue: Catalogue) -> DemoStep:
    heading = "Step 6. The drafter revised the bill: we compare draft 1 with draft 2."
    command = f"lawcheck diff {plan.draft1} {plan.draft2}{_instrument_options(plan)}"
    try:
        from lawcheck.diff import diff_files
        from lawcheck.render.diff import diff_text
    except ImportError:
        return DemoStep(heading, command, "(skipped: 'lawcheck diff' is not available in this version)\n")
    changes = diff_files(str(root / plan.draft1), str(root / plan.draft2), catalogue, plan.language,
                         plan.instruments)
    return DemoStep(heading, command, diff_text(changes))
