"""Write reports atomically: a temporary file in the target folder, then a rename.

A failed run never leaves a half-written report, and never clobbers an existing one. The report gets
the permissions of the file it replaces, else those of a new file (``mkstemp``'s 0600 is not kept).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from lawcheck.errors import OutputError


def write_atomic(path: str | Path, data: str | bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        problem = "is a file, not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"{target}: the folder {folder} {problem}; create it or choose another path")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OutputError(f"{target}: cannot write there ({error.strerror}); choose another path") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write ({error.strerror}); choose another path") from None


def _mode(target: Path) -> int:
    """The permissions the report should have: the replaced file's, else 0666 minus the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
