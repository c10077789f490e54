"""The compiled checklist, cached between runs: loading and validating 19 YAML files on every check is most
of what a short bill costs.

The cache is keyed by the content of the checklist folder (every .yaml file's path and bytes) and the tool's
version, kept in the user's cache folder (``$LAWCHECK_CACHE``, else ``$XDG_CACHE_HOME/lawcheck``, else
``~/.cache/lawcheck``), written atomically (two runs that race both write whole files), and ignored when it
cannot be read: the checklist is then loaded from its YAML files as before. ``LAWCHECK_CACHE=off`` turns it off.

The same folder keeps the report labels of each language, read from their YAML files (:mod:`lawcheck.render.i18n`:
a short check then imports no YAML parser), and simplemma's decoded lemma dictionaries (:func:`stored`, used by
:mod:`lawcheck.lemmas`): decoding the packed English dictionary takes about 0.2 s on every run, reading it back
decoded a fifth of that.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lawcheck import __version__

T = TypeVar("T")
# The form of the checklist kept (2: its equal strings shared, see lawcheck.catalogue; 4: borrowed penalties; 5: the
# drafting keys read as written, insertion and lists): a new form gets new files.
CHECKLIST_FORM = "5"


def cache_folder() -> Path | None:
    chosen = os.environ.get("LAWCHECK_CACHE", "")
    if chosen.lower() in ("off", "0", "no"):
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lawcheck"


def content_key(root: Path) -> str:
    """A digest of every checklist file under ``root`` (names and bytes), of the folder itself (the checklist
    names its files in messages), of the tool's version and of the form kept."""
    digest = hashlib.sha256(f"{__version__}/{CHECKLIST_FORM}".encode() + b"\0" + str(root).encode())
    for path in sorted(root.rglob("*.yaml")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def file_key(path: Path) -> str:
    """A digest of one file's bytes and of the tool's version (raises OSError when it cannot be read)."""
    return hashlib.sha256(__version__.encode() + b"\0" + path.read_bytes()).hexdigest()[:32]


def cached(root: Path, build: Callable[[], T]) -> T:
    """The object ``build`` makes from the checklist at ``root``, from the cache when its content is unchanged."""
    if cache_folder() is None:
        return build()
    return stored(f"checklist-{content_key(root)}", build)


def stored(name: str, build: Callable[[], T], valid: Callable[[object], bool] = lambda _: True) -> T:
    """The object kept in the cache folder as ``<name>.pickle``, else the one ``build`` makes (then kept there).

    ``name`` must carry the key of what the object is made from (a digest of its content and versions), so
    that a changed source gets a new file. A missing, unreadable or invalid (``valid`` false) file is ignored
    and rebuilt; the new file is written under a temporary name and moved into place, so two runs that race
    both read whole files; a read-only or full disk leaves no cache and the same result.
    """
    folder = cache_folder()
    if folder is None:
        return build()
    target = folder / f"{name}.pickle"
    try:
        with target.open("rb") as handle:
            found = pickle.load(handle)  # noqa: S301 - our own cache, in the user's own folder
        if valid(found):
            return found
    except Exception:  # noqa: BLE001 - a missing, stale or unreadable cache is simply rebuilt
        pass
    built = build()
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, suffix=".tmp") as handle:
            temporary = handle.name
            pickle.dump(built, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)
    except Exception:  # noqa: BLE001 - a read-only or full disk: no cache, same result
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return built
    _prune(folder, name, target)
    return built


def _prune(folder: Path, name: str, kept: Path, keep: int = 3) -> None:
    """Remove the older files of the same family (same name up to its key), so that the folder does not grow
    with every checklist or dictionary change: of ``checklist-<key>.pickle`` files, the one just written and the
    ``keep - 1`` most recently written others stay (two checkouts used in turn keep theirs). A file another run
    still reads stays readable until it closes it (POSIX), or is left (Windows)."""
    family = name.rsplit("-", 1)[0]
    others = []
    for old in folder.glob(f"{family}-*.pickle"):
        if old != kept and old.stem.rsplit("-", 1)[0] == family:
            with contextlib.suppress(OSError):
                others.append((old.stat().st_mtime, old.name, old))
    for _, _, old in sorted(others, reverse=True)[keep - 1:]:
        with contextlib.suppress(OSError):
            old.unlink()
