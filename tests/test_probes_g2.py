"""Probes for ipp-1973 and hostages-1979 (issue 10, group g2): short provisions written for these tests on the
pattern of real statutes, with the verdict a lawyer would give. Both sides are kept: national wording that
implements the treaty (often wider than it) must count, and provisions that only resemble it must not."""

from __future__ import annotations

import pytest
from conftest import probe



def _result(text: str, language: str, instrument: str, offence: str):
    return probe(text, language, offence)


IPP_OFFENCE_EN = (
    "3. Crimes against protected persons\n"
    "(1) Every one commits a crime who does an act if--\n"
    "(a) he or she does the act in the Republic or outside the Republic; and\n"
    "(b) he or she does the act to or in relation to a person whom he or she knows to be an internationally "
    "protected person; and\n"
    "(c) the act would, if done in the Republic, constitute a crime specified in Schedule 1.\n"
    "(2) Every one who commits a crime against this section is liable on conviction to the penalty for that crime.\n"
)

MUST_COUNT = [
    # I1: the Commonwealth technique (no conduct words; the act that would constitute a scheduled crime)
    ("en", "ipp-1973", "ipp-1973:2(1)(a)", IPP_OFFENCE_EN, {"covered"}),
    ("en", "ipp-1973", "ipp-1973:2(1)(b)",
     "4. Crimes against premises\n(1) Every one commits a crime who, whether in or outside the Republic, does any act "
     "to or in relation to the official premises or private residence of a person whom he or she knows to be an "
     "internationally protected person, where the act would, if done in the Republic, constitute a crime specified in "
     "Schedule 2, and is liable on conviction to imprisonment for 14 years.\n", {"covered"}),
    ("en", "ipp-1973", "ipp-1973:2(1)(a)",
     "8. (1) A person who murders or kidnaps an internationally protected person is guilty of an offence and is "
     "punishable on conviction by imprisonment for life.\n", {"covered"}),
    # I8: French and Spanish conduct wording
    ("fr", "ipp-1973", "ipp-1973:2(1)(a)",
     "Article 3. Les coups et blessures volontaires portés à un agent diplomatique ou à une autre personne jouissant "
     "d'une protection internationale sont punis de dix ans d'emprisonnement.\n", {"covered"}),
    ("es", "ipp-1973", "ipp-1973:2(1)(a)",
     "Artículo 605 bis. El que violare la inmunidad personal de un Jefe de un Estado extranjero que se halle en el "
     "territorio nacional será castigado con la pena de prisión de seis a ocho años.\n", {"covered"}),
    ("es", "ipp-1973", "ipp-1973:2(1)(a)",
     "Artículo 10. Idénticas sanciones se aplicarán a quienes atenten contra la vida o la integridad física de "
     "personas protegidas internacionalmente.\nSerá castigado con presidio mayor el que cometiere el delito.\n",
     {"covered"}),
    # I4: an attack on premises with no danger test is wider than the treaty, and compliant
    ("en", "ipp-1973", "ipp-1973:2(1)(b)",
     "8. (3) A person who intentionally destroys or damages any official premises, private accommodation or means "
     "of transport of an internationally protected person is guilty of an offence and is punishable on conviction "
     "by imprisonment for a period not exceeding 10 years.\n", {"covered"}),
    # I6: 'an extraditable offence' alone meets 8(1)
    ("en", "ipp-1973", "ipp-1973:8(1)",
     IPP_OFFENCE_EN + "4. A crime against section 3 is an extraditable offence for the purposes of the Extradition "
     "Act.\n", {"covered"}),
    # I2: the Commonwealth 'whether in or outside' formula reaches every basis of Art. 3
    ("en", "ipp-1973", "ipp-1973:3(1)(b)",
     "5. Every one who, whether in or outside the Republic, murders or kidnaps an internationally protected person "
     "commits an offence and is liable on conviction to imprisonment for life.\n", {"covered"}),
    ("en", "ipp-1973", "ipp-1973:3(2)",
     "5. Every one who, whether in or outside the Republic, murders or kidnaps an internationally protected person "
     "commits an offence and is liable on conviction to imprisonment for life.\n", {"covered"}),
    # I2, I5: « poursuivi et jugé » on presence alone (CPP art. 689-1 pattern): wider than 'present and not extradited'
    ("fr", "ipp-1973", "ipp-1973:3(2)",
     "Article 1er. Le meurtre ou l'enlèvement d'une personne jouissant d'une protection internationale est puni de "
     "la réclusion criminelle à perpétuité.\nArticle 2. Peut être poursuivie et jugée par les juridictions "
     "françaises, si elle se trouve en France, toute personne qui s'est rendue coupable hors du territoire de la "
     "République de l'infraction prévue à l'article 1er.\n", {"covered"}),
    # hostages: the Spanish 'apoderarse'
    ("es", "hostages-1979", "hostages-1979:1(1)",
     "Artículo 4. El que se apoderare de una persona o la retuviere y amenazare con matarla, para obligar a un "
     "tercero a hacer algo como condición de su liberación, será castigado con prisión de diez a quince años.\n",
     {"covered"}),
    # hostages: a detention to compel a third party, without a threat, is wider (French CP art. 224-4 pattern)
    ("fr", "hostages-1979", "hostages-1979:1(1)",
     "Article 224-4. Si la personne arrêtée, enlevée, détenue ou séquestrée l'a été pour obtenir l'exécution d'un "
     "ordre ou d'une condition, l'infraction est punie de trente ans de réclusion criminelle.\n", {"covered"}),
    ("en", "hostages-1979", "hostages-1979:1(1)",
     "3. A person who detains another person in order to compel a Government to do any act commits an offence and "
     "is liable on conviction to imprisonment for life.\n", {"covered"}),
    # hostages: Commonwealth and French jurisdiction formulas
    ("en", "hostages-1979", "hostages-1979:5(1)(b)",
     "3. A person who, whether in or outside the Republic, seizes or detains another person and threatens to kill "
     "that person in order to compel a State to do any act commits an offence and is liable to imprisonment for "
     "life.\n", {"covered"}),
    ("en", "hostages-1979", "hostages-1979:5(2)",
     "3. A person who, whether in or outside the Republic, seizes or detains another person and threatens to kill "
     "that person in order to compel a State to do any act commits an offence and is liable to imprisonment for "
     "life.\n", {"covered"}),
    ("fr", "hostages-1979", "hostages-1979:5(2)",
     "Article 1er. Quiconque s'empare d'une personne ou la détient et menace de la tuer afin de contraindre un "
     "État à accomplir un acte est puni de trente ans de réclusion criminelle.\nArticle 2. Peut être poursuivie et "
     "jugée par les juridictions françaises, si elle se trouve en France, toute personne qui s'est rendue coupable "
     "hors du territoire de la République de l'infraction prévue à l'article 1er.\n", {"covered"}),
    # hostages: the Canadian « dans l'intention d'amener ... » and the Peruvian « priva a otro de su libertad »
    ("fr", "hostages-1979", "hostages-1979:1(1)",
     "Article 279.1 Prise d'otage\n\n(1) Commet une prise d'otage quiconque, dans l'intention d'amener un État à "
     "faire ou à omettre de faire quelque chose comme condition de la libération de l'otage :\n\na) d'une part, "
     "séquestre ou détient de force une autre personne;\n\nb) d'autre part, menace de la tuer ou de continuer à la "
     "détenir.\n\n(2) Quiconque commet une prise d'otage est coupable d'un acte criminel passible de "
     "l'emprisonnement à perpétuité.\n", {"covered"}),
    ("es", "hostages-1979", "hostages-1979:1(1)",
     "Artículo 152. El que, sin derecho, priva a otro de su libertad personal será reprimido con pena privativa de "
     "libertad no menor de diez años cuando tiene por objeto obligar a la autoridad pública a conceder exigencias "
     "ilegales.\n", {"covered"}),
    # duties entered after the review: custody (6(1)), fiction of place (8(4)), mutual assistance (10(1))
    ("en", "ipp-1973", "ipp-1973:6(1)",
     IPP_OFFENCE_EN + "11. Where a constable has reasonable grounds to suspect that a person who is in the Republic has "
     "committed, outside the Republic, a crime against section 3, the constable may take the person into custody.\n",
     {"covered"}),
    ("en", "ipp-1973", "ipp-1973:8(4)",
     IPP_OFFENCE_EN + "12. For the purposes of the Extradition Act, a crime against section 3 shall be treated as if it "
     "had been committed also within the jurisdiction of the requesting State.\n", {"covered"}),
    ("en", "ipp-1973", "ipp-1973:10(1)",
     IPP_OFFENCE_EN + "13. Where a foreign State requests assistance in a criminal matter relating to a crime against "
     "section 3, the Attorney-General may provide that assistance, including the supply of evidence.\n",
     {"covered"}),
]

