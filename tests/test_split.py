"""The splitter finds provisions, headings, definitions and cross-references in every drafting tradition."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawcheck.split import split, split_provisions


def _labels(text: str, language: str = "en") -> list[str]:
    return [p.label for p in split_provisions(text, language) if p.level not in ("preamble",)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("3. Hijacking\n(1) A person who seizes.\n(2) A person who.", "en",
         ["Section 3", "Section 3(1)", "Section 3(2)"]),
        ("Section 3 Offences\n(1) Any person who—\n(a) seizes; or\n(b) detains.", "en",
         ["Section 3", "Section 3(1)", "Section 3(1)(a)", "Section 3(1)(b)"]),
        ("s 5 A person commits.\n(1) text", "en", ["Section 5", "Section 5(1)"]),
        ("§1203. Hostage taking\n(a) Whoever seizes\n(b)(1) It is not an offense\n(A) the offender", "en",
         ["§ 1203", "§ 1203(a)", "§ 1203(b)", "§ 1203(b)(1)", "§ 1203(b)(1)(A)"]),
        ("Article 1er\nTexte.\nArticle premier bis\nArticle 421-2-2\nLe fait de", "fr",
         ["Article 1er", "Article premier", "Article 421-2-2"]),
        ("Article L282-1\nQuiconque :\n1° Détruit ;\n2° Trouble.", "fr",
         ["Article L282-1", "Article L282-1 1°", "Article L282-1 2°"]),
        ("Artículo 572 bis\nEl que\nArtículo 7º.- Quien\na) uno\nb) dos", "es",
         ["Artículo 572 bis", "Artículo 7", "Artículo 7(a)", "Artículo 7(b)"]),
        ("Art. 5 Any person\n(1) who", "en", ["Article 5", "Article 5(1)"]),
        ("PART II — OFFENCES\n4. Bombing\n(1) A person\n(a) places\n(i) in a place\n(ii) or not", "en",
         ["Part II", "Section 4", "Section 4(1)", "Section 4(1)(a)", "Section 4(1)(a)(i)", "Section 4(1)(a)(ii)"]),
        ("1. Short\n(1) x\n(h) eight\n(i) ninth letter", "en",
         ["Section 1", "Section 1(1)", "Section 1(1)(h)", "Section 1(1)(i)"]),
        # the fracciones of a Mexican code and the numbered paragraphs of a French code are items of the article
        ("Artículo 148 Bis.- Se impondrá pena de prisión:\nI. A quien realice actos;\nII.- Al que acuerde;\n"
         "IV. Al que amenace.", "es",
         ["Artículo 148 Bis", "Artículo 148 Bis(I)", "Artículo 148 Bis(II)", "Artículo 148 Bis(IV)"]),
        ("Article L5242-6-1\nI.-Est puni le fait de s'emparer d'un navire.\nII. – Est puni le fait de détruire.", "fr",
         ["Article L5242-6-1", "Article L5242-6-1(I)", "Article L5242-6-1(II)"]),
    ],
)
def test_labels_in_each_tradition(text: str, language: str, expected: list[str]) -> None:
    assert _labels(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "label", "heading"),
    [
        ("PART I\n3. Hijacking\n(1) A person commits an offence.", "en", "Section 3", "Hijacking"),
        ("Hostage-taking\n4. A person who seizes commits an offence.", "en", "Section 4", "Hostage-taking"),
        ("Artículo 1. Objeto.\nLa presente ley tiene por objeto.", "es", "Artículo 1", "Objeto"),
        ("Article 5\nDes infractions\nEst puni le fait de.", "fr", "Article 5", "Des infractions"),
        ("CHAPITRE II — DES INFRACTIONS\nArticle 4\nEst puni.", "fr", "Chapter II", "DES INFRACTIONS"),
    ],
)
def test_headings_and_marginal_notes(text: str, language: str, label: str, heading: str) -> None:
    provisions = {p.label: p for p in split_provisions(text, language)}
    assert provisions[label].heading == heading


def test_paths_and_spans_nest() -> None:
    text = "PART II\n3. Hijacking\n(1) A person who—\n(a) seizes; or\n(b) detains,\ncommits an offence."
    provisions = split_provisions(text, "en")
    leaf = next(p for p in provisions if p.label == "Section 3(1)(b)")
    assert leaf.path == ("Part II", "Section 3", "(1)", "(b)")
    parent = provisions[leaf.parent]
    assert parent.start <= leaf.start < leaf.end <= parent.end
    assert text[leaf.start:leaf.end].startswith("(b) detains")


@pytest.mark.parametrize(
    ("text", "language", "terms"),
    [
        ('2. In this Act—\n"aircraft" means any machine;\n"funds" means assets of every kind;', "en", ["aircraft", "funds"]),
        ("Article 1er\nAu sens de la présente loi, on entend par :\n1° « Fonds » : les biens ;\n2° « Civil » : une personne.",
         "fr", ["Fonds", "Civil"]),
        ("Artículo 2. Definiciones.\nA los efectos de la presente ley, se entiende por:\na) «Fondos»: los bienes.",
         "es", ["Fondos"]),
        ("Article 3\nOn entend par engin explosif, tout dispositif.", "fr", ["engin explosif"]),
    ],
)
def test_definitions(text: str, language: str, terms: list[str]) -> None:
    assert [d.term for d in split(text, language).definitions] == terms


@pytest.mark.parametrize(
    ("text", "language", "targets"),
    [
        ("3. Hijacking\nA person.\n4. Hostages\nA person.\n7. Attempts\nAn offence under section 3 or 4.", "en",
         ["Section 3", "Section 4"]),
        ("Article 4\nEst puni.\nArticle 5\nEst puni.\nArticle 6\nEst puni.\nArticle 7\nLa tentative des délits prévus aux articles 4 à 6.",
         "fr", ["Article 4", "Article 5", "Article 6"]),
        ("3. Offence\n(1) A person.\n(2) An offence under subsection (1) is punishable.", "en", ["Section 3(1)"]),
        ("PART II — OFFENCES\n3. Hijacking\nA person.\nPART III\n9. Attempts\nAn offence under Part II.", "en", ["Part II"]),
        ("1. Short\n(1) text\n(a) one\n(b) two\n(c) in connection with paragraphs ( a ) to ( b ).", "en",
         ["Section 1(1)(a)", "Section 1(1)(b)"]),
    ],
)
def test_crossrefs_resolve(text: str, language: str, targets: list[str]) -> None:
    structure = split(text, language)
    resolved = [structure.provisions[r.target].label for r in structure.crossrefs if r.target is not None]
    assert resolved == targets


LINE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["(1) a", "(a) b", "(i) c", "3. Title", "Section 4", "PART II", "Article 5", "1° x",
                     "a) y", "§ 2", '"x" means y', "", "   (b)(1) z", "Artículo 3 bis"]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(LINE, max_size=25), st.sampled_from(["en", "fr", "es"]))
def test_splitter_never_fails_and_spans_are_sane(lines: list[str], language: str) -> None:
    text = "\n".join(lines)
    structure = split(text, language)
    for p in structure.provisions:
        assert 0 <= p.start <= p.own_start <= p.own_end <= p.end <= len(text)
        if p.parent is not None:
            parent = structure.provisions[p.parent]
            assert parent.start <= p.start and p.end <= parent.end
    for d in structure.definitions:
        assert 0 <= d.start <= d.end <= len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Markdown statutes: section headings, bold labels, list items, escaped numbers, notes
        ("### 76 Hijacking\n\nEvery one who seizes\n\n- (a) to confine\n\n- (b) to transport\n\n"
         "<details>\n<summary>Historical Note</summary>\n\n- 1972, c. 13, s. 6\n\n</details>\n\n"
         "### 77 Endangering safety of aircraft\n\nEvery one who", ["Section 76", "Section 76(a)", "Section 76(b)", "Section 77"]),
        ("**ARTICULO 186.** - El que causare incendio\n\n**ARTICULO 187.** - Será reprimido", ["Artículo 186", "Artículo 187"]),
        ("1\\. Short title\n\nText.\n\n2\\. Offences\n\n(1) A person", ["Section 1", "Section 2", "Section 2(1)"]),
        # consolidations: an undotted number and its heading on one line, in sequence
        ("10 Interpretation\nIn this Act aircraft means a machine.\n11 Financing terrorist acts\n(1) A person who",
         ["Section 10", "Section 11", "Section 11(1)"]),
        ("40G Application\nText.\n40H Offence of hijacking\nA person who\n23 September 1971\nis the date.",
         ["Section 40G", "Section 40H"]),
    ],
)
def test_labels_of_real_layouts(text: str, expected: list[str]) -> None:
    assert _labels(text, "es" if "ARTICULO" in text else "en") == expected


def test_running_heads_and_footers_open_nothing() -> None:
    page = "s {n} COUNTERING TERRORISM ACT 2004\nService 0420,30{n}\n"
    headings = ["Short title", "Interpretation", "Hijacking", "Violence on board", "Penalties"]
    text = "".join(f"{n} {h}\nA person who does thing {n} commits an offence.\n" + page.format(n=n)
                   for n, h in enumerate(headings, 1))
    assert _labels(text) == [f"Section {n}" for n in range(1, 6)]


def test_a_table_of_contents_opens_no_provision() -> None:
    contents = "Contents\n1 Short title\n2 Interpretation\nPart 2--Offences\n3 Hijacking\n4 Violence on board\nSchedule 1--Convention\n"
    body = "1 Short title\nThis Act is the Act.\n2 Interpretation\nIn this Act—\n3 Hijacking\nA person who seizes commits a crime.\n"
    labels = _labels(contents + body)
    assert labels == ["Section 1", "Section 2", "Section 3"]


@pytest.mark.parametrize(
    "text",
    [
        "1. Offence\nA person who does an act referred to in the Annex to the Convention for the Suppression of Unlawful\n"
        "Annex to the Convention on the Physical Protection of Nuclear Material commits an offence.\n2. Penalty\nText.",
        "1. Offence\nA person who contravenes the provisions of the Civil Aviation Act made under section 5 or under\n"
        "Section 7 of the Airports Act commits an offence.\n2. Penalty\nText.",
    ],
)
def test_a_wrapped_line_opens_nothing(text: str) -> None:
    assert _labels(text) == ["Section 1", "Section 2"]


def test_a_sentence_naming_a_section_is_not_a_section() -> None:
    text = "Section 40 Offences\nA person commits an offence.\nSection 40 does not apply to acts abroad.\nSection 41 Penalty\nText."
    assert _labels(text) == ["Section 40", "Section 41"]


def test_a_section_printed_on_one_line_is_cut_at_its_labels() -> None:
    line = ("3. Offences against aircraft\n(1) Any person who unlawfully— (a) on board any aircraft in flight— (i) by use of "
            "force seizes the aircraft; or (ii) by threats exercises control of it; (b) destroys an aircraft in service; "
            "or (c) places on an aircraft a device likely to destroy it, commits an offence under subsection (1) of "
            "section 4 and shall be liable to imprisonment for life. (2) A person who attempts commits an offence.")
    assert _labels(line) == ["Section 3", "Section 3(1)", "Section 3(1)(a)", "Section 3(1)(a)(i)", "Section 3(1)(a)(ii)", "Section 3(1)(b)",
                             "Section 3(1)(c)", "Section 3(2)"]


def test_labels_out_of_sequence_inside_a_line_stay_text() -> None:
    line = ("3. Offences\nA person who does an act referred to in paragraph (c) of section 2, or (d) of the Schedule; "
            "(f) is not a label here because nothing came before it in this long line of text; and so on until the "
            "line is long enough to be looked at for labels printed inside it, which it is now.")
    assert _labels(line) == ["Section 3"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("5. Part IV of the principal Act is amended by inserting after section 10 the following section:\n"
         '"Violence at airports\n10A. (1) A person commits an offence who at an airport.\n(2) Subsection (1) applies.".\n'
         "6. Section 13 of the principal Act is amended.",
         "en", ["Section 5", "Section 5 (inserting section 10A)", "Section 5 (inserting section 10A(1))",
                "Section 5 (inserting section 10A(2))", "Section 6"]),
        ("Article 4\nL'article 2 de la loi du 12 mars 2003 est remplacé par les dispositions suivantes :\n"
         "« Art. 2. – Est puni de la réclusion criminelle le fait de s'emparer d'un aéronef. »\nArticle 5\nLa présente loi entre en vigueur.",
         "fr", ["Article 4", "Article 4 (insérant article 2)", "Article 5"]),
        ("Artículo 2. Se adiciona el artículo 139 Bis al Código Penal Federal, para quedar como sigue:\n"
         "Artículo 139 Bis.- Se impondrá pena de prisión al que se apodere de una aeronave.\nArtículo 3. Entrada en vigor.",
         "es", ["Artículo 2", "Artículo 2 (que inserta artículo 139 Bis)", "Artículo 3"]),
        ("13. Section 431 of the Act is replaced by the following:\n431. Every one who commits a violent attack.\n"
         "431.1 Every one who commits a violent attack on personnel.\n431.2\n(1) The following definitions apply.\n"
         "14. Section 811 is amended.",
         "en", ["Section 13", "Section 13 (inserting section 431)", "Section 13 (inserting section 431.1)",
                "Section 13 (inserting section 431.2)", "Section 13 (inserting section 431.2(1))", "Section 14"]),
    ],
)
def test_text_inserted_by_an_amending_law_is_cited_through_it(text: str, language: str, expected: list[str]) -> None:
    assert _labels(text, language) == expected


def test_a_range_of_decimal_sections_is_resolved() -> None:
    text = ("82.3 Possession\nEvery one who possesses nuclear material commits an offence.\n82.4 Use\nEvery one who uses.\n"
            "82.5 Commission\nEvery one.\n82.6 Threats\nEvery one who threatens to commit an offence under any of "
            "sections 82.3 to 82.5 is guilty of an indictable offence.")
    structure = split(text, "en")
    assert [structure.provisions[r.target].label for r in structure.crossrefs if r.target is not None] == [
        "Section 82.3", "Section 82.4", "Section 82.5"]


def test_a_marginal_note_before_the_section_number_is_its_heading() -> None:
    # enacted UK, Irish and older Commonwealth Acts: "Heading. N.—(1) ..."; the year of the Act's chapter
    # number under its title is no section
    text = ("Suppression of Sabotage Act 1979\n1979 CHAPTER 12\nAn Act to punish sabotage.\n"
            "Sabotage of railways. 1.—(1) A person who wrecks a train commits an offence.\n"
            "(2) A person guilty of an offence under this section is liable to imprisonment.\n"
            "Short title. 2. (1) This Act may be cited as the Suppression of Sabotage Act 1979.")
    provisions = {p.label: p for p in split_provisions(text, "en")}
    assert _labels(text) == ["Section 1", "Section 1(1)", "Section 1(2)", "Section 2", "Section 2(1)"]
    assert provisions["Section 1"].heading == "Sabotage of railways"
    assert provisions["Section 2"].heading == "Short title"


def test_a_year_does_not_open_the_sequence_of_undotted_sections() -> None:
    text = "Maritime Security Act\n2003 CHAPTER 4\n1 Short title\nThis Act is the Act.\n2 Offences\nA person who seizes."
    assert _labels(text) == ["Section 1", "Section 2"]


@pytest.mark.parametrize("dash", ["--", "—", "–"])
def test_a_division_word_joined_to_its_heading_by_a_dash(dash: str) -> None:
    # Australian compilations: "Schedule--International Convention ...", the Act's section that refers to
    # it printed under the heading; the convention's words are the schedule's, not an offence of the Act
    text = (f"Section 4 Offence\nA person who seizes a bus commits an offence.\nSchedule{dash}Convention on Buses\n"
            "Section 3\nArticle 1\nAny person who seizes a bus commits an offence.")
    provisions = split_provisions(text, "en")
    schedule = next(p for p in provisions if p.level == "schedule")
    assert (schedule.label, schedule.heading) == ("Schedule", "Convention on Buses")
    assert [provisions[p.parent].label for p in provisions if p.label == "Section 3"] == ["Schedule"]
    part = split_provisions(f"Part 2{dash}Offences\n3 Seizing\nText.", "en")[0]
    assert (part.label, part.heading) == ("Part 2", "Offences")


def test_a_number_that_continues_a_series_is_its_sibling_whatever_its_indent() -> None:
    # Markdown: "*   (1)" as a list item, its paragraphs indented under it, then "    (2)" without a marker
    text = ("##### 6 Crimes relating to buses\n\n*   (1) A person commits a crime who---\n\n"
            "    *   (a) seizes a bus; or\n\n    *   (b) destroys a bus.\n\n"
            "    (2) A person commits a crime who threatens---\n\n    *   (a) to seize a bus.\n\n"
            "    (3) A person commits a crime who attempts.")
    assert _labels(text) == ["Section 6", "Section 6(1)", "Section 6(1)(a)", "Section 6(1)(b)", "Section 6(2)",
                             "Section 6(2)(a)", "Section 6(3)"]


def test_a_nested_series_that_starts_again_stays_nested() -> None:
    text = "3. Offences\n(a) A person who—\n  (1) seizes; or\n  (2) destroys.\n(b) A person who threatens."
    assert _labels(text) == ["Section 3", "Section 3(a)", "Section 3(a)(1)", "Section 3(a)(2)", "Section 3(b)"]


def test_a_one_line_section_is_cut_after_its_heading_and_after_editorial_notes() -> None:
    line = ("12. Funding of sabotage (1) Any person who provides money intending that it be used— (a) to wreck a train; "
            "or (b) by a saboteur; or [paragraph amended by Act No. 3 of 2019 ] (c) by a sabotage group; commits an "
            "offence. (2) An offence under subsection (1) is committed even if the train is not wrecked, and whatever "
            "the place where the money was provided.")
    assert _labels(line) == ["Section 12", "Section 12(1)", "Section 12(1)(a)", "Section 12(1)(b)", "Section 12(1)(c)",
                             "Section 12(2)"]
    assert next(p for p in split_provisions(line, "en") if p.label == "Section 12").heading == "Funding of sabotage"


def test_a_section_headed_meaning_of_a_term_defines_it() -> None:
    text = ("5 Meaning of bus-jacking\nFor the purposes of this Act, a person commits an act of bus-jacking if the person "
            "seizes a bus by force.\n6 When bus-jacking an offence\n(1) A person who commits an act of bus-jacking is "
            "guilty of an offence.")
    structure = split(text, "en")
    assert [(d.term, structure.provisions[d.provision].label) for d in structure.definitions] == [("bus-jacking", "Section 5")]
    assert [structure.provisions[i].label for i in sorted(structure.interpretive)] == ["Section 5"]


def test_a_label_a_pdf_printed_one_line_late_opens_its_sentence() -> None:
    # the margin number lands after the first line of its paragraph, in the middle of the sentence
    text = ("Wrecking a train\n"
            "A person shall not wreck or derail a train or cause damage to the railway track\n"
            "41.(1)\n"
            "knowing that the damage is likely to endanger the safety of the train.\n"
            "A person who contravenes subsection (1) commits an offence and is liable\n"
            "(2)\n"
            "on conviction on indictment to imprisonment for life.\n"
            "Threats\n"
            "42.(1)\n"
            "A person shall not threaten to wreck a train.")
    provisions = {p.label: p for p in split_provisions(text, "en")}
    assert text[provisions["Section 41(1)"].start:].startswith("A person shall not wreck")
    assert text[provisions["Section 41(2)"].start:].startswith("A person who contravenes")
    assert provisions["Section 41"].heading == "Wrecking a train"
    assert text[provisions["Section 42"].start:].startswith("42.(1)")  # after a heading, in place: not moved


def test_a_repeated_line_of_running_text_is_not_a_running_head() -> None:
    # a statute that repeats its penalty formula prints the same line in many sections
    body = "".join(f"{n}. Offence {n}\n(1) A person shall not do thing {n}.\n"
                   "A person who contravenes subsection (1) commits an offence and is liable\n"
                   "on conviction to imprisonment.\n" for n in range(1, 5))
    text = body + "".join("Laws of Ruritania\n" for _ in range(4))
    structure = split(text, "en")
    second = next(p for p in structure.provisions if p.label == "Section 2(1)")
    assert "commits an offence and is liable" in text[second.start:second.end]


def test_markdown_italic_paragraph_labels() -> None:
    text = ("**10A.** (1) A person commits an offence if he\n\n_(a)_ commits an act of violence at an airport; or\n\n"
            "_(b)_ destroys the facilities of an airport.\n")
    assert _labels(text) == ["Section 10A", "Section 10A(1)", "Section 10A(1)(a)", "Section 10A(1)(b)"]


def test_an_article_label_glued_to_its_heading_opens_the_article() -> None:
    # a text mirror of a database prints heading, label and first paragraph number with no space between them
    text = ("# Titre 2Infractions contre l’ordreTroublesArt. 401\u00a0Quiconque trouble l’ordre est puni.\n"
            "\t\t Nouvelle teneur selon la loi du 1er janv. 2020.\n"
            "\t2\u00a0La tentative est punissable.ÉmeuteArt. 41\n"
            "\tQuiconque prend part à une émeute est puni.Inondation. ÉcroulementArt. 41bis \n"
            "\tQuiconque cause une inondation est puni.\n"
            "\tII. MesuresArt. 42S’il y a eu infraction, l’autorité retire le permis.")
    provisions = [p for p in split_provisions(text, "fr") if p.level in ("title", "article")]
    assert [(p.label, p.heading) for p in provisions] == [
        ("Title 2", "Infractions contre l’ordre"), ("Article 40", "Troubles"), ("Article 41", "Émeute"),
        ("Article 41bis", "Inondation. Écroulement"), ("Article 42", "Mesures")]
    assert text[provisions[1].start:].startswith("Art. 40")  # paragraph 1 split off the article number
    assert "La tentative est punissable." in text[provisions[1].start:provisions[1].end]
    # a label in running text ("l’art. 41") is no label, nor is "Art. 401" when no sequence tells 40 from 401
    assert _labels("Selon l’art. 41, est puni.", "fr") == ["Text"]
    assert [p.label for p in split_provisions("ObjetArt. 401\u00a0Le présent texte règle.", "fr")
            if p.level == "article"] == ["Article 401"]


def test_an_amendment_note_naming_a_section_opens_nothing() -> None:
    # consolidations print the history of each section under it, naming the section and its subsections
    text = ("7 Hijacking\n    \n*   (1) Everyone commits the crime of hijacking who seizes an aircraft.\n"
            "    (2) Everyone who attempts it is liable.\n\n"
            "    Section 7(1): amended, on 1 July 2013, by [section 413][58] of the Procedure Act 2011 (2011 No 81).\n"
            "    Section 7(1) **aircraft**: inserted, on 1 September 1999, by section 3 of the Amendment Act 1999.\n"
            "    Section 7: replaced, on 1 September 1999, by section 111 of the Amendment Act 1999.\n"
            "8 Offences on board\n    \n*   Everyone commits a crime who assaults a crew member.\n")
    labels = [p.label for p in split_provisions(text, "en") if p.level == "article"]
    assert labels == ["Section 7", "Section 8"]
    # the sections a note names are those of the amending Act
    assert [r.text for r in split(text, "en").crossrefs] == []
    # a section that opens with its own text after a colon is still a section
    assert _labels("Section 3: Everyone who seizes an aircraft commits a crime.\nSection 4: Offences.", "en") == [
        "Section 3", "Section 4"]


def test_an_article_suffix_printed_on_the_next_line_belongs_to_its_number() -> None:
    # a Markdown conversion puts "Bis.-" under the heading line that holds "Artículo 20"
    text = ("### Artículo 20\n.- Se impondrá pena al que secuestre una aeronave.\n"
            "### Artículo 20\nBis.- Se impondrá pena al que amenace con cometer los delitos del artículo 20 Ter.\n"
            "### Artículo 20\nQuáter.- Se aplicará pena al que financie los delitos de los artículos 20 Bis y 20 Quáter.\n")
    structure = split(text, "es")
    assert [p.label for p in structure.provisions if p.level == "article"] == [
        "Artículo 20", "Artículo 20 Bis", "Artículo 20 Quáter"]
    targets = [structure.provisions[r.target].label if r.target is not None else None for r in structure.crossrefs]
    assert targets == [None, "Artículo 20 Bis", "Artículo 20 Quáter"]  # there is no 20 Ter


def test_a_lower_case_section_suffix_continues_the_series() -> None:
    # PDF small capitals come out in lower case: "4c" is section 4C after 4A and 4B
    text = ("4A. Any person who manufactures any unmarked plastic explosive shall be liable to imprisonment.\n"
            "4B. Any person who possesses any unmarked plastic explosive shall be liable to imprisonment.\n"
            "4c. (1) Any person who imports any unmarked plastic explosive shall be liable to imprisonment.\n")
    assert [label for label in _labels(text) if label.count("(") == 0] == ["Section 4A", "Section 4B", "Section 4c"]


@pytest.mark.parametrize(
    ("text", "language", "item", "paragraph"),
    [
        ("المادة 5\nيعاقب بالحبس كل من ارتكب فعلاً من الأفعال الآتية:\n1- العنف ضد أشخاص على متن طائرة.\n"
         "2- الاشتراك في تشغيل سفينة.\n3- التحريض على ارتكاب أحد هذه الأفعال.\n"
         "وتكون العقوبة الحبس مدة لا تجاوز خمس سنوات إذا أعاد الجاني الطائرة بعد الاستيلاء عليها.",
         "ar", "المادة 5(3)", "وتكون العقوبة"),
        ("Article 5\nEst puni de dix ans d'emprisonnement :\n1° Le fait de détruire un aéronef ;\n"
         "2° Le fait de compromettre la sécurité d'un aéronef en vol.\n\n"
         "La peine est portée à la réclusion criminelle à perpétuité lorsque l'infraction a entraîné la mort.",
         "fr", "Article 5 2°", "La peine est portée"),
        ("Artículo 5. Será castigado con prisión de diez años el que:\na) destruya una aeronave;\n"
         "b) coloque un artefacto en una aeronave.\n\nLa pena se aumentará en un grado si resultare la muerte.",
         "es", "Artículo 5(b)", "La pena se aumentará"),
        ("Section 5. Endangering aircraft\n(1) A person commits an offence who—\n(a) destroys an aircraft;\n"
         "(b) places a device on an aircraft.\n\nThe court may order the forfeiture of anything used.",
         "en", "Section 5(1)(b)", "The court may order"),
        # the last item closes with a semicolon, and a blank line stands before the new paragraph
        ("Section 5. Hijacking\n(1) A person commits an offence who:\n(a) seizes an aircraft;\n(b) destroys a ship;\n"
         "(c) threatens to do so;\n\nA person who commits an offence under this section is liable to imprisonment "
         "for life.", "en", "Section 5(1)(c)", "A person who commits an offence under"),
        ("第十条 有下列行为之一的，处五年以下有期徒刑：\n（一）破坏航空器的；\n（二）在航空器上放置装置的。\n"
         "犯前款罪，致人死亡的，处无期徒刑。", "zh", "第十条(二)", "犯前款罪"),
    ],
)
def test_a_paragraph_after_a_list_belongs_to_the_provision_holding_the_list(text: str, language: str, item: str,
                                                                            paragraph: str) -> None:
    provisions = {p.label: p for p in split_provisions(text, language)}
    last = provisions[item]
    holder = provisions[item.rsplit("(", 1)[0] if "(" in item else item.rsplit(" ", 1)[0]]
    at = text.index(paragraph)
    assert not last.start <= at < last.end  # not more words of the last item
    assert holder.start <= at < holder.end  # but words of the article (or subsection) above it


@pytest.mark.parametrize(
    ("text", "language", "item", "words"),
    [
        # words closing the list's sentence ("..., commits an offence") and a heading before the next provision
        # are not a new paragraph of the article
        ("Section 5\n(1) A person who—\n(a) destroys an aircraft; or\n(b) places a device on it,\n"
         "commits an offence.", "en", "Section 5(1)(b)", "commits an offence"),
        ("Section 5\nA person who—\n(a) destroys an aircraft; or\n(b) places a device on it;\n"
         "and is liable to imprisonment.", "en", "Section 5(b)", "and is liable"),
        # items that are no list (no words announce them) keep their unnumbered paragraphs
        ("Section 5\n(1) A person who destroys an aircraft commits an offence.\n(2) A person who attempts it.\n"
         "The attempt is punished as the offence.", "en", "Section 5(2)", "The attempt is punished"),
    ],
)
def test_words_closing_a_list_stay_with_its_last_item(text: str, language: str, item: str, words: str) -> None:
    last = next(p for p in split_provisions(text, language) if p.label == item)
    assert last.start <= text.index(words) < last.end
