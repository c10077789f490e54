"""Probes for the aviation-seizure and civil-aviation checklists (hague-1970, beijing-2010, beijing-protocol-2010).

Each probe is a short provision written for this test on the pattern of real statutes (UK Aviation Security
Act 1982 s 1, Cook Islands Aviation Security Act 2008 s 44, Criminal Code of Canada s 76, French Code pénal
art. 224-6, CPP art. 689-1 and Code de l'aviation civile art. L282-1, Spanish-language penal codes using
« apoderarse » and « desviar de su ruta »), with the verdict a lawyer would give. Both sides are kept: what
must count (a national offence wider than the treaty, the usual national formulas) and what must not (a
penalty for another offence, a definition, a ministerial power, a law approving the Convention, a purely
territorial jurisdiction clause).
"""

from __future__ import annotations

import pytest
from conftest import probe_report



def _results(text: str, language: str, instrument: str) -> dict:
    return {r.id: r for r in probe_report(text, language, instrument).results}


# ---- offences: a national offence without the treaty's narrowing qualifiers is covered, wider ----------------

HAGUE_EN_WIDE = ("1. Hijacking\nA person who unlawfully seizes or exercises control of an aircraft commits an offence "
                 "and is liable on conviction to imprisonment for life.")
HAGUE_EN_COMMONWEALTH = (
    "44. Hijacking\nEveryone commits the crime of hijacking and is liable on conviction to imprisonment for life "
    "who, while on board an aircraft in flight, whether in or outside the Republic, unlawfully, by force or threat "
    "of force or by any form of intimidation, seizes or exercises control of that aircraft.")
HAGUE_FR_CP = ("Article 1\nLe fait de s'emparer ou de prendre le contrôle par violence ou menace de violence d'un "
               "aéronef à bord duquel des personnes ont pris place est puni de vingt ans de réclusion criminelle.")
HAGUE_ES_APODERARSE = ("Artículo 1\nEl que, mediante violencia o intimidación, se apoderare de una aeronave será "
                       "castigado con la pena de prisión de diez a quince años.")
HAGUE_ES_DESVIAR = ("Artículo 139\nEl que se apoderare de una aeronave o la desviare de su ruta establecida será "
                    "sancionado con privación de libertad de dos a ocho años.")
BEIJING_EN_VIOLENCE = ("5. Violence on board\nA person who commits an act of violence against a person on board an "
                       "aircraft commits an offence and is liable on conviction to imprisonment for 20 years.")
BEIJING_FR_AERODROME = (
    "Article 3\nEst puni de vingt ans de réclusion criminelle quiconque, à l'aide d'une arme, accomplit un acte de "
    "violence contre une personne dans un aérodrome, si cet acte porte atteinte ou est de nature à porter atteinte à "
    "la sécurité dans l'aérodrome.")
BEIJING_EN_THREAT = "7. Threats\nA person who threatens to destroy an aircraft commits an offence."
BEIJING_EN_TRANSPORT = (
    "8. Carriage of explosives\nA person who knowingly transports on board an aircraft any explosive intended to be "
    "used to cause death or serious injury commits an offence and is liable on conviction to imprisonment for life.")
PROTOCOL_EN_FULL = (
    "1. Hijacking\nA person who unlawfully and intentionally seizes or exercises control of an aircraft in service "
    "by force, threat of force, coercion or any technological means commits an offence and is liable on conviction "
    "to imprisonment for life.")
PROTOCOL_ES_ANY_MEANS = ("Artículo 1\nEl que se apoderare de una aeronave en servicio o tomare su control por "
                         "cualquier medio será castigado con prisión de quince a veinte años.")


