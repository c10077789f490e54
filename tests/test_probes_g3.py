"""Probes for the aviation instruments of group g3: airports-1988, montreal-1971, montreal-protocol-2014, tokyo-1963.

Each probe is a short provision written for these tests on the pattern of real statutes (UK- and
Commonwealth-style Acts, the French Code de l'aviation civile art. L282-1 and CPP art. 689-1 / 689-7, the
Spanish and Mexican penal codes, the Canadian Criminal Code s 77), with the verdict a lawyer would give.
Both sides are kept: what must count (a wider national offence, the Commonwealth "whether in or outside"
formula, « poursuivi et jugé », « porte atteinte à la sécurité »), and what must not (a penalty for another
offence, a definition, a ministerial power, a law approving the Protocol, « le présent chapitre »).
"""

from __future__ import annotations

import pytest
from conftest import probe



def _result(text: str, language: str, offence: str):
    return probe(text, language, offence)


AIRPORT_VIOLENCE_EN = ("1. Violence at airports\n(1) A person who commits an act of violence against any person at an "
                       "airport commits an offence and is liable on conviction to imprisonment for life.\n")
AIRPORT_VIOLENCE_FR = ("Article 1\nEst puni de la réclusion criminelle à perpétuité quiconque commet des violences contre "
                       "une personne dans un aérodrome.\n")
AIRPORT_VIOLENCE_ES = ("Artículo 1\nEl que cometa un acto de violencia contra una persona en un aeropuerto será castigado "
                       "con la pena de prisión de quince a veinte años.\n")
AIRCRAFT_DAMAGE_ES = ("Artículo 1\nEl que destruya una aeronave en servicio será castigado con la pena de prisión de "
                      "quince a veinte años.\n")
AIRCRAFT_DAMAGE_FR = ("Article 1\nEst puni de vingt ans de réclusion criminelle le fait de détruire un aéronef en "
                      "service.\n")

