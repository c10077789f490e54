"""Probes for the SUA Convention (1988), its 2005 Protocol and the two Fixed Platforms Protocols.

Short provisions written for these tests on the pattern of real statutes (Commonwealth maritime-crimes
Acts, the Canadian Criminal Code s 78.1 in French, the French Code de procédure pénale art. 689-1, the
Spanish Ley Orgánica del Poder Judicial art. 23 and Latin American penal codes), each with the verdict
a lawyer would give. Both sides are kept: what must count (a wider national offence is covered; the
"whether in or outside" and « poursuivie et jugée » jurisdiction formulas; « apoderarse ») and what must
not (a penalty for another offence, a definition, a ministerial power, a law approving the Convention).
"""

from __future__ import annotations

import pytest
from conftest import probe


COVERED = ("covered",)
FOUND = ("covered", "partial")
NOT_COVERED = ("partial", "missing")
MISSING = ("missing",)


def _result(instrument: str, language: str, text: str, entry: str):
    return probe(text, language, entry)


# (instrument, language, text, entry, accepted statuses, the law is wider than the treaty)
PROBES = [
    # ---- SUA 1988, offences: a wider national offence is covered
    ("sua-1988", "en", "Any person who seizes or exercises control over a ship commits an offence and is liable on "
     "conviction to imprisonment for life.", "sua-1988:3(1)(a)", COVERED, True),
    ("sua-1988", "fr", "Est puni de la réclusion criminelle à perpétuité le fait de s'emparer d'un navire ou d'en "
     "prendre le contrôle.", "sua-1988:3(1)(a)", COVERED, True),
    ("sua-1988", "es", "El que se apoderare de un buque será castigado con prisión de diez a quince años.",
     "sua-1988:3(1)(a)", COVERED, True),
    ("sua-1988", "es", "También comete delito de terrorismo el que se apoderare de un buque mediante violencia, amenaza "
     "o cualquier otra forma de intimidación, y será sancionado con presidio de quince a veinte años.",
     "sua-1988:3(1)(a)", COVERED, False),
    ("sua-1988", "en", "A person who commits an act of violence against a person on board a ship commits an offence "
     "and is liable to imprisonment for 15 years.", "sua-1988:3(1)(b)", COVERED, True),
    ("sua-1988", "fr", "Est coupable d'un acte criminel et passible de l'emprisonnement à perpétuité quiconque, d'une "
     "façon qui est susceptible de porter atteinte à la navigation sécuritaire d'un navire, commet un acte de violence "
     "contre une personne à bord d'un navire.", "sua-1988:3(1)(b)", COVERED, False),
    ("sua-1988", "es", "El que matare o lesionare a los tripulantes o pasajeros de un buque será castigado con "
     "prisión de diez a veinte años.", "sua-1988:3(1)(b)", COVERED, True),
    ("sua-1988", "en", "A person who destroys a ship or causes damage to a ship or to its cargo commits an offence "
     "and is liable to imprisonment for life.", "sua-1988:3(1)(c)", COVERED, True),
    ("sua-1988", "en", "A person must not engage in conduct that causes the destruction of maritime navigational "
     "facilities if the destruction is likely to endanger the safe navigation of a ship. Penalty: 15 years "
     "imprisonment.", "sua-1988:3(1)(e)", COVERED, False),
    ("sua-1988", "en", "A person who communicates to the master of a ship information which he knows to be false "
     "commits an offence and is liable to imprisonment for 10 years.", "sua-1988:3(1)(f)", COVERED, True),
    ("sua-1988", "en", "A person who threatens to destroy a ship or to damage its cargo commits an offence and is "
     "liable to imprisonment for 10 years.", "sua-1988:3(2)(c)", COVERED, True),
    # ---- SUA 1988, offences: what must not count
    ("sua-1988", "en", "In this Part, 'ship' means a vessel of any type whatsoever not permanently attached to the "
     "sea-bed, including hovercraft and submersibles.", "sua-1988:3(1)(a)", MISSING, False),
    ("sua-1988", "en", "The Minister may make regulations for the safety of ships and of navigation in the "
     "territorial sea, and for the control of vessels in port.", "sua-1988:3(1)(a)", MISSING, False),
    ("sua-1988", "en", "The Convention for the Suppression of Unlawful Acts against the Safety of Maritime "
     "Navigation, done at Rome on 10 March 1988, is approved.", "sua-1988:3(1)(c)", MISSING, False),
    ("sua-1988", "fr", "Est autorisée l'approbation de la Convention pour la répression d'actes illicites contre la "
     "sécurité de la navigation maritime, faite à Rome le 10 mars 1988.", "sua-1988:3(1)(b)", MISSING, False),
    ("sua-1988", "es", "Se aprueba el Convenio para la represión de actos ilícitos contra la seguridad de la "
     "navegación marítima, hecho en Roma el 10 de marzo de 1988.", "sua-1988:3(1)(a)", MISSING, False),
    # ---- SUA 1988, penalties: tied to the ship offences (review A1)
    ("sua-1988", "en", "1. A person who seizes or exercises control over a ship by force commits an offence.\n"
     "2. A person who commits an offence under section 1 is liable on conviction to imprisonment for life.",
     "sua-1988:5", COVERED, False),
    ("sua-1988", "en", "1. A person who unlawfully possesses nuclear material commits an offence and is liable on "
     "conviction to imprisonment for life.", "sua-1988:5", NOT_COVERED, False),
    ("sua-1988", "fr", "Article 1er. Le fait de détenir illicitement des matières nucléaires est puni de la "
     "réclusion criminelle à perpétuité.", "sua-1988:5", NOT_COVERED, False),
    # ---- SUA 1988, jurisdiction
    ("sua-1988", "en", "1. A person who, whether in or outside Barbados, seizes or exercises control over a ship by "
     "force commits an offence and may be tried and punished in Barbados.", "sua-1988:6(1)(c)", COVERED, False),
    ("sua-1988", "en", "1. A person who, whether in or outside Barbados, seizes or exercises control over a ship by "
     "force commits an offence and may be tried and punished in Barbados.", "sua-1988:6(4)", COVERED, True),
    ("sua-1988", "fr", "Article 1er. Est puni de la réclusion criminelle à perpétuité le fait de s'emparer d'un "
     "navire par violence.\nArticle 2. Peut être poursuivie et jugée par les juridictions françaises, si elle se "
     "trouve en France, toute personne qui s'est rendue coupable, hors du territoire de la République, de "
     "l'infraction définie à l'article 1er.", "sua-1988:6(4)", COVERED, True),
    ("sua-1988", "fr", "Article 1er. Est puni de la réclusion criminelle à perpétuité le fait de s'emparer d'un "
     "navire par violence.\nArticle 2. Les juridictions françaises sont compétentes pour connaître des infractions "
     "prévues au présent chapitre commises sur le territoire de la République.", "sua-1988:6(4)", MISSING, False),
    ("sua-1988", "fr", "Article 1er. Est puni de la réclusion criminelle à perpétuité le fait de s'emparer d'un "
     "navire par violence.\nArticle 2. Les juridictions françaises sont compétentes pour connaître des infractions "
     "prévues au présent chapitre commises sur le territoire de la République.", "sua-1988:6(1)(b)", COVERED, False),
    ("sua-1988", "es", "Artículo 1. El que se apoderare de un buque mediante violencia será castigado con prisión de "
     "diez a quince años.\nArtículo 2. Los tribunales nacionales serán competentes para conocer de los delitos "
     "previstos en la presente ley cometidos en el territorio nacional.", "sua-1988:6(4)", MISSING, False),
    ("sua-1988", "es", "Artículo 1. El que se apoderare de un buque mediante violencia será castigado con prisión de "
     "diez a quince años.\nArtículo 2. La jurisdicción española será competente para conocer de los delitos "
     "previstos en el artículo 1 cometidos fuera del territorio nacional cuando el procedimiento se dirija contra "
     "un extranjero que se encuentre en España.", "sua-1988:6(4)", COVERED, True),
    # ---- SUA 1988, extradition
    ("sua-1988", "en", "1. A person who seizes a ship by force commits an offence and is liable to imprisonment for "
     "life.\n2. An offence under section 1 is an extraditable offence for the purposes of the Extradition Act.",
     "sua-1988:11(1)", COVERED, False),
    ("sua-1988", "en", "1. A person who seizes a ship by force commits an offence and is liable to imprisonment for "
     "life.\n2. An offence under section 1 is an extraditable offence.", "sua-1988:11(1)", COVERED, True),
    ("sua-1988", "fr", "Article 1er. Est puni de la réclusion criminelle à perpétuité le fait de s'emparer d'un "
     "navire par violence.\nArticle 2. L'infraction prévue à l'article 1er donne lieu à extradition.",
     "sua-1988:11(1)", COVERED, True),
    ("sua-1988", "en", "1. A person who seizes a ship by force commits an offence and is liable to imprisonment for "
     "life.\n2. For the purposes of the Extradition Act, an offence under section 1 shall be treated as if it had "
     "been committed within the jurisdiction of the requesting State.", "sua-1988:11(4)", COVERED, False),
    ("sua-1988", "en", "1. A person who seizes a ship by force commits an offence and is liable to imprisonment for "
     "life.\n2. An offence under section 1 is an extraditable offence for the purposes of the Extradition Act.",
     "sua-1988:11(4)", MISSING, False),
    # ---- Fixed Platforms 1988
    ("platforms-1988", "en", "A person who seizes or exercises control over a fixed platform commits an offence and "
     "is liable to imprisonment for life.", "platforms-1988:2(1)(a)", COVERED, True),
    ("platforms-1988", "fr", "Est coupable d'un acte criminel et passible de l'emprisonnement à perpétuité quiconque "
     "commet un acte de violence contre une personne à bord d'une plate-forme fixe.", "platforms-1988:2(1)(b)",
     COVERED, True),
    ("platforms-1988", "es", "El que destruyere una plataforma fija será castigado con prisión de diez a veinte "
     "años.", "platforms-1988:2(1)(c)", COVERED, True),
    ("platforms-1988", "en", "In this Act, 'fixed platform' means an artificial island, installation or structure "
     "permanently attached to the sea-bed.", "platforms-1988:2(1)(a)", MISSING, False),
    # ---- SUA 2005
    ("sua-2005", "en", "A person who, with intent to intimidate a population or to compel a government or an "
     "international organisation to do or abstain from doing any act, uses against a ship any explosive or "
     "radioactive material commits an offence and is liable to imprisonment for life.", "sua-2005:3bis(1)(a)(i)",
     COVERED, True),
    ("sua-2005", "en", "A person who transports on board a ship any biological, chemical or nuclear weapon commits "
     "an offence and is liable to imprisonment for life.", "sua-2005:3bis(1)(b)(ii)", COVERED, True),
    ("sua-2005", "fr", "Est puni de la réclusion criminelle à perpétuité le fait, dans le but d'intimider une "
     "population ou de contraindre un gouvernement ou une organisation internationale à accomplir un acte "
     "quelconque ou à s'en abstenir, de rejeter à partir d'un navire des hydrocarbures ou une substance nocive.",
     "sua-2005:3bis(1)(a)(ii)", COVERED, True),
    ("sua-2005", "es", "El que descargare hidrocarburos desde un buque en las aguas jurisdiccionales será castigado "
     "con multa.", "sua-2005:3bis(1)(a)(ii)", NOT_COVERED, False),
    ("sua-2005", "en", "A person who seizes or exercises control over a ship by force commits an offence and is "
     "liable to imprisonment for life.", "sua-2005:3bis(1)(a)(iii)", MISSING, False),
    # ---- Fixed Platforms 2005
    ("platforms-2005", "en", "A person who, with intent to compel a government to do or abstain from doing any act, "
     "discharges from a fixed platform any oil or other hazardous or noxious substance commits an offence and is "
     "liable to imprisonment for life.", "platforms-2005:2bis(b)", COVERED, True),
]


@pytest.mark.parametrize(("instrument", "language", "text", "entry", "statuses", "wider"), PROBES,
                         ids=[f"{p[3]}-{p[1]}-{n}" for n, p in enumerate(PROBES)])
def test_probe(instrument: str, language: str, text: str, entry: str, statuses: tuple[str, ...],
               wider: bool) -> None:
    result = _result(instrument, language, text, entry)
    assert result.status in statuses, f"{entry}: {result.status}, expected {statuses}; missing {result.missing}"
    if wider:
        assert result.wider, f"{entry}: the law omits a narrowing qualifier, so the report should say it is wider"
