"""Verdicts on small bills: covered, partial, missing, and the traps of real legislation."""

from __future__ import annotations

import pytest
from conftest import make_bill
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawcheck.catalogue import load_catalogue
from lawcheck.pipeline import check_bill

HIJACK = "hague-1970:1(a)"
HIJACK_ATTEMPT = "hague-1970:1(a)~attempt"


def _status(catalogue, text: str, offence: str, language: str = "en") -> tuple[str, bool, list[str]]:
    report = check_bill(make_bill(text), catalogue, language, (offence.split(":")[0],))
    result = next(r for r in report.results if r.id == offence)
    return result.status, result.by_reference, list(result.missing)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("3. Hijacking\n(1) A person who, on board an aircraft in flight, by force or threat of force seizes or "
         "exercises control of the aircraft commits an offence.", "en", "covered"),
        # "in flight" only narrows the treaty offence: a law on any aircraft reaches wider and complies
        ("3. Hijacking\nA person who by force seizes an aircraft commits an offence.", "en", "covered"),
        ("3. Robbery\nA person who by force seizes the property of another commits an offence.", "en", "missing"),
        ("Article 4\nEst puni de la réclusion criminelle à perpétuité le fait, à bord d'un aéronef en vol, de "
         "s'emparer de cet aéronef ou d'en prendre le contrôle par violence ou menace de violence.", "fr", "covered"),
        ("Artículo 5. Será castigado con la pena de prisión de quince años el que, a bordo de una aeronave en "
         "vuelo, mediante violencia o amenaza se apodere de ella o ejerza su control.", "es", "covered"),
    ],
)
def test_status_of_hijacking(catalogue, text: str, language: str, expected: str) -> None:
    assert _status(catalogue, text, HIJACK, language)[0] == expected


def test_partial_names_the_missing_element(catalogue) -> None:
    text = "3. A person who by force seizes an aircraft commits an offence."
    status, _, missing = _status(catalogue, text, "beijing-protocol-2010:1(1)")
    assert status == "partial" and "in-service" in missing


def test_a_wider_law_is_covered_and_says_what_it_omits(catalogue) -> None:
    report = check_bill(make_bill("3. A person who by force seizes an aircraft commits an offence."), catalogue, "en",
                        ("hague-1970",))
    result = next(r for r in report.results if r.id == HIJACK)
    assert result.status == "covered" and "in-flight" in result.wider and "wider than the treaty" in result.reason


@pytest.mark.parametrize(
    "text",
    [
        # a duty of the Government is not an offence
        "5. Duty of the Minister\nThe Minister shall take measures to prevent any person on board an aircraft "
        "in flight from seizing the aircraft by force. A person who contravenes a regulation commits an offence.",
        # a definition alone is not criminalisation
        '2. Interpretation\nIn this Act "terrorist act" means the seizure by force of an aircraft in flight.\n'
        "3. Offences\nA person who funds a terrorist organisation commits an offence.",
        # a schedule listing the convention is not criminalisation
        "3. Offences\nA person who commits a terrorist act commits an offence.\nSCHEDULE\n"
        "1. Convention for the Suppression of Unlawful Seizure of Aircraft, signed at The Hague in 1970: seizure of "
        "an aircraft in flight by force.",
        # no provision creates an offence at all
        "3. Aviation security\nThe operator shall screen passengers so that nobody on board an aircraft in flight "
        "seizes it by force.",
    ],
)
def test_traps_are_not_criminalisation(catalogue, text: str) -> None:
    assert _status(catalogue, text, HIJACK)[0] == "missing"


def test_incorporation_by_reference(catalogue) -> None:
    text = ("7. Offences under the Hague Convention\nA person who commits on board an aircraft an offence as defined "
            "in the Convention for the Suppression of Unlawful Seizure of Aircraft commits an offence and is liable "
            "to imprisonment for life.")
    status, by_reference, _ = _status(catalogue, text, HIJACK)
    assert (status, by_reference) == ("covered", True)


PRINCIPAL = ("PART II\n3. Hijacking\nA person who, on board an aircraft in flight, by force seizes or exercises control of the "
             "aircraft commits an offence.\n")


