"""The demo's words: one offence as a short card, and the steps one after the other (plain text)."""

from __future__ import annotations

import textwrap

from lawcheck.models import DemoStep, OffenceResult

WIDTH = 100


def render_result(result: OffenceResult) -> str:
    """One verdict: the offence, its status, the provision and words it rests on, what is missing, why."""
    lines = [f"{result.id} ({result.kind}): {result.title}",
             f"  status: {result.status} (score {result.score:.2f})"]
    if result.provisions:
        lines.append(f"  provision: {result.provisions[0].label}" + (" (by reference)" if result.by_reference else ""))
    quotes = list(dict.fromkeys(m.quote for m in result.elements if m.found and m.quote))
    if quotes:
        lines += textwrap.wrap("words found: " + " … ".join(f"“{q}”" for q in quotes), WIDTH,
                               initial_indent="  ", subsequent_indent="    ")
    if result.missing:
        lines += textwrap.wrap("elements missing: " + ", ".join(result.missing), WIDTH,
                               initial_indent="  ", subsequent_indent="    ")
    if result.reason:
        lines += textwrap.wrap(f"why: {result.reason}", WIDTH, initial_indent="  ", subsequent_indent="    ")
    return "\n".join(lines) + "\n"


def render_demo(steps: tuple[DemoStep, ...]) -> str:
    """Every step: a rule, the trainer's sentence, the command to type, then its output."""
    parts = []
    for step in steps:
        parts.append("=" * WIDTH)
        parts += textwrap.wrap(step.heading, WIDTH)
        parts.append(f"$ {step.command}")
        parts.append("")
        parts.append(step.body.rstrip("\n"))
        parts.append("")
    return "\n".join(parts) + "\n"
