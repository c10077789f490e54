"""Check every bill of a folder: one report per bill, and the rating of each instrument (``Batch``).

The files are found recursively and checked in sorted order (their path relative to the folder, with "/"),
so the same folder always gives the same batch. A file that cannot be checked is kept with its one-line
error and skipped: it never stops the batch. Ratings come from :mod:`lawcheck.rating` (the rule of the
Word report). Prints nothing; :mod:`lawcheck.render.matrix` shows the result.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from lawcheck import __version__
from lawcheck.errors import InputError, LawcheckError
from lawcheck.models import Batch, BillOutcome, Catalogue, Decision
from lawcheck.pipeline import _select as select_catalogue  # the same check of --instrument as check
from lawcheck.pipeline import check_file
from lawcheck.rating import instrument_ratings

# done, total, the file about to be checked ("" once all are done)
BatchProgress = Callable[[int, int, str], None]
SKIPPED_NAMES = ("readme", "license", "licence", "changelog")  # documentation that sits beside bills


def bill_files(folder: str | Path) -> tuple[Path, ...]:
    """The files of ``folder`` (and its sub-folders) that lawcheck reads, in sorted order.

    Hidden files, Word lock files (``~$...``) and README/LICENSE/CHANGELOG files are left out.
    """
    from lawcheck.read import SUPPORTED

    root = Path(folder)
    if not root.is_dir():
        raise InputError(str(folder), "is not a folder", "give the folder that holds the bills")
    found = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED and _is_bill(p, root)]
    found.sort(key=lambda p: p.relative_to(root).as_posix())
    if not found:
        raise InputError(str(folder), "holds no bill lawcheck can read",
                         "put .txt, .docx, .pdf, .html or Akoma Ntoso .xml files in it")
    return tuple(found)


def _is_bill(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts) or path.name.startswith("~$"):
        return False
    return path.stem.lower() not in SKIPPED_NAMES


def check_folder(
    folder: str | Path,
    catalogue: Catalogue | None = None,
    language: str | None = None,
    instruments: tuple[str, ...] = (),
    progress: BatchProgress | None = None,
    decisions: tuple[Decision, ...] = (),
) -> Batch:
    """Check every bill of ``folder`` against the same instruments; failures are kept, never raised."""
    from lawcheck.catalogue import load_catalogue

    catalogue = select_catalogue(catalogue or load_catalogue(), instruments)
    root = Path(folder)
    files = bill_files(root)
    outcomes = []
    for number, path in enumerate(files):
        if progress:
            progress(number, len(files), path.relative_to(root).as_posix())
        outcomes.append(_check_one(path, root, catalogue, language, decisions))
    if progress:
        progress(len(files), len(files), "")
    return Batch(root.as_posix(), tuple(catalogue.instruments), tuple(outcomes), __version__)


def _check_one(path: Path, root: Path, catalogue: Catalogue, language: str | None,
               decisions: tuple[Decision, ...]) -> BillOutcome:
    name = path.relative_to(root).as_posix()
    try:
        report = check_file(path, catalogue, language, decisions=decisions)
    except LawcheckError as error:
        return BillOutcome(name, error=_one_line(str(error), path, name))
    except MemoryError:
        return BillOutcome(name, error=f"{name}: out of memory while reading it; split it into smaller files")
    except Exception as error:  # noqa: BLE001 - a bug on one file must not stop the batch
        return BillOutcome(name, error=f"{name}: unexpected error ({type(error).__name__}: {error}); "
                                       "please report it with the file")
    report = dataclasses.replace(report, bill=dataclasses.replace(report.bill, path=name))
    return BillOutcome(name, report, instrument_ratings(report))


def _one_line(message: str, path: Path, name: str) -> str:
    """The error as one line, naming the file by its path in the batch."""
    message = " ".join(message.split())
    for spelled in (str(path), path.name):
        if message.startswith(spelled):
            return name + message[len(spelled):]
    return f"{name}: {message}"