@pytest.mark.parametrize(
    ("ancillary", "expected"),
    [
        ("9. Attempts\nAny person who attempts to commit an offence under this Act commits an offence.", "covered"),
        ("9. Attempts\nAny person who attempts to commit an offence under section 3 commits an offence.", "covered"),
        ("9. Attempts\nAny person who attempts to commit an offence under section 12 commits an offence.", "missing"),
        ("PART III\n9. Attempts\nAny person who attempts to commit an offence under Part II commits an offence.",
         "covered"),
    ],
)
def test_general_ancillary_clause_extends_the_offences(catalogue, ancillary: str, expected: str) -> None:
    assert _status(catalogue, PRINCIPAL + ancillary, HIJACK_ATTEMPT)[0] == expected


@pytest.mark.parametrize(
    ("threat", "expected"),
    [
        ("4. Threats\nA person who threatens, in order to compel a natural or legal person to do any act, to commit "
         "an offence under section 3(2), where the threat is likely to endanger the safe navigation of the ship, "
         "commits an offence.", "covered"),
        ("4. Threats\nA person who threatens, in order to compel a natural or legal person to do any act, to commit "
         "an offence under section 9, commits an offence.", "missing"),
    ],
)
def test_a_threat_is_read_with_the_provision_it_refers_to(catalogue, threat: str, expected: str) -> None:
    text = ("3. Ships\n(1) A person who by force seizes a ship commits an offence.\n(2) A person who destroys a "
            "ship or causes damage to its cargo which is likely to endanger the safe navigation of that ship "
            "commits an offence.\n" + threat)
    assert _status(catalogue, text, "sua-1988:3(2)(c)")[0] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("6. Hoax communications\nA person who communicates information which that person knows to be false, to "
         "the effect that a bomb or other explosive device has been placed on board an aircraft in service, "
         "commits an offence.", "en"),
        ("Article 6\nEst puni de dix ans d'emprisonnement le fait de communiquer une information que l'on sait "
         "fausse, selon laquelle un engin explosif aurait été placé à bord d'un aéronef en service.", "fr"),
    ],
)
def test_what_a_false_message_reports_is_not_the_act(catalogue, text: str, language: str) -> None:
    assert _status(catalogue, text, "montreal-1971:1(1)(c)", language)[0] == "missing"  # placing a device
    assert _status(catalogue, text, "montreal-1971:1(1)(e)", language)[0] != "missing"  # false information


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("6. False message that a bomb is on board\nA person who communicates information which that person knows "
         "to be false, to the effect that a bomb has been placed on board an aircraft, commits an offence.", "en"),
        ("Статья 6. Заведомо ложное сообщение о взрывном устройстве\nСообщение заведомо ложных сведений о том, что "
         "на борт воздушного судна помещена бомба, — наказывается лишением свободы на срок до десяти лет.", "ru"),
    ],
)
def test_a_heading_naming_a_false_message_does_not_hide_the_message_below_it(catalogue, text: str,
                                                                                language: str) -> None:
    """The heading's "message that" / "сообщение о" reports nothing in the body: the body's "communicates" /
    "Сообщение" is the act (a heading is not operative text)."""
    assert _status(catalogue, text, "montreal-1971:1(1)(e)", language)[0] == "partial"  # a bomb hoax only
    assert _status(catalogue, text, "montreal-1971:1(1)(c)", language)[0] == "missing"


@pytest.mark.parametrize(
    "text",
    [
        # the threat is how the aircraft is seized, not a threat to commit an offence
        "Статья 3. Захват воздушного судна\nНеправомерный захват воздушного судна, находящегося в полете, с "
        "применением силы или угрозой ее применения — наказывается пожизненным лишением свободы.",
        # "угрожать безопасности" is to endanger, not to threaten
        "Статья 4. Насилие на борту\nУмышленное совершение акта насилия в отношении члена экипажа воздушного судна "
        "в полете, если этот акт может угрожать безопасности этого воздушного судна, — наказывается лишением свободы.",
    ],
)
def test_russian_force_or_endangering_is_no_threat_to_commit_an_offence(catalogue, text: str) -> None:
    assert _status(catalogue, text, "beijing-2010:1(3)(a)", "ru")[0] == "missing"


