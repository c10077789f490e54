"""Probes for cppnm-amend-2005, cppnm-1980 and nuclear-2005: short provisions written on the pattern of
real statutes (our own words), with the verdict a lawyer would give.

Each probe bill opens with a title and a first article on scope, so that the provision under test is an
ordinary article of the bill. "covered" with ``wider=True`` means that the law omits a qualifier that only
narrows the treaty offence: it reaches wider and is compliant.
"""

from __future__ import annotations

import pytest
from conftest import probe


HEAD = {
    "en": "Nuclear Security Act\n\n1. Short title\nThis Act may be cited as the Nuclear Security Act.\n\n",
    "fr": "Loi relative à la sécurité nucléaire\n\nArticle 1\nLa présente loi s'applique aux matières et "
          "installations nucléaires.\n\n",
    "es": "Ley de seguridad nuclear\n\nArtículo 1\nLa presente ley se aplica a los materiales e instalaciones "
          "nucleares.\n\n",
}

# (instrument, language, body, offence id, expected status, expected "wider" or None when not checked)
PROBES = [
    # --- cppnm-amend-2005: what must count --------------------------------------------------------------
    # C1: a threat offence with no compulsion purpose is wider than 7(1)(g)(ii)
    ("cppnm-amend-2005", "en",
     "2. Threats\nA person who threatens to steal nuclear material or to sabotage a nuclear facility commits an "
     "offence and is liable on conviction to imprisonment for 10 years.",
     "cppnm-amend-2005:7(1)(g)(ii)", "covered", True),
    # C5: unauthorised possession with no harm test is wider than 7(1)(a)
    ("cppnm-amend-2005", "en",
     "2. Unauthorised possession\nA person who, without lawful authority, possesses nuclear material commits an "
     "offence and is liable on conviction to imprisonment for 15 years.",
     "cppnm-amend-2005:7(1)(a)", "covered", True),
    # C4: "use" of nuclear material
    ("cppnm-amend-2005", "en",
     "2. Use of nuclear material\nA person who uses nuclear material in a manner that causes the death of any "
     "person or substantial damage to property or to the environment commits an offence and is liable on "
     "conviction to imprisonment for life.",
     "cppnm-amend-2005:7(1)(a)", "covered", False),
    # C10: « s'approprier indûment » (loi n° 80-572 pattern)
    ("cppnm-amend-2005", "fr",
     "Article 2\nEst puni de dix ans d'emprisonnement le fait de s'approprier indûment des matières nucléaires.",
     "cppnm-amend-2005:7(1)(b)", "covered", None),
    ("cppnm-amend-2005", "fr",
     "Article 2\nEst puni de dix ans d'emprisonnement quiconque s'approprie indûment des matières nucléaires.",
     "cppnm-amend-2005:7(1)(c)", "covered", None),
    # C9: « apoderarse »
    ("cppnm-amend-2005", "es",
     "Artículo 2\nEl que se apoderare de materiales nucleares será castigado con la pena de prisión de cinco a "
     "diez años.",
     "cppnm-amend-2005:7(1)(b)", "covered", None),
    # C11, C16: Spanish disposal verbs and danger wording
    ("cppnm-amend-2005", "es",
     "Artículo 2\nEl que, sin autorización, eliminare o almacenare materiales nucleares poniendo en peligro la "
     "vida o la salud de las personas será castigado con la pena de prisión de seis a doce años.",
     "cppnm-amend-2005:7(1)(a)", "covered", True),
    # C3: French « poursuivi et jugé » on presence alone (C8: "not extradited" only narrows)
    ("cppnm-amend-2005", "fr",
     "Article 2\nEst puni de dix ans d'emprisonnement le fait de détenir sans autorisation des matières "
     "nucléaires.\n\nArticle 3\nPeut être poursuivie et jugée par les juridictions françaises toute personne "
     "coupable hors du territoire de la République de l'infraction prévue à l'article 2, si elle se trouve "
     "en France.",
     "cppnm-amend-2005:8(2)", "covered", True),
    # C3: the Commonwealth "whether in or outside" formula
    ("cppnm-amend-2005", "en",
     "2. Theft of nuclear material\nA person who, whether in or outside the Republic, steals nuclear material "
     "commits an offence and is liable on conviction to imprisonment for 20 years.",
     "cppnm-amend-2005:8(1)(b)", "covered", None),
    # C7: extraditable, no treaty named
    ("cppnm-amend-2005", "en",
     "2. Theft of nuclear material\nA person who steals nuclear material commits an offence and is liable on "
     "conviction to imprisonment for 20 years.\n\n3. Extradition\nAn offence under section 2 is an extraditable "
     "offence for the purposes of the Extradition Act.",
     "cppnm-amend-2005:11(1)", "covered", None),
    # Art. 9 (new entry): measures to ensure presence
    ("cppnm-amend-2005", "en",
     "2. Theft of nuclear material\nA person who steals nuclear material commits an offence and is liable on "
     "conviction to imprisonment for 20 years.\n\n3. Custody\nWhere a person suspected of an offence under "
     "section 2 is in the Republic, a magistrate may order that the person be arrested and detained to ensure "
     "the person's presence for prosecution or extradition.",
     "cppnm-amend-2005:9", "covered", None),
    # Art. 11(4) (new entry): fiction of place
    ("cppnm-amend-2005", "fr",
     "Article 2\nEst puni de dix ans d'emprisonnement le fait de voler des matières nucléaires.\n\nArticle 3\n"
     "Pour l'application des règles relatives à l'extradition, l'infraction prévue à l'article 2 est réputée "
     "commise également sur le territoire de l'État requérant.",
     "cppnm-amend-2005:11(4)", "covered", None),
    # --- cppnm-amend-2005: what must not count ----------------------------------------------------------
    # C2: a territorial clause must not be read as presence-based jurisdiction (« présent chapitre »)
    ("cppnm-amend-2005", "fr",
     "Article 2\nEst puni de dix ans d'emprisonnement le fait de voler des matières nucléaires.\n\nArticle 3\n"
     "Les juridictions françaises sont compétentes pour connaître des infractions prévues au présent chapitre "
     "commises sur le territoire de la République.",
     "cppnm-amend-2005:8(2)", "missing", None),
    ("cppnm-amend-2005", "es",
     "Artículo 2\nEl que robare materiales nucleares será castigado con la pena de prisión de cinco a diez "
     "años.\n\nArtículo 3\nLos tribunales nacionales serán competentes para conocer de los delitos previstos en "
     "la presente ley cometidos en el territorio nacional.",
     "cppnm-amend-2005:8(2)", "missing", None),
    # a penalty clause for another offence
    ("cppnm-amend-2005", "en",
     "2. Hijacking\nA person who unlawfully seizes an aircraft in flight commits an offence.\n\n3. Penalty\nA "
     "person who commits an offence under section 2 is liable on conviction to imprisonment for life.",
     "cppnm-amend-2005:7(2)", "missing", None),
    # a definition
    ("cppnm-amend-2005", "en",
     "2. Interpretation\nIn this Act, \"nuclear material\" means plutonium, uranium-233 and enriched uranium, "
     "and \"nuclear facility\" means a facility where nuclear material is used, processed or stored.",
     "cppnm-amend-2005:7(1)(a)", "missing", None),
    # a ministerial power
    ("cppnm-amend-2005", "en",
     "2. Regulations\nThe Minister may make regulations on the receipt, possession and transfer of nuclear "
     "material and on the security of nuclear facilities.",
     "cppnm-amend-2005:7(1)(a)", "missing", None),
    # a law approving the Amendment
    ("cppnm-amend-2005", "fr",
     "Article 2\nEst autorisée l'approbation de l'Amendement à la Convention sur la protection physique des "
     "matières nucléaires, adopté à Vienne le 8 juillet 2005.",
     "cppnm-amend-2005:7(1)(b)", "missing", None),
    # a bombing offence in a "place of public use" is not dealing in nuclear material
    ("cppnm-amend-2005", "en",
     "2. Bombing\nA person who delivers or detonates an explosive or other lethal device in a place of public "
     "use with intent to cause death commits an offence and is liable on conviction to imprisonment for life.",
     "cppnm-amend-2005:7(1)(a)", "missing", None),
    # --- cppnm-1980 -------------------------------------------------------------------------------------
    ("cppnm-1980", "en",
     "2. Threats\nA person who threatens to steal nuclear material commits an offence and is liable on "
     "conviction to imprisonment for 10 years.",
     "cppnm-1980:7(1)(e)(ii)", "covered", True),
    ("cppnm-1980", "es",
     "Artículo 2\nEl que se apoderare de materiales nucleares será castigado con la pena de prisión de cinco a "
     "diez años.",
     "cppnm-1980:7(1)(b)", "covered", None),
    ("cppnm-1980", "fr",
     "Article 2\nEst puni de dix ans d'emprisonnement le fait de voler des matières nucléaires.\n\nArticle 3\n"
     "Les juridictions françaises sont compétentes pour connaître des infractions prévues au présent chapitre "
     "commises sur le territoire de la République.",
     "cppnm-1980:8(2)", "missing", None),
    ("cppnm-1980", "en",
     "2. Theft of nuclear material\nA person who steals nuclear material commits an offence and is liable on "
     "conviction to imprisonment for 20 years.\n\n3. Extradition\nAn offence under section 2 is an extraditable "
     "offence for the purposes of the Extradition Act.",
     "cppnm-1980:11(1)", "covered", None),
    # --- nuclear-2005 -----------------------------------------------------------------------------------
    # Swiss CP art. 226bis pattern: intentional endangerment by radioactive material
    ("nuclear-2005", "fr",
     "Article 2\nQuiconque, intentionnellement, met en danger la vie ou la santé de personnes en se servant de "
     "matières radioactives est puni d'une peine privative de liberté d'un an au moins.",
     "nuclear-2005:2(1)(b)(i)", "partial", None),
    # Canadian Criminal Code s 82.3 pattern: "possesses, uses, transfers ..."
    ("nuclear-2005", "en",
     "2. Nuclear terrorism\nA person who, with intent to cause death or serious bodily harm, possesses, uses, "
     "transfers, exports or alters radioactive material or a device or commits an act against a nuclear "
     "facility commits an offence and is liable on conviction to imprisonment for life.",
     "nuclear-2005:2(1)(b)(i)", "covered", None),
    # a threat with no credibility condition is wider than 2(2)(a)
    ("nuclear-2005", "en",
     "2. Threats\nA person who threatens to use radioactive material or a device, or to damage a nuclear "
     "facility, commits an offence and is liable on conviction to imprisonment for 14 years.",
     "nuclear-2005:2(2)(a)", "covered", True),
    # presence-only jurisdiction ("not extradited" only narrows)
    ("nuclear-2005", "en",
     "2. Nuclear terrorism\nA person who, with intent to cause death, uses radioactive material or a device "
     "commits an offence.\n\n3. Jurisdiction\nA person who commits an offence under section 2 outside the "
     "Republic may be tried in the Republic if the person is present in the Republic.",
     "nuclear-2005:9(4)", "covered", True),
    # the Spanish « presente ley » is not the offender's presence
    ("nuclear-2005", "es",
     "Artículo 2\nEl que utilizare material radiactivo con la intención de causar la muerte será castigado con "
     "la pena de prisión de quince a veinte años.\n\nArtículo 3\nLos tribunales nacionales serán competentes "
     "para conocer de los delitos previstos en la presente ley cometidos en el territorio nacional.",
     "nuclear-2005:9(4)", "missing", None),
    # a definition alone
    ("nuclear-2005", "en",
     "2. Interpretation\nIn this Act, \"radioactive material\" means nuclear material and other radioactive "
     "substances which contain nuclides which undergo spontaneous disintegration.",
     "nuclear-2005:2(1)(a)(i)", "missing", None),
]


@pytest.mark.parametrize(("instrument", "language", "body", "offence", "status", "wider"), PROBES,
                         ids=[f"{p[3]}-{p[1]}-{p[4]}-{i}" for i, p in enumerate(PROBES)])
def test_probe(instrument: str, language: str, body: str, offence: str, status: str, wider: bool | None) -> None:
    result = probe(HEAD[language] + body, language, offence)
    assert result.status == status, result.reason
    if wider is not None:
        assert bool(result.wider) == wider, result.reason
