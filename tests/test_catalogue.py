"""The checklist loads, and a malformed one is refused with the file and the path inside it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lawcheck.catalogue import DEFAULT_DIR, load_catalogue
from lawcheck.schema import ARTICLE_RE
from lawcheck.errors import CatalogueError

REQUIRED_INSTRUMENTS = ("hague-1970", "hostages-1979", "bombings-1997", "financing-1999")


@pytest.mark.parametrize("instrument", REQUIRED_INSTRUMENTS)
def test_instrument_has_principal_and_ancillary_offences(catalogue, instrument: str) -> None:
    kinds = {o.kind for o in catalogue.offences if o.instrument == instrument}
    assert {"principal", "ancillary"} <= kinds


@pytest.mark.parametrize("offence_id", [o.id for o in load_catalogue().offences])
def test_every_entry_cites_its_article_and_has_a_model_provision(catalogue, offence_id: str) -> None:
    offence = catalogue.offence(offence_id)
    assert offence_id.startswith(f"{offence.instrument}:{offence.article}")
    assert ARTICLE_RE.match(offence.article)
    assert all(offence.model_provision[lang] for lang in ("en", "fr", "es"))
    assert any(e.core for e in offence.elements)


def _copy(tmp_path: Path, name: str = "hague-1970.yaml") -> Path:
    folder = tmp_path / "offences"
    folder.mkdir()
    shutil.copy(DEFAULT_DIR / name, folder / name)
    return folder / name


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    kind: principal\n", "    kind: principal\n    colour: red\n", r"offences\[0\]\.colour: unknown key"),
        ("    kind: principal\n", "    kind: principal\n    kind: ancillary\n", r"duplicate key 'kind'"),
        ("    article: 1(a)\n", "    article: one-a\n", r"offences\[0\]\.article: .*bad article syntax"),
        ("          fr:", "          de:", r"offences\[0\]\.elements\[0\]\.phrases: .*missing language 'fr'"),
        ("  id: hague-1970\n", "  id: hague-1971\n", r"instrument\.id: 'hague-1971' must be the file name"),
        ("kind: principal", "kind: criminal", r"offences\[0\]\.kind"),
        ("          es: [apoderar,", "          xx: [sequestro]\n          es: [apoderar,",
         r"offences\[0\]\.elements\[0\]\.phrases: .*unknown language 'xx'"),
        ("    translations:\n", "    translations:\n      de: {title: Entführung, summary: Jemand entführt ein Luftfahrzeug.}\n",
         r"offences\[0\]\.translations: .*unknown language 'de'"),
    ],
)
def test_malformed_checklist_is_refused_with_file_and_path(tmp_path: Path, old: str, new: str, message: str) -> None:
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as error:
        load_catalogue(path.parent)
    assert str(error.value).startswith(str(path))
    assert re.search(message, str(error.value)), str(error.value)


def test_empty_phrase_list_is_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    text = re.sub(r"(\n          en: )\[[^\]]*\]", r"\1[]", path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"phrases: .*en: empty list|phrases.en|empty list"):
        load_catalogue(path.parent)


def test_yaml_syntax_error_names_the_file(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    path.write_text("instrument: [unclosed\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=re.escape(str(path))):
        load_catalogue(path.parent)


def test_duplicate_offence_ids_across_files_are_refused(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8").replace("hague-1970", "hague-copy")
    (path.parent / "hague-copy.yaml").write_text(text, encoding="utf-8")
    text = text.replace("- id: hague-copy:1(b)", "- id: hague-copy:1(a)").replace("article: 1(b)", "article: 1(a)")
    (path.parent / "hague-copy.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match="duplicate offence id"):
        load_catalogue(path.parent)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    path = _copy(tmp_path)
    path.write_text("instrument: !!python/object/apply:os.system ['echo pwned']\n", encoding="utf-8")
    with pytest.raises(CatalogueError):
        load_catalogue(path.parent)


def test_words_in_the_other_un_languages_are_read_from_the_checklist() -> None:
    """Arabic, Russian and Chinese words are loaded beside en, fr and es (issue 13)."""
    offence = load_catalogue().offence("hague-1970:1(a)")
    seize = offence.element("seize")
    assert all(seize.phrases.get(language) for language in ("ar", "ru", "zh"))
    assert all(offence.titles.get(language) and offence.model_provision.get(language) for language in ("ar", "ru", "zh"))