def test_a_russian_threat_to_commit_an_offence_is_one(catalogue) -> None:
    text = ("Статья 3. Захват воздушного судна\nЗахват воздушного судна — наказывается лишением свободы.\n"
            "Статья 10. Угроза\nУгроза совершения преступления, предусмотренного статьей 3, — наказывается "
            "лишением свободы на срок до пяти лет.")
    assert _status(catalogue, text, "beijing-2010:1(3)(a)", "ru")[0] == "covered"


HIJACKING_ACT = ("PART II\n3. Hijacking\nA person who, on board an aircraft in flight, by force seizes or exercises "
                 "control of the aircraft commits an offence.\nPART III\n")
SHIP_ACT = "PART II\n3. Ships\nA person who by force seizes or exercises control over a ship commits an offence.\nPART III\n"
JURISDICTION = ("4. Jurisdiction\nThe courts have jurisdiction over an offence under {target} committed outside the "
                "Republic where the alleged offender is present in the Republic and is not extradited.")
WHOLE_ACT_PENALTY = ("9. Penalties\nA person who commits an offence under this Act is liable on conviction to "
                     "imprisonment for life.")
WHOLE_ACT_EXTRADITION = ("10. Extradition\nAn offence under this Act is deemed to be an extraditable offence for the "
                         "purposes of any extradition treaty.")


@pytest.mark.parametrize(
    ("text", "offence", "expected"),
    [
        # a clause naming the hijacking offence applies to it: a jurisdiction obligation of the Hague Convention ...
        (HIJACKING_ACT + JURISDICTION.format(target="section 3"), "hague-1970:4(2)", "covered"),
        (HIJACKING_ACT + JURISDICTION.format(target="Part II"), "hague-1970:4(2)", "covered"),
        # ... but not of SUA, whose offences the Act does not create
        (HIJACKING_ACT + JURISDICTION.format(target="section 3"), "sua-1988:6(4)", "missing"),
        (HIJACKING_ACT + JURISDICTION.format(target="Part II"), "sua-1988:6(4)", "missing"),
        # a clause naming a section that creates no offence of the instrument
        (HIJACKING_ACT + "5. Unruly passengers\nA person who assaults a member of the crew commits an offence.\n"
         + JURISDICTION.format(target="section 5"), "hague-1970:4(2)", "missing"),
        # a clause on every offence of the Act counts for the instruments whose offence the Act creates
        (HIJACKING_ACT + WHOLE_ACT_EXTRADITION, "hague-1970:8(1)", "covered"),
        (HIJACKING_ACT + WHOLE_ACT_EXTRADITION, "sua-1988:11(1)", "missing"),
        (SHIP_ACT + WHOLE_ACT_PENALTY, "sua-1988:5", "covered"),
        (SHIP_ACT + WHOLE_ACT_PENALTY, "montreal-1971:3", "missing"),
        (SHIP_ACT + WHOLE_ACT_EXTRADITION, "sua-1988:11(1)", "covered"),
        (SHIP_ACT + WHOLE_ACT_EXTRADITION, "hague-1970:8(1)", "missing"),
        # an instrument without principal offences (Tokyo) is not gated
        ("4. Powers of the aircraft commander\nThe aircraft commander may impose reasonable measures of restraint "
         "on a person who has committed on board the aircraft in flight an act which jeopardises its safety.",
         "tokyo-1963:6(1)", "not missing"),
    ],
)
def test_an_obligation_counts_only_for_the_offences_it_applies_to(catalogue, text: str, offence: str,
                                                                   expected: str) -> None:
    status = _status(catalogue, text, offence)[0]
    assert status != "missing" if expected == "not missing" else status == expected


TITLED_LAW = ("TÍTULO II\nDE LOS DELITOS\nCAPÍTULO I\nDel apoderamiento de aeronaves\nArtículo 4. Apoderamiento.\n"
              "Será castigado con la pena de prisión de quince años el que, a bordo de una aeronave en vuelo, mediante "
              "violencia se apodere de ella o ejerza su control.\nCAPÍTULO II\nDisposiciones comunes\nArtículo 5. "
              "Atenuación.\nLos jueces podrán imponer la pena inferior en grado.\nTÍTULO III\nDE LA JURISDICCIÓN\n"
              "Artículo 10. Jurisdicción.\nLos tribunales de la República serán competentes para conocer de los "
              "delitos previstos en el {target} cuando el presunto autor se halle en territorio nacional y no se "
              "conceda su extradición.")


