"""Each provision is read with its chapeau and definitions, and classified: offence, duty, definition, schedule."""

from __future__ import annotations

import pytest

from lawcheck.context import UnitBuilder
from lawcheck.match import BillIndex, hits_within
from lawcheck.normalise import tokenize
from lawcheck.split import split

BILL = """PART I
2. Interpretation
In this Act—
"aircraft in flight" means an aircraft whose doors are closed.
PART II
3. Hijacking
(1) A person who—
(a) seizes an aircraft in flight; or
(b) exercises control of it,
commits an offence.
4. Duty of the Minister
The Minister shall take measures to prevent the seizure of aircraft.
SCHEDULE
1. Convention for the Suppression of Unlawful Seizure of Aircraft.
"""


@pytest.fixture(scope="module")
def units(catalogue):
    structure = split(BILL, "en")
    index = BillIndex(tokenize(BILL, "en"), "en")
    built = UnitBuilder(BILL, structure, index, catalogue.drafting["en"]).units()
    return {u.provision.label: u for u in built}, index


@pytest.mark.parametrize(
    ("label", "penal", "duty", "definition", "enacting"),
    [
        ("Section 3(1)(a)", True, False, False, True),
        ("Section 4", False, True, False, True),
        ("Section 2", False, False, True, True),
        ("Part II", False, False, False, False),
    ],
)
def test_units_are_classified(units, label: str, penal: bool, duty: bool, definition: bool, enacting: bool) -> None:
    unit = units[0][label]
    assert (unit.penal, unit.duty, unit.definition, unit.enacting) == (penal, duty, definition, enacting)


def test_schedule_entries_do_not_enact(units) -> None:
    schedule_units = [u for u in units[0].values() if u.provision.path[0] == "Schedule"]
    assert schedule_units and not any(u.enacting for u in schedule_units)


def test_a_paragraph_is_read_with_its_chapeau_and_definitions(units) -> None:
    unit, index = units[0]["Section 3(1)(a)"], units[1]
    assert hits_within(index.find("a person who"), unit.context)  # the chapeau
    assert hits_within(index.find("doors are closed"), unit.context)  # the definition of "aircraft in flight"
    assert not hits_within(index.find("exercise control"), unit.context)  # a sibling is not context


def test_a_term_defined_twice_is_read_with_its_nearest_definition(catalogue) -> None:
    text = ('PART I\n1. In this Part, "craft" means an aircraft.\n2. A person who seizes a craft commits an offence.\n'
            'PART II\n3. In this Part, "craft" means a ship.\n4. A person who seizes a craft commits an offence.\n')
    structure = split(text, "en")
    index = BillIndex(tokenize(text, "en"), "en")
    units = {u.provision.label: u for u in UnitBuilder(text, structure, index, catalogue.drafting["en"]).units()}
    assert hits_within(index.find("aircraft"), units["Section 2"].context)
    assert not hits_within(index.find("ship"), units["Section 2"].context)
    assert hits_within(index.find("ship"), units["Section 4"].context)
    assert not hits_within(index.find("aircraft"), units["Section 4"].context)


@pytest.mark.parametrize(
    ("text", "language", "defines"),
    [
        ("Artículo 170.- Al que se apodere de una plataforma fija se le aplicarán de veinte a treinta años de prisión. "
         "Para efectos de este artículo, se entenderá por plataforma fija una isla artificial, instalación o estructura.",
         "es", False),
        ('2. In this Act—\n"fixed platform" means an artificial island.', "en", True),
    ],
)
def test_an_offence_article_that_ends_with_a_definition_still_creates_the_offence(catalogue, text: str, language: str,
                                                                                   defines: bool) -> None:
    structure = split(text, language)
    index = BillIndex(tokenize(text, language), language)
    units = UnitBuilder(text, structure, index, catalogue.drafting[language]).units()
    article = next(u for u in units if u.provision.level == "article")
    holder = next(u for u in units if u.provision.index == structure.definitions[0].provision)
    assert holder.definition is defines and (article.penal or defines)


@pytest.mark.parametrize(
    ("text", "language", "item", "chapeau", "after"),
    [
        ("المادة 5\nيعاقب بالحبس المؤبد كل من ارتكب فعلاً من الأفعال الآتية:\n1- العنف ضد أشخاص على متن طائرة.\n"
         "2- التحريض على ارتكاب أحد هذه الأفعال.\n"
         "وتكون العقوبة الحبس مدة لا تجاوز خمس سنوات إذا أعاد الجاني الطائرة بعد الاستيلاء عليها.",
         "ar", "المادة 5(1)", "يعاقب بالحبس", "الاستيلاء"),
        ("Article 5\nEst puni de dix ans d'emprisonnement :\n1° Le fait de détruire un aéronef ;\n"
         "2° Le fait de compromettre la sécurité d'un aéronef.\n\n"
         "La peine est portée à la perpétuité lorsque l'auteur s'est emparé de l'aéronef.",
         "fr", "Article 5 1°", "est puni", "emparé"),
    ],
)
def test_an_item_is_read_with_the_words_above_its_list_not_with_a_paragraph_after_it(
        catalogue, text: str, language: str, item: str, chapeau: str, after: str) -> None:
    structure = split(text, language)
    index = BillIndex(tokenize(text, language), language)
    built = {u.provision.label: u for u in UnitBuilder(text, structure, index, catalogue.drafting[language]).units()}
    assert hits_within(index.find(chapeau), built[item].own)
    assert not hits_within(index.find(after), built[item].context)