@pytest.mark.parametrize(("text", "language", "instrument", "entry", "status", "wider"), [
    (HAGUE_EN_WIDE, "en", "hague-1970", "hague-1970:1(a)", "covered", {"in-flight", "force-threat-intimidation"}),
    (HAGUE_EN_COMMONWEALTH, "en", "hague-1970", "hague-1970:1(a)", "covered", set()),
    (HAGUE_FR_CP, "fr", "hague-1970", "hague-1970:1(a)", "covered", set()),
    (HAGUE_ES_APODERARSE, "es", "hague-1970", "hague-1970:1(a)", "covered", {"in-flight"}),
    (HAGUE_ES_DESVIAR, "es", "hague-1970", "hague-1970:1(a)", "covered", {"in-flight", "force-threat-intimidation"}),
    (BEIJING_EN_VIOLENCE, "en", "beijing-2010", "beijing-2010:1(1)(a)", "covered", {"endangers-safety"}),
    (BEIJING_FR_AERODROME, "fr", "beijing-2010", "beijing-2010:1(2)(a)", "covered", {"serious-injury-or-death"}),
    (BEIJING_EN_THREAT, "en", "beijing-2010", "beijing-2010:1(3)(a)", "covered", {"credible"}),
    (BEIJING_EN_TRANSPORT, "en", "beijing-2010", "beijing-2010:1(1)(i)(1)", "covered", {"intimidate-or-compel"}),
    (PROTOCOL_EN_FULL, "en", "beijing-protocol-2010", "beijing-protocol-2010:1(1)", "covered", set()),
    (PROTOCOL_ES_ANY_MEANS, "es", "beijing-protocol-2010", "beijing-protocol-2010:1(1)", "covered",
     {"force-threat-coercion-intimidation"}),
])
def test_wider_national_offence_is_covered(text, language, instrument, entry, status, wider) -> None:
    result = _results(text, language, instrument)[entry]
    assert result.status == status, result.reason
    assert wider <= set(result.wider), result.wider


def test_hague_1970_law_is_only_partial_for_the_protocol() -> None:
    """A 1970-style offence (in flight, by force) misses the Protocol's 'in service' and technological means."""
    result = _results(HAGUE_EN_COMMONWEALTH, "en", "beijing-protocol-2010")["beijing-protocol-2010:1(1)"]
    assert result.status == "partial"
    assert {"in-service", "technological-means"} <= set(result.missing)


# ---- jurisdiction and extradition: national formulas ------------------------------------------------------

FR_OFFENCE = "Article 1\nLe fait de s'emparer d'un aéronef par violence est puni de vingt ans de réclusion criminelle.\n"
ES_OFFENCE = "Artículo 1\nEl que se apoderare de una aeronave será castigado con prisión de diez a quince años.\n"
EN_OFFENCE = ("1. Hijacking\nA person who unlawfully seizes an aircraft commits an offence and is liable on "
              "conviction to imprisonment for life.\n")
EN_BEIJING_OFFENCE = ("1. Violence on board\nA person who commits an act of violence against a person on board an "
                      "aircraft commits an offence and is liable on conviction to imprisonment for life.\n")
FR_BEIJING_OFFENCE = ("Article 1\nEst puni de vingt ans de réclusion criminelle le fait d'accomplir un acte de "
                      "violence contre une personne à bord d'un aéronef.\n")
ES_BEIJING_OFFENCE = ("Artículo 1\nEl que realizare un acto de violencia contra una persona a bordo de una aeronave "
                      "será castigado con prisión de diez a quince años.\n")


@pytest.mark.parametrize(("text", "language", "instrument", "entry", "status"), [
    # French CPP 689-1: « poursuivi et jugé … si elle se trouve en France » (presence alone is wider: covered)
    (FR_OFFENCE + "Article 2\nPeut être poursuivie et jugée par les juridictions nationales, si elle se trouve en "
     "France, toute personne qui s'est rendue coupable hors du territoire de l'infraction prévue à l'article 1.",
     "fr", "hague-1970", "hague-1970:4(2)", "covered"),
    (FR_BEIJING_OFFENCE + "Article 2\nPeut être poursuivie et jugée par les juridictions nationales, si elle se "
     "trouve en France, toute personne qui s'est rendue coupable hors du territoire de l'infraction prévue à "
     "l'article 1.", "fr", "beijing-2010", "beijing-2010:8(3)", "covered"),
    # the Commonwealth extraterritorial formula inside the offence meets the registration basis
    (HAGUE_EN_COMMONWEALTH, "en", "hague-1970", "hague-1970:4(1)(a)", "covered"),
    # presence clause in Spanish
    (ES_OFFENCE + "Artículo 2\nLos tribunales nacionales serán competentes para conocer del delito previsto en el "
     "artículo 1 cometido en el extranjero cuando el presunto autor se halle en territorio nacional.",
     "es", "hague-1970", "hague-1970:4(2)", "covered"),
    (ES_BEIJING_OFFENCE + "Artículo 2\nLos tribunales nacionales serán competentes para conocer de los delitos "
     "previstos en el artículo 1 cometidos en el extranjero cuando el presunto autor se halle en territorio "
     "nacional.", "es", "beijing-2010", "beijing-2010:8(3)", "covered"),
    # extraditable offence without a treaty requirement: covered for both the treaty clause and the no-treaty clause
    (EN_OFFENCE + "2. Extradition\nAn offence under section 1 is an extraditable offence for the purposes of the "
     "Extradition Act.", "en", "hague-1970", "hague-1970:8(1)", "covered"),
    (EN_OFFENCE + "2. Extradition\nAn offence under section 1 is an extraditable offence, whether or not an "
     "extradition treaty is in force with the requesting State.", "en", "hague-1970", "hague-1970:8(3)", "covered"),
    (EN_OFFENCE + "2. Extradition\nFor the purposes of extradition, an offence under section 1 is deemed to have "
     "been committed also in the territory of any State required to establish jurisdiction over it.",
     "en", "hague-1970", "hague-1970:8(4)", "covered"),
    (EN_BEIJING_OFFENCE + "2. Custody\nWhere a person alleged to have committed an offence under section 1 is "
     "present in the Republic, a magistrate may order that the person be taken into custody to ensure the person's "
     "presence for such time as is necessary to institute criminal or extradition proceedings.",
     "en", "beijing-2010", "beijing-2010:9(1)", "covered"),
])
def test_national_jurisdiction_and_extradition_formulas(text, language, instrument, entry, status) -> None:
    result = _results(text, language, instrument)[entry]
    assert result.status == status, result.reason


