"""A guided walk-through for workshops: the steps of ``lawcheck demo``, on the sample bills of one language.

:func:`demo_steps` checks draft 1 of the language's sample bill (``samples/demo.yaml`` names the drafts and
the instruments), picks a covered, a partial and a missing offence (by score, then in the order of the
instruments: the same every time), explains one, and compares draft 1 with draft 2. Each step has a
sentence for the trainer (in the demo's language, from ``render/labels/<lang>.yaml``), the command the
audience can type, and exactly what that command prints at the same width: the step renders the command's
result with the command's own renderer. The bills' paths are those of the packaged samples
(:func:`lawcheck.data.samples_dir`), so the commands work from any folder. Offline and deterministic;
prints nothing.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from lawcheck.catalogue import load_catalogue
from lawcheck.data import samples_dir
from lawcheck.errors import LawcheckError
from lawcheck.models import LANGUAGES, Bill, Catalogue, DemoStep, OffenceResult, Report
from lawcheck.pipeline import check_bill
from lawcheck.yamlfile import load_yaml

SAMPLES_DIR = samples_dir()
STATUSES = ("covered", "partial", "missing")


@dataclass(frozen=True)
class DemoPlan:
    language: str
    draft1: str  # absolute paths of the packaged samples, as the commands show them
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
    shown = [str((samples / d).resolve()) for d in drafts]
    return DemoPlan(language, shown[0], shown[1], tuple(data.get("instruments") or ()))


def demo_steps(language: str = "en", catalogue: Catalogue | None = None, samples: Path = SAMPLES_DIR,
               width: int = 80) -> tuple[DemoStep, ...]:
    """Run the walk-through and return its steps, their output rendered at ``width`` columns."""
    from lawcheck.read import read_bill
    from lawcheck.render.i18n import Labels

    say = Labels(language)
    catalogue = catalogue or load_catalogue()
    plan = demo_plan(language, samples)
    draft1 = read_bill(plan.draft1)
    report = check_bill(draft1, catalogue, language, plan.instruments)
    picked = {status: pick(report, status, plan.instruments) for status in STATUSES}
    focus = picked["partial"] or picked["missing"]
    steps = [_check_step(plan, report, catalogue, say, width)]
    steps += [_explain_step(plan, draft1, catalogue, picked[status], say(f"demo.{status}"), say("demo.none"), width,
                            brief=True) for status in STATUSES]
    steps.append(_explain_step(plan, draft1, catalogue, focus, say("demo.explain"), say("demo.nothing_to_explain"),
                               width, brief=False))
    steps.append(_diff_step(plan, catalogue, say, width))
    command = f"lawcheck check {say('demo.own_bill')} -o {say('annotated.report_file')}"
    steps.append(DemoStep(say("demo.take_home"), "", f"{say('demo.take_home_text')}\n  {command}\n"))
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


def _command(*words: str) -> str:
    return " ".join(shlex.quote(w) for w in words)


def _instrument_options(plan: DemoPlan) -> tuple[str, ...]:
    return tuple(word for i in plan.instruments for word in ("--instrument", i))


def _check_step(plan: DemoPlan, report: Report, catalogue: Catalogue, say, width: int) -> DemoStep:  # noqa: ANN001
    """``check --summary``: the bill line, the table of instruments, the counts (in the bill's language, which is
    the demo's: the command's default ``--report-lang``)."""
    from lawcheck.render.common import localise
    from lawcheck.render.demo import plain_text
    from lawcheck.render.terminal import View, render_terminal

    shown = render_terminal(localise(report, catalogue, plan.language), View(summary_only=True, language=plan.language))
    return DemoStep(say("demo.check"), _command("lawcheck", "check", plan.draft1, *_instrument_options(plan),
                                                "--summary"), plain_text(shown, width))


def _explain_step(plan: DemoPlan, bill: Bill, catalogue: Catalogue, result: OffenceResult | None, heading: str,
                  nothing: str, width: int, brief: bool) -> DemoStep:
    """``explain`` (``--brief`` for the short view) on the offence picked, or a sentence when there is none."""
    from lawcheck.explain import explain
    from lawcheck.render.explain import render_brief, render_explanation

    if result is None:
        return DemoStep(heading, "", nothing + "\n")
    command = _command("lawcheck", "explain", plan.draft1, result.id, *(["--brief"] if brief else []))
    explanation = explain(bill, catalogue, result.id, plan.language)
    render = render_brief if brief else render_explanation
    return DemoStep(heading, command, render(explanation, width, plan.language, catalogue))


def _diff_step(plan: DemoPlan, catalogue: Catalogue, say, width: int) -> DemoStep:  # noqa: ANN001
    from lawcheck.diff import diff_files
    from lawcheck.render.diff import diff_text, localise_diff

    command = _command("lawcheck", "diff", plan.draft1, plan.draft2, *_instrument_options(plan))
    changes = diff_files(plan.draft1, plan.draft2, catalogue, plan.language, plan.instruments)
    changes = localise_diff(changes, catalogue, plan.language)
    return DemoStep(say("demo.diff"), command, diff_text(changes, width, plan.language))
