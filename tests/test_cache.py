"""The compiled checklist is cached by content: the same checklist from the cache, a changed one rebuilt, an
unreadable cache ignored."""

from __future__ import annotations

import re
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
    for n in range(5):
        title = f"Taking an aircraft in flight, version {n}"
        path.write_text(re.sub(r"title: (Hijacking|Taking) an aircraft in flight[^\n]*", f"title: {title}",
                               path.read_text(encoding="utf-8"), count=1), encoding="utf-8")
        titles = {o.title for o in load_catalogue(checklist).offences if o.instrument == "hague-1970"}
        assert title in titles
    # the folder does not grow with every change: the newest three checklists are kept
    assert len(list(checklist.parent.joinpath("cache").glob("checklist-*.pickle"))) == 3


def test_an_unreadable_cache_is_ignored(checklist: Path, tmp_path: Path) -> None:
    load_catalogue(checklist)
    for stale in (tmp_path / "cache").glob("checklist-*.pickle"):
        stale.write_bytes(b"not a pickle")
    assert len(load_catalogue(checklist).offences) == len(load_catalogue(DEFAULT_DIR).offences)


def test_the_cache_can_be_turned_off(checklist: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LAWCHECK_CACHE", "off")
    load_catalogue(checklist)
    assert cache.cache_folder() is None and not (tmp_path / "cache").exists()


# --------------------------------------------------------------------------- simplemma's decoded dictionaries


@pytest.fixture()
def lemma_cache(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LAWCHECK_CACHE", str(folder))
    return folder


def _lemmas(factory, words: list[str], language: str) -> list[str]:  # noqa: ANN001 - a simplemma factory
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    return [lemmatizer.lemmatize(word, language) for word in words]


WORDS = {"en": ["hijacks", "seized", "offences", "aircraft", "terrorism", "xqzv"],
         "fr": ["détourné", "aéronefs", "infractions", "xqzv"],
         "es": ["apoderare", "aeronaves", "delitos", "xqzv"]}


@pytest.mark.parametrize("language", sorted(WORDS))
def test_cached_lemma_dictionaries_give_simplemmas_lemmas(lemma_cache: Path, language: str) -> None:
    import simplemma

    from lawcheck import lemmas

    expected = [simplemma.lemmatize(w, lang=language) for w in WORDS[language]]
    assert _lemmas(lemmas._cached_factory(), WORDS[language], language) == expected  # decoded, then stored
    assert list(lemma_cache.glob(f"simplemma-{language}-*.pickle"))
    assert _lemmas(lemmas._cached_factory(), WORDS[language], language) == expected  # read back from the cache


def test_lemmatize_and_is_known_match_simplemma(lemma_cache: Path) -> None:
    import simplemma

    from lawcheck import lemmas

    lemmas._functions.cache_clear()
    try:
        for word in WORDS["en"]:
            assert lemmas.lemmatize(word, "en") == simplemma.lemmatize(word, lang="en")
            assert lemmas.is_known(word, "en") == simplemma.is_known(word, lang="en")
    finally:
        lemmas._functions.cache_clear()


def test_an_unreadable_lemma_dictionary_is_ignored_and_rebuilt(lemma_cache: Path) -> None:
    from lawcheck import lemmas

    first = _lemmas(lemmas._cached_factory(), WORDS["en"], "en")
    (stale,) = lemma_cache.glob("simplemma-en-*.pickle")
    for garbage in (b"not a pickle", b""):
        stale.write_bytes(garbage)
        assert _lemmas(lemmas._cached_factory(), WORDS["en"], "en") == first
        assert stale.stat().st_size > 1000  # written again, whole


def test_a_changed_lemma_dictionary_gets_its_own_cache(lemma_cache: Path, tmp_path: Path, monkeypatch) -> None:
    """The cache is named by a digest of the packed dictionary: other bytes (another simplemma) make a new one."""
    from simplemma.strategies.dictionaries import dictionary_factory as shipped

    from lawcheck import lemmas

    lemmas._cached_factory().get_dictionary("en")
    before = set(lemma_cache.glob("simplemma-en-*.pickle"))
    data = tmp_path / "data"
    data.mkdir()
    (data / "en.plzma").write_bytes((shipped.DATA_FOLDER / "fr.plzma").read_bytes())  # "en" now holds French
    monkeypatch.setattr(shipped, "DATA_FOLDER", data)
    french = lemmas._cached_factory().get_dictionary("en")
    after = set(lemma_cache.glob("simplemma-en-*.pickle"))
    assert len(after) == 2 and before < after  # a new file beside the old one (kept for a while: see below)
    assert french.get("aéronefs") == "aéronef"


def test_stored_rebuilds_under_a_new_name_and_ignores_invalid_content(lemma_cache: Path) -> None:
    calls: list[str] = []

    def build(value: str):  # noqa: ANN202
        return lambda: calls.append(value) or {"value": value}

    assert cache.stored("thing-1", build("one")) == {"value": "one"}
    assert cache.stored("thing-1", build("ignored")) == {"value": "one"} and calls == ["one"]
    assert cache.stored("thing-2", build("two")) == {"value": "two"} and calls == ["one", "two"]
    assert cache.stored("thing-1", build("again"), valid=lambda found: False) == {"value": "again"}
    assert not list(lemma_cache.glob("*.tmp"))


def test_the_repair_vocabulary_is_cached_and_the_same(checklist: Path, tmp_path: Path) -> None:
    from lawcheck import repair

    catalogue = load_catalogue(checklist)
    repair._vocabulary.cache_clear()  # built from the same phrases by an earlier test: not from this cache
    built = repair.vocabulary(catalogue, "fr")
    assert list((tmp_path / "cache").glob("vocabulary-fr-*.pickle"))
    repair._vocabulary.cache_clear()
    again = repair.vocabulary(catalogue, "fr")
    assert again is not built
    assert (again.words, again.written, again.rests) == (built.words, built.written, built.rests)
    assert "infraction" in again and "aéronefs" in again and "xylophone" not in again


def test_two_copies_of_the_same_checklist_name_their_own_files(checklist: Path, tmp_path: Path) -> None:
    """Two checkouts with the same checklist share no cache entry: each catalogue names its own files."""
    other = tmp_path / "elsewhere" / "offences"
    shutil.copytree(checklist, other)
    first, second = load_catalogue(checklist), load_catalogue(other)
    assert first.offences[0].source_file.startswith(str(checklist))
    assert second.offences[0].source_file.startswith(str(other))