@pytest.mark.parametrize(
    ("target", "offence", "expected"),
    [
        # a Title reaches its Chapters, though they are read as divisions of their own
        ("Título II", "hague-1970:4(2)", "covered"),
        ("Título II", "sua-1988:6(4)", "missing"),
        ("Título III", "hague-1970:4(2)", "missing"),
    ],
)
def test_an_obligation_on_the_offences_of_a_title(catalogue, target: str, offence: str, expected: str) -> None:
    assert _status(catalogue, TITLED_LAW.format(target=target), offence, "es")[0] == expected


def test_an_unlinked_obligation_says_why(catalogue) -> None:
    report = check_bill(make_bill(HIJACKING_ACT + WHOLE_ACT_EXTRADITION), catalogue, "en", ("sua-1988",))
    result = next(r for r in report.results if r.id == "sua-1988:11(1)")
    assert (result.status, result.provisions) == ("missing", ())
    assert result.reason == ("Section 10 has the words of this obligation but applies to offences that do not "
                             "implement this instrument's offences.")


def test_ancillary_without_principal_is_missing(catalogue) -> None:
    text = "9. Attempts\nAny person who attempts to commit an offence under this Act commits an offence."
    assert _status(catalogue, text, HIJACK_ATTEMPT)[0] == "missing"


def test_carve_out_is_not_coverage(catalogue) -> None:
    text = ("3. Violence on aircraft\nA person who, on board an aircraft in flight, by force commits any act of "
            "violence, other than seizing or exercising control of the aircraft, commits an offence.")
    assert _status(catalogue, text, HIJACK)[0] != "covered"


def test_evidence_quotes_the_bill(catalogue) -> None:
    text = PRINCIPAL
    report = check_bill(make_bill(text), catalogue, "en", ("hague-1970",))
    result = next(r for r in report.results if r.id == HIJACK)
    assert result.provisions[0].label == "Section 3"
    for element in result.elements:
        if element.found:
            assert text[element.start:element.end] == element.quote
    assert 0.0 < result.score <= 1.0


PRINCIPALS = [o for o in load_catalogue().offences if o.kind == "principal"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(PRINCIPALS), st.sampled_from(["en", "fr", "es"]), st.randoms(use_true_random=False))
def test_a_provision_made_of_the_required_phrases_is_never_missing(catalogue, offence, language, rng) -> None:
    phrases = [rng.choice(e.phrases[language]).replace("*", "") for e in offence.elements if e.required or e.core]
    penal = {"en": "commits an offence", "fr": "est puni", "es": "será castigado"}[language]
    text = f"1. Offence\n{' ; '.join(phrases)} {penal}."
    assert _status(catalogue, text, offence.id, language)[0] != "missing", text


