"""The drafting keys read on a bill's text as written (offences/README.md): the insertion formulas of amending laws,
the word naming an inserted provision, and the marks of a Chinese list. They are data, validated when they load."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lawcheck.catalogue import DEFAULT_DIR, load_catalogue
from lawcheck.errors import CatalogueError
from lawcheck.evaluate import rightly_cited
from lawcheck.split import split

AMENDING = ("5. Part IV of the principal Act is amended by inserting after section 10 the following section:\n"
            "10A. Hijacking\n(1) A person who seizes an aircraft commits an offence.\n"
            "6. Commencement\nThis Act comes into force on assent.\n")


def _checklist(tmp_path: Path, language: str, old: str, new: str) -> Path:
    """A checklist of one instrument whose drafting file of ``language`` has ``old`` replaced with ``new``."""
    folder = tmp_path / "offences"
    shutil.copytree(DEFAULT_DIR / "drafting", folder / "drafting")
    shutil.copy(DEFAULT_DIR / "hague-1970.yaml", folder / "hague-1970.yaml")
    path = folder / "drafting" / f"{language}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("language", "old", "new", "message"), [
    ("en", "  - '\\bas\\s+follows'\n", "  - '\\bas\\s+(follows'\n", r"insertion: entry 2 is not a regular expression"),
    ("en", "  - '\\bas\\s+follows'\n", "  - '(?:as\\s+follows)?'\n", r"insertion: entry 2 matches an empty line"),
    ("ru", "inserted_label: включаемая\n", "", r"insertion needs inserted_label"),
    ("zh", "list_separator: 、\n", "", r"list_conjunctions needs list_separator"),
])
def test_a_bad_key_read_as_written_is_refused_with_file_and_path(tmp_path: Path, language, old, new, message) -> None:
    folder = _checklist(tmp_path, language, old, new)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(folder)
    assert str(error.value).startswith(str(folder / "drafting" / f"{language}.yaml"))
    assert re.search(message, str(error.value)), str(error.value)


def test_the_insertion_formulas_and_the_inserted_label_are_the_drafting_files() -> None:
    """The built-in words: the inserted section is read inside section 5 and named through it."""
    labels = [p.label for p in split(AMENDING, "en").provisions if p.level == "article"]
    assert labels == ["Section 5", "Section 5 (inserting section 10A)", "Section 6"]


def test_another_checklist_s_formulas_and_label_word_are_used(tmp_path: Path) -> None:
    """A checklist whose English file has no formula reads the inserted section as a section of the bill; one with
    another label word names it so."""
    without = load_catalogue(_checklist(tmp_path / "a", "en", "  - '\\bthe\\s+following", "  - '\\bthe\\s+next"))
    labels = [p.label for p in split(AMENDING, "en", without.drafting["en"]).provisions if p.level == "article"]
    assert labels == ["Section 5", "Section 10A", "Section 6"]
    other = load_catalogue(_checklist(tmp_path / "b", "en", "inserted_label: inserting", "inserted_label: adding"))
    labels = [p.label for p in split(AMENDING, "en", other.drafting["en"]).provisions if p.level == "article"]
    assert "Section 5 (adding section 10A)" in labels
    assert rightly_cited("Section 10A", ("Section 5 (adding section 10A)",), other.drafting)
    assert not rightly_cited("Section 10A", ("Section 5 (adding section 10A)",))  # not a word of the built-in files


def test_the_words_read_as_written_do_not_mend_a_bill_s_words() -> None:
    """The insertion formulas are expressions, not phrases: the words that mend broken words leave them out."""
    from lawcheck.repair import vocabulary

    catalogue = load_catalogue()
    assert not any("\\" in word for word in vocabulary(catalogue, "ru").written)
    assert not any("\\" in word for word in vocabulary(catalogue, "en").written)
