"""What the terminal is asked to show (``check --show/--kind/--summary/--scores/--report-lang``).

Kept apart from :mod:`lawcheck.render.terminal` so that a command writing a file does not import rich."""

from __future__ import annotations

from dataclasses import dataclass

from lawcheck.models import OffenceResult


@dataclass(frozen=True)
class View:
    """What the terminal shows: ``show`` gaps or all entries, of some ``kinds``, only the summary table, scores."""

    show: str = "gaps"  # gaps | all
    kinds: tuple[str, ...] = ()  # principal, ancillary, obligation; () = all
    summary_only: bool = False
    scores: bool = False
    language: str = "en"  # the language of the words the terminal adds (--report-lang)

    def wants(self, result: OffenceResult) -> bool:
        return not self.kinds or result.kind in self.kinds