def test_an_offence_created_twice_cites_both_articles(catalogue) -> None:
    text = ("3. Hijacking\n(1) A person who unlawfully, by force or threat, seizes or exercises control of an aircraft "
            "in flight commits an offence.\n4. Interpretation\nIn this Act aircraft means any machine.\n"
            "5. Terrorist offences\n(1) A person who unlawfully, by force or threat, seizes or exercises control of an "
            "aircraft in flight, with intent to compel a government, commits an offence.\n")
    report = check_bill(make_bill(text), catalogue, "en", ("hague-1970",))
    hijacking = next(r for r in report.results if r.kind == "principal")
    labels = [p.label for p in hijacking.provisions]
    assert hijacking.status == "covered" and "Section 3(1)" in labels and "Section 5(1)" in labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4. Terrorist act\n(1) A person commits an offence who engages in a terrorist act.\n"
         "5. Definitions\nIn this Act—\n\"terrorist act\" means an act that constitutes an offence as defined in a "
         "specified convention;\n\"specified convention\" means a treaty listed in Schedule 3.\n"
         "SCHEDULE 3\n1. Convention for the Suppression of Unlawful Seizure of Aircraft, done at The Hague on 16 December 1970.\n",
         "covered"),
        # financing "for the purpose of carrying out a terrorist act" is not the act itself
        ("4. Financing\n(1) A person commits an offence who collects funds for the purpose of carrying out a terrorist act.\n"
         "5. Definitions\nIn this Act—\n\"terrorist act\" means an act that constitutes an offence as defined in a "
         "specified convention;\n\"specified convention\" means a treaty listed in Schedule 3.\n"
         "SCHEDULE 3\n1. Convention for the Suppression of Unlawful Seizure of Aircraft, done at The Hague on 16 December 1970.\n",
         "missing"),
    ],
)
def test_an_act_defined_by_a_schedule_of_conventions(catalogue, text: str, expected: str) -> None:
    report = check_bill(make_bill(text), catalogue, "en", ("hague-1970",))
    hijacking = next(r for r in report.results if r.kind == "principal")
    assert hijacking.status == expected
    assert hijacking.by_reference is (expected == "covered")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("18. The Authority may detain a person who commits an offence under the Suppression of Unlawful Acts of "
         "Violence at Airports Serving International Civil Aviation Act, No. 31 of 1996.", "en"),
        ("Article 3\nEst puni de cinq ans d'emprisonnement quiconque contrevient à la loi relative à la répression "
         "des actes de violence dans les aéroports servant à l'aviation civile internationale.", "fr"),
    ],
)
def test_words_of_another_acts_title_are_not_conduct(catalogue, text: str, language: str) -> None:
    report = check_bill(make_bill(text), catalogue, language, ("airports-1988",))
    assert all(r.status == "missing" for r in report.results if r.kind == "principal")


def test_a_ministerial_power_is_not_an_offence(catalogue) -> None:
    text = ("6. Guidance\n(1) The Minister may publish guidance on acts of violence against persons on board an aircraft "
            "in flight that are likely to endanger its safety.\n7. Offences\n(1) A person who contravenes section 6 "
            "commits an offence and is liable to imprisonment for two years.\n")
    report = check_bill(make_bill(text), catalogue, "en", ("montreal-1971",))
    violence = next(r for r in report.results if r.article == "1(1)(a)")
    assert violence.status == "missing"


@pytest.mark.parametrize(
    ("clean", "broken"),
    [("Aviation Act\n3. Hijacking\n(1) A person who, on board an aircraft in flight, by force seizes or exercises "
      "control of the aircraft commits an offence.",
      "A viation Act\n3. Hijacking\n(1) A person who, on board an aircraft in ﬂight, by force seizes or exercises "
      "control of the aircraft commits an of fence."),
     ("Aviation Act\n3. Hijacking\n(1) A person who, on board an aircraft in flight, by force seizes or exercises "
      "control of the aircraft commits an offence.",
      "A viation Act\n3. Hijacking\n(1) A person who, on board an aircraft in flight, by force seizes or exercises "
      "control of the aircraft commits an of-\nfence.")],
)
def test_a_bill_broken_by_pdf_extraction_is_judged_like_the_clean_one(catalogue, clean: str, broken: str) -> None:
    reports = [check_bill(make_bill(text), catalogue, "en", ("hague-1970",)) for text in (clean, broken)]
    verdicts = [[(r.id, r.status, r.score) for r in report.results] for report in reports]
    hijacking = next(r for r in reports[1].results if r.id == HIJACK)
    assert verdicts[0] == verdicts[1] and hijacking.status == "covered"
    assert all(broken[m.start:m.end] == m.quote for m in hijacking.elements if m.found)


def test_a_clean_bill_keeps_its_words_apart(catalogue) -> None:
    """"of fence" alone, in a bill that shows no other break, is two words: nothing creates an offence."""
    text = ("Aviation Act\n3. Hijacking\n(1) A person who, on board an aircraft in flight, by force seizes or "
            "exercises control of the aircraft commits an of fence.")
    assert _status(catalogue, text, HIJACK)[0] == "missing"


def test_a_subsection_naming_no_offence_is_read_with_its_section(catalogue) -> None:
    text = ("3. Hijacking\n(1) A person who unlawfully, by force or threat, seizes or exercises control of an aircraft "
            "in flight commits an offence.\n10. Extradition\n(1) An offence under section 3 is an extraditable offence "
            "for the purposes of the Extradition Act.\n(2) Where there is no extradition arrangement, the Hague Convention "
            "may be treated as an extradition arrangement in respect of the offences to which it relates.\n")
    report = check_bill(make_bill(text), catalogue, "en", ("hague-1970", "sua-1988"))
    basis = {r.id: r.status for r in report.results if r.article == "8(2)"}
    assert basis["hague-1970:8(2)"] != "missing"
    assert all(status == "missing" for offence, status in basis.items() if offence.startswith("sua-1988"))