# ---- what must not count ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "language", "instrument", "entry"), [
    # a purely territorial clause is not presence jurisdiction (« présent chapitre », « presente ley »)
    (FR_OFFENCE + "Article 2\nLes juridictions nationales sont compétentes pour connaître des infractions prévues "
     "au présent chapitre commises sur le territoire de la République.", "fr", "hague-1970", "hague-1970:4(2)"),
    (FR_BEIJING_OFFENCE + "Article 2\nLes juridictions nationales sont compétentes pour connaître des infractions "
     "prévues au présent chapitre commises sur le territoire de la République.", "fr", "beijing-2010",
     "beijing-2010:8(3)"),
    (ES_BEIJING_OFFENCE + "Artículo 2\nLos tribunales nacionales serán competentes para conocer de los delitos "
     "previstos en la presente ley cometidos en el territorio nacional.", "es", "beijing-2010", "beijing-2010:8(3)"),
    # a penalty clause for another offence
    ("1. Damage to ships\nA person who damages a ship commits an offence and is liable on conviction to "
     "imprisonment for life.", "en", "hague-1970", "hague-1970:2"),
    ("1. Damage to ships\nA person who damages a ship commits an offence and is liable on conviction to "
     "imprisonment for life.", "en", "beijing-protocol-2010", "beijing-protocol-2010:2"),
    # a definition
    ("1. Interpretation\nIn this Act, an aircraft is in flight from the moment when all its external doors are "
     "closed following embarkation.", "en", "hague-1970", "hague-1970:1(a)"),
    # a ministerial power
    ("3. Regulations\nThe Minister may make regulations for the security of aircraft and airports and for the "
     "control of access to aircraft.", "en", "beijing-2010", "beijing-2010:1(1)(a)"),
    ("3. Regulations\nThe Minister may make regulations for the security of aircraft and airports and for the "
     "control of access to aircraft.", "en", "hague-1970", "hague-1970:1(a)"),
    # a law approving the Convention
    ("Article unique\nEst autorisée la ratification de la Convention pour la répression de la capture illicite "
     "d'aéronefs, signée à La Haye le 16 décembre 1970.", "fr", "hague-1970", "hague-1970:1(a)"),
    ("Artículo único\nSe aprueba el Convenio para la represión de actos ilícitos relacionados con la aviación "
     "civil internacional, hecho en Beijing el 10 de septiembre de 2010.", "es", "beijing-2010",
     "beijing-2010:1(1)(a)"),
    # an unrelated duty of the competent authorities is not aut dedere aut judicare
    (EN_BEIJING_OFFENCE + "2. Reports\nThe competent authorities shall publish an annual report on prosecutions.",
     "en", "beijing-2010", "beijing-2010:10"),
    # an extradition-treaty clause on procedure is not a clause making the offences extraditable
    (EN_BEIJING_OFFENCE + "2. Requests\nIn the absence of an extradition treaty, a request under section 1 shall "
     "be transmitted through diplomatic channels.", "en", "beijing-2010", "beijing-2010:12(1)"),
])
def test_unrelated_provision_does_not_count(text, language, instrument, entry) -> None:
    result = _results(text, language, instrument)[entry]
    assert result.status == "missing", result.reason
