"""The demo's steps as text: the trainer's sentence, the command to type, then what it prints."""

from __future__ import annotations

import io
import shlex
import textwrap

from rich.console import Console

from lawcheck.models import DemoStep
from lawcheck.render.i18n import Labels


def plain_text(renderable: object, width: int) -> str:
    """What rich prints of ``renderable`` on a terminal ``width`` columns wide, without colour."""
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.export_text()


def shell_lines(command: str, width: int) -> list[str]:
    """The command after a ``$`` prompt, cut with shell continuations so that it fits the width and can still
    be pasted as it is; an option stays on the line of its value."""
    units: list[str] = []
    for word in (shlex.quote(w) for w in shlex.split(command)):
        if units and units[-1].startswith("--") and " " not in units[-1] and not word.startswith("-"):
            units[-1] += f" {word}"
        else:
            units.append(word)
    lines = [f"$ {units[0]}"]
    for unit in units[1:]:
        if len(lines[-1]) + 1 + len(unit) + 2 <= width:
            lines[-1] += f" {unit}"
        else:
            lines.append(f"    {unit}")
    return [line + " \\" for line in lines[:-1]] + lines[-1:]


def render_step(step: DemoStep, number: int, language: str, width: int) -> str:
    """One step: a rule, the trainer's sentence, the command to type, then its output."""
    say = Labels(language)
    heading = say("punct.then", first=say("demo.step", number=number), second=step.heading)
    parts = ["=" * width, *textwrap.wrap(heading, width)]
    if step.command:
        parts += shell_lines(step.command, width)
    parts += ["", *[line for text in step.body.rstrip("\n").split("\n") for line in _fill(text, width)], ""]
    return "\n".join(parts) + "\n"


def _fill(line: str, width: int) -> list[str]:
    """A line of the step's body; only free text (the trainer's paragraphs) can be longer than the width."""
    return textwrap.wrap(line, width) or [""] if len(line) > width else [line]


def render_demo(steps: tuple[DemoStep, ...], language: str = "en", width: int = 80) -> str:
    """Every step, one after the other."""
    return "".join(render_step(step, number, language, width) for number, step in enumerate(steps, 1))