def test_one_extraterritorial_clause_meets_every_jurisdiction_basis_and_says_so(catalogue) -> None:
    text = ("3. Hijacking\n(1) A person who by force seizes an aircraft commits an offence.\n4. Jurisdiction\n(1) A "
            "person who commits an offence under section 3, whether in or outside the Republic, may be tried in the "
            "Republic.\n")
    report = check_bill(make_bill(text), catalogue, "en", ("hague-1970",))
    bases = [r for r in report.results if r.article.startswith("4(")]
    assert bases and all(r.status == "covered" and "meets this jurisdiction basis" in r.reason for r in bases)
    territorial = check_bill(make_bill(text.replace("whether in or outside the Republic", "in the Republic")),
                             catalogue, "en", ("hague-1970",))
    assert not any("meets this jurisdiction basis" in r.reason for r in territorial.results)


@pytest.mark.parametrize(("text", "language"), [
    ("Loi sur l'aviation civile\nArticle 1\nEst puni de la réclusion quiconque s'empare d'un aéronef par violence.", "fr"),
    ("Civil Aviation Offences Act\n1. A person who by force seizes an aircraft commits an offence.", "en"),
])
def test_a_law_title_on_the_line_before_reaches_no_further(catalogue, text: str, language: str) -> None:
    assert _status(catalogue, text, HIJACK, language)[0] == "covered"


@pytest.mark.parametrize(
    ("text", "language", "offence", "expected"),
    [
        # a threat as the means of a seizure is not the offence of threatening
        ("7. A person who seizes a ship by force or threat of force commits an offence.", "en", "sua-1988:3(2)(c)", "missing"),
        ("7. A person who threatens to destroy a ship, if the threat is likely to endanger its safe navigation, "
         "commits an offence.", "en", "sua-1988:3(2)(c)", "covered"),
        ("Article 7\nEst puni de vingt ans de réclusion le fait de s'emparer d'un navire par violence ou menace de "
         "violence.", "fr", "sua-1988:3(2)(c)", "missing"),
        ("Artículo 7. Será castigado con prisión de diez años el que mediante violencia o amenazas se apodere de "
         "un buque.", "es", "sua-1988:3(2)(c)", "missing"),
        # a negated circumstance excludes the offence: an aircraft not in service is another offence
        ("10A. A person who destroys any aircraft not in service located at an airport commits an offence.", "en",
         "montreal-1971:1(1)(b)", "missing"),
        ("10A. A person who destroys any aircraft commits an offence.", "en", "montreal-1971:1(1)(b)", "covered"),
        # a power over a person who commits an offence creates no offence
        ("18. It shall be lawful for an officer to detain any person who is committing theft of or damage to "
         "any property within an aerodrome, being an offence under this Act.", "en", "airports-1988:1(1bis)(b)",
         "missing"),
    ],
)
def test_means_negations_and_powers_are_not_offences(catalogue, text: str, language: str, offence: str,
                                                     expected: str) -> None:
    assert _status(catalogue, text, offence, language)[0] == expected


def test_a_jurisdiction_subsection_after_the_penalty_creates_no_offence(catalogue) -> None:
    text = ("§ 9. Offenses against platforms\n(a) Offenses. A person who unlawfully and intentionally destroys a "
            "fixed platform shall be fined or imprisoned not more than 20 years.\n(b) Jurisdiction. There is "
            "jurisdiction over the activity prohibited in subsection (a) if, during its commission, a national is "
            "seized, threatened, injured, or killed in an attempt to compel the Government to do any act.")
    assert _status(catalogue, text, "hostages-1979:1(1)")[0] == "missing"
    # the conduct before the subsection that gives the penalty stays an offence
    text = ("12. Hostages\n(1) A person shall not seize or detain any person and threaten to kill him in order to "
            "compel a State to do any act.\n(2) A person who contravenes subsection (1) is liable on conviction to "
            "imprisonment for life.")
    assert _status(catalogue, text, "hostages-1979:1(1)")[0] == "covered"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("7. (3) Every one who commits outside the country an act against an internationally protected person "
         "that, if committed in the country, would constitute an offence of murder or kidnapping is deemed to have "
         "been committed in the country.", "en"),
        ("Article 7\n(3) Tout acte commis à l'étranger contre une personne jouissant d'une protection internationale "
         "qui, s'il était commis au Canada, constituerait une infraction de meurtre ou d'enlèvement est réputé "
         "commis au Canada.", "fr"),
    ],
)
def test_a_jurisdiction_clause_deeming_an_act_committed_at_home_creates_no_offence(catalogue, text: str,
                                                                                   language: str) -> None:
    assert _status(catalogue, text, "ipp-1973:2(1)(a)", language)[0] == "missing"