COUNTS = [
    # --- airports-1988: a national offence wider than the treaty is covered (A3, A4)
    ("en", "airports-1988:1(1bis)(a)", AIRPORT_VIOLENCE_EN, "covered"),
    ("en", "airports-1988:1(1bis)(a)",
     "1. Offences at aerodromes\n(1) Any person who, at an aerodrome, kills or wounds any person commits an offence "
     "and is liable on conviction to imprisonment for life.\n", "covered"),
    ("en", "airports-1988:1(1bis)(a)",
     "1. Violence at airports\n(1) A person who, using a weapon, commits an act of violence against a person at an "
     "airport serving international civil aviation that causes serious injury and endangers safety at the airport "
     "commits an offence and is liable on conviction to imprisonment for life.\n", "covered"),
    ("fr", "airports-1988:1(1bis)(a)", AIRPORT_VIOLENCE_FR, "covered"),
    ("fr", "airports-1988:1(1bis)(a)",
     "Article 1\nEst puni de trente ans de réclusion criminelle le fait de porter des coups et blessures volontaires à "
     "une personne dans l'enceinte d'un aéroport.\n", "covered"),
    ("es", "airports-1988:1(1bis)(a)",
     "Artículo 1\nEl que matare o causare lesiones a una persona en un aeropuerto será castigado con la pena de "
     "prisión de quince a veinte años.\n", "covered"),
    ("es", "airports-1988:1(1bis)(a)", AIRPORT_VIOLENCE_ES, "covered"),
    # the French wording of Code de l'aviation civile art. L282-1 5° (A2)
    ("fr", "airports-1988:1(1bis)(b)",
     "Article 1\nEst puni de vingt ans de réclusion criminelle le fait d'interrompre, à l'aide d'un dispositif "
     "matériel, d'une substance ou d'une arme, le fonctionnement des services d'un aérodrome si cet acte porte "
     "atteinte ou est de nature à porter atteinte à la sécurité à l'intérieur de cet aérodrome.\n", "covered"),
    ("es", "airports-1988:1(1bis)(b)",
     "Artículo 1\nEl que destruyere o dañare las instalaciones de un aeropuerto será castigado con la pena de prisión "
     "de diez a quince años.\n", "covered"),
    ("en", "airports-1988:1(1bis)(b)",
     "1. Airport facilities\n(1) A person who destroys or damages a runway or control tower of an aerodrome commits "
     "an offence and is liable on conviction to imprisonment for 20 years.\n", "covered"),
    # penalties tied to an airport offence (A1)
    ("en", "airports-1988:3", AIRPORT_VIOLENCE_EN, "covered"),
    ("en", "airports-1988:3",
     "1. Violence at airports\nA person who commits an act of violence against any person at an airport commits an "
     "offence.\n2. Penalty\nAn offence under section 1 is punishable by imprisonment for life.\n", "covered"),
    # presence-only jurisdiction, the Commonwealth formula, « poursuivi et jugé » (A5)
    ("en", "airports-1988:5(2bis)",
     "1. Violence at airports\n(1) A person who, whether in or outside the Republic, commits an act of violence "
     "against any person at an airport commits an offence and is liable on conviction to imprisonment for life.\n",
     "covered"),
    ("en", "airports-1988:5(1)(a)",
     "1. Violence at airports\n(1) A person who, whether in or outside the Republic, commits an act of violence "
     "against any person at an airport commits an offence and is liable on conviction to imprisonment for life.\n",
     "covered"),
    ("fr", "airports-1988:5(2bis)",
     AIRPORT_VIOLENCE_FR + "Article 2\nPeut être poursuivie et jugée par les juridictions françaises, si elle se trouve "
     "en France, toute personne qui s'est rendue coupable hors du territoire de la République de l'infraction prévue "
     "à l'article 1.\n", "covered"),
    # the new mandatory duties (A8)
    ("en", "airports-1988:6(1)",
     AIRPORT_VIOLENCE_EN + "(2) A police officer may arrest without warrant any person suspected of an offence under "
     "subsection (1).\n", "covered"),
    ("fr", "airports-1988:6(1)",
     "Article 1\nLes violences commises dans un aéroport sont punies de dix ans d'emprisonnement.\nArticle 2\n"
     "L'auteur présumé de l'infraction prévue à l'article 1 peut être placé en détention provisoire.\n", "covered"),
    ("en", "airports-1988:8(3)",
     AIRPORT_VIOLENCE_EN + "(2) An offence under subsection (1) is an extraditable offence for the purposes of the "
     "Extradition Act.\n", "covered"),
    ("en", "airports-1988:8(1)",
     AIRPORT_VIOLENCE_EN + "(2) An offence under subsection (1) is an extraditable offence.\n", "covered"),
    # --- montreal-1971
    ("en", "montreal-1971:1(1)(b)",
     "1. Damage to aircraft\n(1) A person who intentionally destroys or damages an aircraft commits an offence and "
     "is liable on conviction to imprisonment for life.\n", "covered"),
    ("fr", "montreal-1971:1(1)(e)",
     "Article 1\nEst puni de cinq ans d'emprisonnement le fait de communiquer une information que l'on sait fausse "
     "et de compromettre ainsi la sécurité d'un aéronef en vol.\n", "covered"),
    # a bomb hoax needs no danger but reaches only one kind of false information: in part only
    ("en", "montreal-1971:1(1)(e)",
     "1. Hoax communications\n(1) A person who communicates information which that person knows to be false, to the "
     "effect that a bomb has been placed on board an aircraft, commits an offence and is liable to imprisonment for "
     "ten years.\n", "partial"),
    ("en", "montreal-1971:1(1)(a)",
     "1. Violence on aircraft\n(1) A person who commits an act of violence against a person on board an aircraft "
     "which is likely to endanger the safety of the aircraft commits an offence and is liable on conviction to "
     "imprisonment for life.\n", "covered"),
    ("es", "montreal-1971:5(2)",
     AIRCRAFT_DAMAGE_ES + "Artículo 2\nSerá juzgado por los tribunales españoles el que cometa el delito del artículo 1 "
     "fuera del territorio nacional, siempre que el responsable se encuentre en España.\n", "covered"),
    ("en", "montreal-1971:5(1)(b)",
     "1. Offences\n(1) A person who, whether in or outside the Republic, destroys an aircraft in service commits an "
     "offence and is liable to imprisonment for life.\n", "covered"),
    ("fr", "montreal-1971:6(1)",
     AIRCRAFT_DAMAGE_FR + "Article 2\nL'auteur présumé de l'infraction prévue à l'article 1 peut être placé en "
     "détention provisoire afin d'assurer sa présence.\n", "covered"),
    # --- montreal-protocol-2014 and tokyo-1963
    ("en", "montreal-protocol-2014:15bis(1)(a)",
     "1. Assault on crew\n(1) A person who assaults or threatens a member of the crew of an aircraft commits an "
     "offence and is liable to imprisonment for 2 years.\n", "covered"),
    ("en", "tokyo-1963:3(2)",
     "1. Jurisdiction\nThe courts of the Republic have jurisdiction over any offence committed on board an aircraft "
     "registered in the Republic, whether in or outside the Republic.\n", "covered"),
]

