"""lawcheck: does a draft law incorporate what the universal counter-terrorism instruments require?

The library does the work; the CLI only calls it::

    from lawcheck import check_file
    report = check_file("bill.docx")          # -> lawcheck.models.Report
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_file", "check_bill"]


def __getattr__(name: str):  # heavy modules are imported only when used
    if name in ("check_file", "check_bill"):
        from lawcheck import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