def test_a_ship_in_the_definition_of_another_term_does_not_make_a_maritime_offence(catalogue) -> None:
    text = ("2. In this Act, \"premises\" includes a building, tent, land, ship, boat or aircraft.\n"
            "25. A person who refuses a police officer access to premises, or gives information to a police officer "
            "which the person knows to be false, commits an offence.")
    assert _status(catalogue, text, "sua-1988:3(1)(f)")[0] == "missing"
    # the same definition still serves an offence that names all the treaty's elements
    text = ("2. In this Act, \"premises\" includes a building, tent, land, ship, boat or aircraft.\n"
            "25. A person who communicates information which he knows to be false on premises, thereby endangering "
            "the safe navigation of a ship, commits an offence.")
    assert _status(catalogue, text, "sua-1988:3(1)(f)")[0] == "covered"


def test_an_offence_made_by_reference_cites_the_provision_that_makes_it(catalogue) -> None:
    text = ("10. What is an unlawful act?\n(1) A person commits an unlawful act if he or she destroys an aircraft in "
            "service.\n25. Endangering aircraft\nA person who commits an unlawful act of the kind mentioned in "
            "subsection 10(1) commits an offence punishable by imprisonment for life.")
    report = check_bill(make_bill(text), catalogue, "en", ("montreal-1971",))
    result = next(r for r in report.results if r.id == "montreal-1971:1(1)(b)")
    assert result.status == "covered"
    assert "Section 25" in [p.label for p in result.provisions]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the UK Internationally Protected Persons Act 1978 s 1 form: no penalty words, "guilty of that offence"
        ("1.—(1) If a person does outside the United Kingdom—\n(a) any act to or in relation to a protected person "
         "which, if he had done it in the United Kingdom, would have made him guilty of the offence of murder or "
         "kidnapping,\nhe shall in the United Kingdom be guilty of that offence.", "en"),
        ("Article 3\nLa prise d'otage d'un agent diplomatique est punie de trente ans de réclusion criminelle.", "fr"),
    ],
)
def test_national_forms_of_attacks_on_protected_persons(catalogue, text: str, language: str) -> None:
    assert _status(catalogue, text, "ipp-1973:2(1)(a)", language)[0] in ("covered", "partial")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the disembarkation in the definition of "in flight" is no duty to let the commander disembark a person
        ("1. Interpretation\nIn this Act, \"aircraft in flight\" means an aircraft from the moment its doors are "
         "closed after embarkation until one of them is opened for disembarkation.\n"
         "2. Violence\nA person who commits an act of violence against the commander of an aircraft in flight "
         "commits an offence.", "en"),
        ("Article 1er\nAu sens de la présente loi, on entend par « aéronef en vol » : un aéronef depuis la fermeture "
         "de ses portes après l'embarquement jusqu'à l'ouverture de l'une d'elles pour le débarquement.\n"
         "Article 2\nEst puni de dix ans d'emprisonnement le fait de commettre un acte de violence contre le "
         "commandant d'un aéronef en vol.", "fr"),
        ("المادة 1\nيقصد بعبارة \"في حالة طيران\": الطائرة من لحظة إغلاق جميع أبوابها الخارجية بعد صعود الركاب "
         "حتى لحظة فتح أي من هذه الأبواب لنزولهم.\nالمادة 2\nيعاقب بالسجن كل من ارتكب فعلاً من أفعال العنف ضد "
         "قائد طائرة في حالة طيران.", "ar"),
    ],
)
def test_words_of_a_definition_are_no_duty_of_the_state(catalogue, text: str, language: str) -> None:
    assert _status(catalogue, text, "tokyo-1963:12", language)[0] == "missing"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("المادة 5\nيعاقب بالحبس المؤبد كل من ارتكب فعلاً من أفعال القرصنة ضد سفينة في أعالي البحار.\n"
         "وتكون العقوبة الحبس مدة لا تجاوز خمس سنوات إذا أعاد الجاني، من تلقاء نفسه، السفينة أو الطائرة بعد "
         "الاستيلاء عليها إلى قائدها الشرعي، ولم يكن قد ترتب على فعله إيذاء أي من الأشخاص الموجودين على متنها.",
         "ar"),
        ("Article 5\nEst puni de la réclusion criminelle à perpétuité le fait de piraterie contre un navire.\n\n"
         "La peine est portée à cinq ans lorsque l'auteur rend de lui-même l'aéronef en vol dont il s'est emparé "
         "à son commandant.", "fr"),
        ("5. Piracy\nA person who commits an act of piracy against a ship commits an offence.\n\n"
         "The penalty is imprisonment for five years if the offender, of his own accord, returns an aircraft in "
         "flight that he seized to its commander.", "en"),
    ],
)
def test_acts_named_where_the_penalty_is_graded_are_no_offence(catalogue, text: str, language: str) -> None:
    assert _status(catalogue, text, HIJACK, language)[0] == "missing"