NOT_COUNTS = [
    # a penalty for another offence (A1)
    ("en", "airports-1988:3",
     "1. Nuclear material\n(1) A person who unlawfully possesses nuclear material commits an offence and is liable "
     "on conviction to imprisonment for life.\n", ("missing",)),
    ("en", "montreal-1971:3",
     "1. Nuclear material\n(1) A person who unlawfully possesses nuclear material commits an offence and is liable "
     "on conviction to imprisonment for life.\n", ("missing",)),
    # a law approving the Protocol, a definition, a ministerial power
    ("en", "airports-1988:1(1bis)(a)",
     "1. Approval\nThe Protocol for the Suppression of Unlawful Acts of Violence at Airports Serving International "
     "Civil Aviation is approved.\n", ("missing",)),
    ("en", "airports-1988:1(1bis)(a)",
     "1. Interpretation\nIn this Act, 'airport' means any aerodrome, and 'act of violence' includes an assault.\n",
     ("missing",)),
    ("en", "airports-1988:1(1bis)(a)",
     "1. Regulations\nThe Minister may make regulations to prevent acts of violence at airports.\n", ("missing",)),
    ("fr", "airports-1988:6(1)",
     "Article 1\nLes violences commises dans un aéroport sont punies de dix ans d'emprisonnement.\nArticle 2\n"
     "Un aéroport international est un aérodrome désigné par arrêté du ministre chargé de l'aviation civile.\n",
     ("missing",)),
    ("fr", "airports-1988:1(1bis)(a)",
     "Article 1\nLe ministre chargé de l'aviation civile fixe par arrêté les mesures de sûreté dans les aérodromes.\n",
     ("missing",)),
    # « présent chapitre » / « presente ley » are not the offender's presence (as C2, I3)
    ("fr", "airports-1988:5(2bis)",
     AIRPORT_VIOLENCE_FR + "Article 2\nLes juridictions nationales sont compétentes pour connaître des infractions "
     "prévues au présent chapitre commises sur le territoire de la République.\n", ("missing",)),
    ("es", "airports-1988:5(2bis)",
     AIRPORT_VIOLENCE_ES + "Artículo 2\nLos tribunales nacionales serán competentes para conocer de los delitos "
     "previstos en la presente ley cometidos en el territorio nacional.\n", ("missing",)),
    ("fr", "montreal-1971:5(2)",
     AIRCRAFT_DAMAGE_FR + "Article 2\nLe présent chapitre s'applique aux infractions commises sur le territoire "
     "national.\n", ("missing",)),
    # an obligation of the Protocol does not count on a law about another offence (hijacking)
    ("es", "airports-1988:8(3)",
     "Artículo 1\nEl que se apoderare de una aeronave será castigado con prisión.\nArtículo 2\nLos delitos del "
     "artículo 1 darán lugar a extradición.\n", ("missing",)),
    # hijacking, where violence is only the means of seizure, is not violence endangering the aircraft
    ("en", "montreal-1971:1(1)(a)",
     "1. Hijacking\n(1) A person who on board an aircraft in flight, by force or violence, seizes control of the "
     "aircraft commits an offence and is liable to imprisonment for life.\n", ("missing", "partial")),
    # an ordinary extradition clause is not the Convention as a legal basis (optional 8(2))
    ("en", "airports-1988:8(2)",
     AIRPORT_VIOLENCE_EN + "(2) An offence under subsection (1) is an extraditable offence.\n", ("missing",)),
]


@pytest.mark.parametrize(("language", "offence", "text", "expected"), COUNTS)
def test_counts(language: str, offence: str, text: str, expected: str) -> None:
    result = _result(text, language, offence)
    assert result.status == expected, (result.status, result.missing, result.reason)


@pytest.mark.parametrize(("language", "offence", "text", "allowed"), NOT_COUNTS)
def test_does_not_count(language: str, offence: str, text: str, allowed: tuple[str, ...]) -> None:
    result = _result(text, language, offence)
    assert result.status in allowed, (result.status, result.missing, result.reason)


def test_wider_law_names_what_it_omits() -> None:
    result = _result(AIRPORT_VIOLENCE_EN, "en", "airports-1988:1(1bis)(a)")
    assert set(result.wider) >= {"international-civil-aviation", "device-substance-weapon"}


def test_intent_not_read_into_international() -> None:
    text = ("1. Violence at airports\n(1) A person who, using a weapon, commits an act of violence against any person "
            "at an airport serving international civil aviation commits an offence and is liable on conviction to "
            "imprisonment for life.\n")
    result = _result(text, "en", "airports-1988:1(1bis)(a)")
    intent = next(e for e in result.elements if e.element == "intentionally")
    assert not intent.found
