"""Probes for financing-1999, bombings-1997 and plastic-1991 (issue 10, group g6).

Short provisions written by us on the pattern of real statutes (Sri Lanka Act No. 25 of 2005 s 3 as
amended in 2011, Canadian Criminal Code s 83.02, New Zealand Terrorism Suppression Act 2002 ss 5 and 8,
French Code pénal art. 421-2-2 and CPP art. 689-1, Peruvian DL 25475 art. 4-A, Swiss CP art. 224,
Chilean Ley 21.732 art. 8, Australian Criminal Code Div. 72), each with the verdict a lawyer would give.
Both sides are kept: what must count (wider national offences, the funded act tied to the annexed treaties
by a schedule, by the offences that implement them or by a defined term, the "whether in or outside"
and « poursuivi et jugé » jurisdiction formulas) and what must not (a bare "terrorist act" for Art.
2(1)(a), a penalty clause for another offence, a definition, a ministerial power, a law approving a
convention).
"""
from __future__ import annotations

import pytest

from lawcheck.catalogue import Catalogue, load_catalogue
from lawcheck.models import Bill
from lawcheck.pipeline import check_bill

# (name, instrument, language, text, entry, expected status, a narrowing element the law omits or None)
PROBES = [
    ("fin-a-schedule-en", "financing-1999", "en",
     "3. Offence of financing of terrorism\n(1) Any person who, by any means, directly or indirectly, unlawfully and wilfully provides or collects funds with the intention that they should be used, or in the knowledge that they are to be used, in full or in part, in order to carry out an act which constitutes an offence within the scope of, or within the definition of, any one of the Treaties specified in the First Schedule, commits an offence and shall on conviction be liable to imprisonment for a term not exceeding twenty years.\n",
     "financing-1999:2(1)(a)", "covered", None),
    ("fin-a-canada-en", "financing-1999", "en",
     "12. Every one who, directly or indirectly, wilfully and without lawful justification or excuse, provides or collects property intending that it be used or knowing that it will be used, in whole or in part, in order to carry out an act or omission that constitutes an offence referred to in subparagraphs (a)(i) to (ix) of the definition of terrorist activity in section 2 is guilty of an indictable offence and liable to imprisonment for a term of not more than ten years.\n",
     "financing-1999:2(1)(a)", "covered", None),
    ("fin-a-bare-terrorist-act-en", "financing-1999", "en",
     "4. A person who provides or collects funds intending that they be used, or knowing that they will be used, to commit a terrorist act commits an offence and is liable on conviction to imprisonment for twenty years.\n",
     "financing-1999:2(1)(a)", "missing", None),
    ("fin-b-bare-terrorist-act-en", "financing-1999", "en",
     "4. A person who provides or collects funds intending that they be used, or knowing that they will be used, to commit a terrorist act commits an offence and is liable on conviction to imprisonment for twenty years.\n",
     "financing-1999:2(1)(b)", "partial", None),
    ("fin-a-defined-terrorist-act-en", "financing-1999", "en",
     "2. Interpretation\nIn this Act, \"terrorist act\" means an act against a specified terrorism convention, or an act intended to cause death or serious bodily injury to a civilian for the purpose of intimidating a population.\n3. Financing of terrorism\nA person commits an offence who, directly or indirectly, wilfully provides or collects funds intending that they be used, or knowing that they are to be used, in full or in part, to carry out one or more terrorist acts, and is liable on conviction to imprisonment for a term not exceeding 14 years.\n",
     "financing-1999:2(1)(a)", "covered", None),
    ("fin-a-bare-acte-fr", "financing-1999", "fr",
     "Article 5\nEst puni de dix ans d'emprisonnement le fait de fournir ou de réunir des fonds en sachant qu'ils sont destinés à être utilisés en vue de commettre un acte de terrorisme.\n",
     "financing-1999:2(1)(a)", "missing", None),
    ("fin-a-chapitre-fr", "financing-1999", "fr",
     "Article 5\nEst puni de dix ans d'emprisonnement le fait de financer une entreprise terroriste en fournissant, en réunissant ou en gérant des fonds, dans l'intention de voir ces fonds utilisés ou en sachant qu'ils sont destinés à être utilisés, en tout ou partie, en vue de commettre l'un quelconque des actes de terrorisme prévus au présent chapitre.\n",
     "financing-1999:2(1)(a)", "covered", None),
    ("fin-a-tratados-es", "financing-1999", "es",
     "Artículo 6. Financiamiento del terrorismo\nEl que por cualquier medio, directa o indirectamente, provea, aporte o recolecte fondos con la finalidad de cometer cualquiera de los actos terroristas definidos en tratados de los cuales el Estado es parte será reprimido con pena privativa de libertad no menor de veinte años.\n",
     "financing-1999:2(1)(a)", "covered", None),
    ("fin-a-bare-acto-es", "financing-1999", "es",
     "Artículo 6\nEl que provea o recolecte fondos con la finalidad de que se utilicen para cometer un acto terrorista será castigado con prisión de diez a veinte años.\n",
     "financing-1999:2(1)(a)", "missing", None),
    ("fin-b-wider-en", "financing-1999", "en",
     "5. A person who, by any means, provides or collects funds intending that they be used, or knowing that they will be used, for any act whose purpose is to intimidate the public or to compel a government or an international organisation to do or abstain from doing any act commits an offence and is liable to imprisonment for fifteen years.\n",
     "financing-1999:2(1)(b)", "covered", "harm-to-civilian"),
    ("fin-juris-in-or-outside-en", "financing-1999", "en",
     "3. A person who, whether in or outside the Republic, provides or collects funds intending that they be used, or knowing that they will be used, to carry out an act which constitutes an offence within the scope of any of the treaties specified in the Schedule commits an offence and is liable to imprisonment for twenty years.\n",
     "financing-1999:7(1)(c)", "covered", None),
    ("fin-juris-presence-in-or-outside-en", "financing-1999", "en",
     "3. A person who, whether in or outside the Republic, provides or collects funds intending that they be used, or knowing that they will be used, to carry out an act which constitutes an offence within the scope of any of the treaties specified in the Schedule commits an offence and is liable to imprisonment for twenty years.\n",
     "financing-1999:7(4)", "covered", "not-extradited"),
    ("fin-juris-poursuivi-fr", "financing-1999", "fr",
     "Article 1er\nEst puni de dix ans d'emprisonnement le fait de fournir ou de réunir des fonds dans l'intention de les voir utilisés en vue de commettre une infraction au sens de l'un des traités énumérés en annexe.\nArticle 2\nPeut être poursuivie et jugée par les juridictions nationales, si elle se trouve sur le territoire, toute personne qui s'est rendue coupable hors du territoire de l'infraction prévue à l'article 1er.\n",
     "financing-1999:7(4)", "covered", "not-extradited"),
    ("fin-penalty-other-offence-en", "financing-1999", "en",
     "7. A person who unlawfully seizes an aircraft in flight commits an offence and is liable on conviction to imprisonment for life.\n",
     "financing-1999:4", "missing", None),
    ("fin-definition-en", "financing-1999", "en",
     "2. In this Act, funds means assets of every kind, whether tangible or intangible, however acquired, and legal documents evidencing title to such assets.\n",
     "financing-1999:2(1)(a)", "missing", None),
    ("fin-minister-en", "financing-1999", "en",
     "9. The Minister may, by order published in the Gazette, designate an entity as a terrorist entity where the Minister has reasonable grounds to believe that it has provided or collected funds for terrorism.\n",
     "financing-1999:2(1)(a)", "missing", None),
    ("fin-approval-en", "financing-1999", "en",
     "1. The International Convention for the Suppression of the Financing of Terrorism, adopted at New York on 9 December 1999, is hereby approved and shall have the force of law.\n",
     "financing-1999:2(1)(a)", "missing", None),
    ("fin-approval-es", "financing-1999", "es",
     "Artículo único. Apruébase el Convenio Internacional para la represión de la financiación del terrorismo, adoptado en Nueva York el 9 de diciembre de 1999.\n",
     "financing-1999:2(1)(b)", "missing", None),
    ("fin-custody-en", "financing-1999", "en",
     "3. A person who provides or collects funds intending that they be used to carry out an act which constitutes an offence within the scope of any of the treaties specified in the Schedule commits an offence and is liable to imprisonment for twenty years.\n4. Where a person suspected of an offence under section 3 is present in the Republic, a magistrate may order that the person be taken into custody for the purpose of prosecution or extradition.\n",
     "financing-1999:9(2)", "covered", None),
    ("fin-bank-secrecy-en", "financing-1999", "en",
     "3. A person who provides or collects funds intending that they be used to carry out an act which constitutes an offence within the scope of any of the treaties specified in the Schedule commits an offence and is liable to imprisonment for twenty years.\n4. A request for mutual legal assistance relating to an offence under section 3 shall not be refused on the ground of bank secrecy.\n",
     "financing-1999:12(2)", "covered", None),
    ("bomb-a-detonate-en", "bombings-1997", "en",
     "6. A person who unlawfully and intentionally delivers, places, discharges or detonates an explosive or other lethal device in, into or against a place of public use, a State or government facility, a public transportation system or an infrastructure facility, with the intent to cause death or serious bodily injury, commits an offence and is liable to imprisonment for life.\n",
     "bombings-1997:2(1)(a)", "covered", None),
    ("bomb-b-no-loss-en", "bombings-1997", "en",
     "6. A person who places or detonates an explosive or other lethal device, or a device releasing a toxic chemical, in or against a place of public use, a government facility, a public transportation system or an infrastructure facility, intending to cause extensive destruction of it, commits an offence and is liable to imprisonment for life.\n",
     "bombings-1997:2(1)(b)", "covered", "major-economic-loss"),
    ("bomb-a-colocar-es", "bombings-1997", "es",
     "Artículo 8. El que coloque, lance o haga estallar una bomba o artefacto explosivo o incendiario, o un artefacto que libere sustancias químicas tóxicas, en un lugar de uso público, una instalación pública o gubernamental, un sistema de transporte público o una instalación de infraestructura, con el propósito de causar la muerte o lesiones graves, será castigado con presidio mayor.\n",
     "bombings-1997:2(1)(a)", "covered", None),
    ("bomb-a-au-moyen-fr", "bombings-1997", "fr",
     "Article 224\n1 Quiconque, intentionnellement et dans un dessein délictueux, au moyen d'explosifs ou de gaz toxiques, expose à un danger la vie ou l'intégrité corporelle des personnes est puni d'une peine privative de liberté d'un an au moins.\n",
     "bombings-1997:2(1)(a)", "partial", None),
    ("bomb-juris-poursuivi-fr", "bombings-1997", "fr",
     "Article 1er\nEst puni de la réclusion criminelle à perpétuité le fait de faire exploser un engin explosif dans un lieu public, une installation gouvernementale, un réseau de transport public ou une infrastructure dans le dessein de donner la mort.\nArticle 2\nPeut être poursuivie et jugée par les juridictions nationales, si elle se trouve sur le territoire, toute personne qui s'est rendue coupable hors du territoire de l'infraction prévue à l'article 1er.\n",
     "bombings-1997:6(4)", "covered", "not-extradited"),
    ("bomb-fiction-en", "bombings-1997", "en",
     "6. A person who detonates an explosive device in a public place, a government facility, a public transport system or an infrastructure facility intending to cause death commits an offence and is liable to imprisonment for life.\n7. For the purposes of the Extradition Act, an offence under section 6 shall be treated as if it had been committed also in the territory of any State that has established jurisdiction over it.\n",
     "bombings-1997:9(4)", "covered", None),
    ("bomb-penalty-other-offence-en", "bombings-1997", "en",
     "7. A person who unlawfully seizes an aircraft in flight commits an offence and is liable on conviction to imprisonment for life.\n",
     "bombings-1997:4", "missing", None),
    ("bomb-approval-fr", "bombings-1997", "fr",
     "Article unique\nEst autorisée la ratification de la Convention internationale pour la répression des attentats terroristes à l'explosif, adoptée à New York le 15 décembre 1997.\n",
     "bombings-1997:2(1)(a)", "missing", None),
    ("plastic-ii-en", "plastic-1991", "en",
     "4. A person who manufactures a plastic explosive that does not contain a detection agent, so that it is unmarked, commits an offence and is liable on conviction to imprisonment for ten years.\n",
     "plastic-1991:II", "covered", None),
    ("plastic-ii-es", "plastic-1991", "es",
     "Artículo 3. Queda prohibida la fabricación de explosivos plásticos sin marcar. El que fabrique explosivos plásticos que no contengan un agente de detección será castigado con prisión de tres a diez años.\n",
     "plastic-1991:II", "covered", None),
    ("plastic-iv2-no-deadline-en", "plastic-1991", "en",
     "8. Every holder of a stock of unmarked plastic explosives, other than the armed forces or the police, shall destroy the explosives or render them permanently ineffective in accordance with the directions of the Chief Inspector, and a person who fails to do so commits an offence.\n",
     "plastic-1991:IV(2)", "covered", "three-years"),
    ("plastic-approval-en", "plastic-1991", "en",
     "1. The Convention on the Marking of Plastic Explosives for the Purpose of Detection, done at Montreal on 1 March 1991, is approved.\n",
     "plastic-1991:II", "missing", None),
    ("plastic-definition-en", "plastic-1991", "en",
     "2. In this Part, unmarked plastic explosive means a plastic explosive that does not contain a detection agent.\n",
     "plastic-1991:II", "missing", None),
    ("bomb-territorial-not-presence-es", "bombings-1997", "es",
     "Artículo 6. El que coloque o haga estallar una bomba en un lugar de uso público con el propósito de causar la muerte será castigado con presidio mayor.\nArtículo 20. Los tribunales nacionales serán competentes para conocer de los delitos previstos en la presente ley cometidos en el territorio nacional.\n",
     "bombings-1997:6(4)", "missing", None),
    ("bomb-territorial-not-presence-fr", "bombings-1997", "fr",
     "Article 6\nEst puni de la réclusion criminelle le fait de faire exploser un engin explosif dans un lieu public dans le dessein de donner la mort.\nArticle 7\nLes juridictions nationales sont compétentes pour connaître des infractions prévues au présent chapitre commises sur le territoire.\n",
     "bombings-1997:6(4)", "missing", None),
    ("bomb-territorial-es", "bombings-1997", "es",
     "Artículo 6. El que coloque o haga estallar una bomba en un lugar de uso público con el propósito de causar la muerte será castigado con presidio mayor.\nArtículo 20. Los tribunales nacionales serán competentes para conocer de los delitos previstos en la presente ley cometidos en el territorio nacional.\n",
     "bombings-1997:6(1)(a)", "covered", None),
    ("fin-b-recabar-es", "financing-1999", "es",
     "Artículo 12. Será castigado con prisión de cinco a diez años el que, por cualquier medio, directa o indirectamente, recabe, adquiera o transmita bienes o valores de cualquier clase con la intención de que se utilicen, o a sabiendas de que serán utilizados, para cometer actos destinados a causar la muerte de civiles con el fin de intimidar a la población.\n",
     "financing-1999:2(1)(b)", "covered", None),
    ("fin-attempt-en", "financing-1999", "en",
     "3. A person who provides or collects funds intending that they be used to carry out an act which constitutes an offence within the scope of any of the treaties specified in the Schedule commits an offence and is liable to imprisonment for twenty years.\n4. A person who attempts to commit an offence under section 3 commits an offence and is liable to the same penalty.\n",
     "financing-1999:2(4)", "covered", None),
    ("fin-attempt-other-offence-en", "financing-1999", "en",
     "3. A person who unlawfully seizes an aircraft commits an offence and is liable to imprisonment for life.\n4. A person who attempts to commit an offence under section 3 commits an offence and is liable to the same penalty.\n",
     "financing-1999:2(4)", "missing", None),
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize("name, instrument, language, text, entry, status, wider", PROBES,
                         ids=[p[0] for p in PROBES])
def test_probe(catalogue: Catalogue, name: str, instrument: str, language: str, text: str, entry: str, status: str,
               wider: str | None) -> None:
    report = check_bill(Bill(f"{name}.txt", text, "txt"), catalogue, language, (instrument,))
    result = next(r for r in report.results if r.id == entry)
    assert result.status == status, (result.status, result.missing, result.reason)
    if wider is not None:
        assert wider in result.wider, result.wider
