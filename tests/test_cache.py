"""The compiled checklist is cached by content: the same checklist from the cache, a changed one rebuilt, an
unreadable cache ignored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lawcheck import cache
from lawcheck.catalogue import DEFAULT_DIR, load_catalogue


@pytest.fixture()
def checklist(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("LAWCHECK_CACHE", str(tmp_path / "cache"))
    copy = tmp_path / "offences"
    shutil.copytree(DEFAULT_DIR, copy)
    return copy


def test_a_cached_checklist_is_the_same_checklist(checklist: Path, tmp_path: Path) -> None:
    first = load_catalogue(checklist)
    assert list((tmp_path / "cache").glob("checklist-*.pickle"))
    second = load_catalogue(checklist)
    assert second.offences == first.offences and second.drafting == first.drafting


def test_a_changed_checklist_is_loaded_again(checklist: Path) -> None:
    load_catalogue(checklist)
    path = checklist / "hague-1970.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Hijacking an aircraft in flight", "title: Taking an aircraft in flight", 1), encoding="utf-8")
    titles = {o.title for o in load_catalogue(checklist).offences if o.instrument == "hague-1970"}
    assert "Taking an aircraft in flight" in titles


def test_an_unreadable_cache_is_ignored(checklist: Path, tmp_path: Path) -> None:
    load_catalogue(checklist)
    for stale in (tmp_path / "cache").glob("checklist-*.pickle"):
        stale.write_bytes(b"not a pickle")
    assert len(load_catalogue(checklist).offences) == len(load_catalogue(DEFAULT_DIR).offences)


def test_the_cache_can_be_turned_off(checklist: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LAWCHECK_CACHE", "off")
    load_catalogue(checklist)
    assert cache.cache_folder() is None and not (tmp_path / "cache").exists()