MUST_NOT_COUNT = [
    # I10: a State's protection of its own Head of State is not an IPP offence
    ("fr", "ipp-1973", "ipp-1973:2(1)(a)",
     "Article 12. L'attentat contre la vie du chef de l'État est puni de la réclusion criminelle à perpétuité.\n"),
    ("es", "ipp-1973", "ipp-1973:2(1)(a)",
     "Artículo 485. El que matare al Jefe del Estado será castigado con la pena de prisión permanente revisable.\n"),
    # the evidence certificate of the Foreign Minister is no offence against a protected person
    ("fr", "ipp-1973", "ipp-1973:2(1)(a)",
     "Article 9. Lors de poursuites intentées en vertu de la présente loi, tout certificat délivré par le ministre "
     "des Affaires étrangères fait foi de ce qu'une personne a droit à la protection contre toute atteinte à sa "
     "personne.\n"),
    # a definition, a ministerial power, a law approving the convention
    ("en", "ipp-1973", "ipp-1973:2(1)(a)",
     "2. In this Act, \"internationally protected person\" has the meaning given by Article 1 of the Convention.\n"),
    ("en", "ipp-1973", "ipp-1973:2(1)(a)",
     "14. The Minister may make regulations for the protection of diplomatic agents and consular officers.\n"),
    ("fr", "ipp-1973", "ipp-1973:2(1)(a)",
     "Article unique. Est autorisée la ratification de la convention sur la prévention et la répression des "
     "infractions contre les personnes jouissant d'une protection internationale, y compris les agents "
     "diplomatiques, faite à New York le 14 décembre 1973.\n"),
    # a penalty clause for another offence is not the penalty of 2(2)
    ("en", "ipp-1973", "ipp-1973:2(2)",
     "7. A person who steals a motor vehicle commits an offence and is liable on conviction to imprisonment for "
     "10 years.\n"),
    # I3: a territorial clause is not presence-based jurisdiction (« présent chapitre », « presente ley »)
    ("fr", "ipp-1973", "ipp-1973:3(2)",
     "Article 1er. Le meurtre d'une personne jouissant d'une protection internationale est puni de la réclusion "
     "criminelle à perpétuité.\nArticle 2. Les juridictions françaises sont compétentes pour connaître des "
     "infractions prévues au présent chapitre commises sur le territoire de la République.\n"),
    ("es", "ipp-1973", "ipp-1973:3(2)",
     "Artículo 1. El que matare a una persona internacionalmente protegida será castigado con prisión de quince a "
     "veinte años.\nArtículo 2. Los tribunales nacionales serán competentes para conocer de los delitos previstos en "
     "la presente ley cometidos en el territorio nacional.\n"),
    # I15: the Attorney-General's consent to a prosecution is not aut dedere aut judicare
    ("en", "ipp-1973", "ipp-1973:7",
     IPP_OFFENCE_EN + "6. No prosecution for a crime against section 3 shall be instituted without the consent of "
     "the Attorney-General.\n"),
    # hostages: kidnapping for ransom is not hostage-taking (no third party to compel)
    ("en", "hostages-1979", "hostages-1979:1(1)",
     "5. A person who kidnaps another person for the purpose of obtaining money commits an offence and is liable "
     "to imprisonment for 14 years.\n"),
    ("fr", "hostages-1979", "hostages-1979:5(2)",
     "Article 1er. Quiconque s'empare d'une personne ou la détient et menace de la tuer afin de contraindre un "
     "État à accomplir un acte est puni de trente ans de réclusion criminelle.\nArticle 2. Les juridictions "
     "françaises sont compétentes pour connaître des infractions prévues au présent chapitre commises sur le "
     "territoire de la République.\n"),
    ("es", "hostages-1979", "hostages-1979:1(1)",
     "Artículo único. Apruébase la Convención Internacional contra la toma de rehenes, adoptada en Nueva York el 17 "
     "de diciembre de 1979.\n"),
    ("en", "hostages-1979", "hostages-1979:2",
     "7. A person who steals a motor vehicle commits an offence and is liable on conviction to imprisonment for "
     "life.\n"),
    # the hostage offence itself (« detains ») is not the custody duty of Art. 6(1)
    ("en", "hostages-1979", "hostages-1979:6(1)",
     "3. A person who seizes or detains another person and threatens to kill that person in order to compel a State "
     "to do any act commits an offence and is liable to imprisonment for life.\n"),
    # a mutual-assistance clause for other offences does not serve these instruments
    ("en", "ipp-1973", "ipp-1973:10(1)",
     "13. Where a foreign State requests assistance in a criminal matter relating to an offence under the Customs "
     "Act, the Attorney-General may provide that assistance.\n"),
]


@pytest.mark.parametrize(("language", "instrument", "offence", "text", "statuses"), MUST_COUNT)
def test_national_wording_counts(language: str, instrument: str, offence: str, text: str, statuses: set[str]) -> None:
    result = _result(text, language, instrument, offence)
    assert result.status in statuses, (result.status, result.missing, result.reason)


@pytest.mark.parametrize(("language", "instrument", "offence", "text"), MUST_NOT_COUNT)
def test_lookalike_does_not_count(language: str, instrument: str, offence: str, text: str) -> None:
    result = _result(text, language, instrument, offence)
    assert result.status == "missing", (result.status, result.missing, result.reason)


def test_wider_attack_on_premises_is_reported_as_wider() -> None:
    text = MUST_COUNT[6][3]
    result = _result(text, "en", "ipp-1973", "ipp-1973:2(1)(b)")
    assert result.status == "covered" and "endangering-person-or-liberty" in result.wider


def test_presence_only_jurisdiction_is_reported_as_wider() -> None:
    result = _result(MUST_COUNT[10][3], "fr", "ipp-1973", "ipp-1973:3(2)")
    assert result.status == "covered" and "not-extradited" in result.wider