def test_the_object_named_where_the_penalty_is_graded_still_counts(catalogue) -> None:
    # the aggravated form seizes an aircraft in flight: the act stands in the offence, the object in the grading
    text = ("Artículo 5. Será castigado con prisión de diez años el que, mediante violencia o amenaza, se apodere "
            "de un medio de transporte o ejerza su control.\n\nLa pena será de veinte años de prisión cuando el "
            "medio de transporte sea una aeronave en vuelo.")
    assert _status(catalogue, text, HIJACK, "es")[0] == "covered"


_FINANCING = ("9. Terrorist financing\n(1) A person commits an offence who by any means, directly or indirectly, "
              "provides or collects funds with the intention that they should be used to carry out a terrorist act.\n"
              "2. Interpretation\nIn this Act—\n\"terrorist act\" means {meaning};\n")


@pytest.mark.parametrize(
    ("meaning", "expected"),
    [
        # the defined act takes in the offences of the Act's own convention chapter, by a reference to it
        ("an offence provided for under Chapter 2 of Part II or an act which endangers the life of a person", "covered"),
        ("any of the offences under Part III or an act which endangers the life of a person", "covered"),
        ("an act which endangers the life of a person", "missing"),
    ],
)
def test_financing_an_act_defined_by_the_offences_of_a_chapter(catalogue, meaning: str, expected: str) -> None:
    status, _, _ = _status(catalogue, _FINANCING.format(meaning=meaning), "financing-1999:2(1)(a)")
    assert status == expected


def test_the_threat_itself_must_stand_in_the_provision(catalogue) -> None:
    # section 4 threatens what section 3 makes an offence; it does not itself seize an aircraft
    text = ("3. Hijacking\nA person who by force seizes an aircraft in flight commits an offence.\n4. Threats\n"
            "A person who threatens to commit an offence under section 3 commits an offence.\n")
    report = check_bill(make_bill(text), catalogue, "en", ("hague-1970",))
    hijacking = next(r for r in report.results if r.id == HIJACK)
    assert hijacking.status == "covered"
    assert "Section 4" not in [p.label for p in hijacking.provisions]


@pytest.mark.parametrize(
    "penalty",
    [
        "shall be guilty of piracy and be liable to be imprisoned for any definite period",
        "shall be guilty of piracy and liable to a fine not exceeding level fourteen or imprisonment for a period "
        "not exceeding fifteen years",
        "shall be guilty of piracy and may be imprisoned for life",
    ],
)
def test_commonwealth_penalty_wordings_create_an_offence(catalogue, penalty: str) -> None:
    text = f"3. Piracy\nAny person who by force takes control of a ship {penalty}.\n"
    assert _status(catalogue, text, "sua-1988:3(1)(a)")[0] == "covered"
