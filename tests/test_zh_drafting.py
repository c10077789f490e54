"""Chinese drafting patterns met in real PRC and Taiwan laws (tests/legislation-ar-ru-zh): what makes a provision
an offence, the hostage formula, military aircraft and ships outside the aviation and maritime treaties, and the
Taiwan laws database's layout."""

from __future__ import annotations

import pytest
from conftest import probe


@pytest.mark.parametrize(("text", "status"), [
    ("第一条 以暴力、胁迫或者其他方法劫持航空器的，处十年以上有期徒刑或者无期徒刑。", "covered"),
    ("第一条 以暴力、胁迫或者其他方法劫持航空器的，依照刑法有关规定追究刑事责任。", "missing"),
    ("第一条 以暴力、胁迫或者其他方法劫持航空器，构成犯罪的，依法追究刑事责任。", "missing"),
])
def test_sending_the_act_to_the_criminal_law_creates_no_offence(text: str, status: str) -> None:
    assert probe(text, "zh", "hague-1970:1(a)").status == status


@pytest.mark.parametrize(("text", "status"), [
    ("第一条 故意损坏使用中的航空器，危及飞行安全的，处三年以上十年以下有期徒刑。", "covered"),
    ("第一条 故意损坏使用中的航空器，危及飞行安全的，处十日以上十五日以下拘留。", "missing"),
    ("第一条 故意损坏使用中的航空器，危及飞行安全的，处警告或者二百元以下罚款。", "missing"),
    ("第一条 故意损坏使用中的航空器，危及飞行安全的，处五千元以上二万元以下罚款，并处十日以上十五日以下拘留。", "missing"),
])
def test_an_administrative_sanction_creates_no_offence(text: str, status: str) -> None:
    """PRC public-security and regulatory laws punish with a police fine (罚款) or administrative detention (拘留),
    in the same « …的，处… » words as the Criminal Law; only a criminal penalty (有期徒刑, 拘役, 罚金...) makes a
    crime."""
    assert probe(text, "zh", "montreal-1971:1(1)(b)").status == status


@pytest.mark.parametrize(("text", "status"), [
    ("第一条 以暴力劫持航空器的，处十年以上有期徒刑。\n第二条 以暴力劫持船舶的，依照本法第一条的规定处罚。\n", "covered"),
    ("第一条 以暴力劫持航空器的，处十年以上有期徒刑。\n第二条 以暴力劫持船舶的，依照本法第一条的规定定罪处罚。\n",
     "covered"),
    ("第一条 扰乱航空器内秩序的，处五百元以下罚款。\n第二条 以暴力劫持船舶的，依照本法第一条的规定处罚。\n", "missing"),
    ("第一条 以暴力劫持航空器的，处十年以上有期徒刑。\n第二条 以暴力劫持船舶，违反本法第一条的规定的，应当报告。\n",
     "missing"),
    ("第一条 以暴力劫持航空器的，处十年以上有期徒刑。\n第二条 以暴力劫持船舶的，依照有关规定处罚；但是本法第一条规定的"
     "除外。\n", "missing"),
])
def test_a_provision_punished_as_another_article_provides_borrows_its_penalty(text: str, status: str) -> None:
    """« 依照本法第X条的规定（定罪）处罚 »: the provision creates an offence of its own conduct with the penalty of
    the article it names, when that article's own words carry a criminal penalty (not an administrative fine)."""
    result = probe(text, "zh", "sua-1988:3(1)(a)")
    assert result.status == status
    assert status == "missing" or [p.label for p in result.provisions] == ["第二条"]


@pytest.mark.parametrize(("text", "status"), [
    ("第一条 绑架他人作为人质的，处十年以上有期徒刑或者无期徒刑。", "covered"),
    ("第一条 劫持航空器内的乘客，将其扣为人质的，处十年以上有期徒刑。", "covered"),
    ("第一条 以勒索财物为目的绑架他人的，处十年以上有期徒刑或者无期徒刑。", "missing"),
])
def test_taking_a_person_as_a_hostage_names_the_purpose_a_ransom_alone_does_not(text: str, status: str) -> None:
    assert probe(text, "zh", "hostages-1979:1(1)").status == status


@pytest.mark.parametrize(("text", "offence", "status"), [
    ("第一条 以暴力劫持军用航空器的，处十年以上有期徒刑。", "hague-1970:1(a)", "missing"),
    ("第一条 以暴力劫持军用舰艇、航空器的，处十年以上有期徒刑。", "hague-1970:1(a)", "missing"),
    ("第一条 以暴力劫持民用航空器的，处十年以上有期徒刑。", "hague-1970:1(a)", "covered"),
    ("第一条 故意毁坏军用机场、港口、雷达、航空器，危及飞行安全的，处七年以上有期徒刑。", "montreal-1971:1(1)(b)",
     "missing"),
    ("第一条 故意毁坏军用或者民用航空器，危及飞行安全的，处七年以上有期徒刑。", "montreal-1971:1(1)(b)", "covered"),
    ("第一条 以暴力劫持军用船舶的，处十年以上有期徒刑。", "sua-1988:3(1)(a)", "missing"),
])
def test_military_aircraft_and_ships_are_outside_the_treaties(text: str, offence: str, status: str) -> None:
    """Hague Art. 3(2), Montreal Art. 4(1), SUA Art. 2(1): military, customs and police aircraft and ships are
    outside; « 军用 » before a list joined by 、 reaches every word of it, not words joined by 或者."""
    assert probe(text, "zh", offence).status == status


def test_a_taiwan_article_printed_label_then_text_is_judged_on_its_own() -> None:
    """The Taiwan laws database prints "第 1 條" on its own line; Taiwan statutes say 強暴 (violence) and 飛航中 (in
    flight), read as simplified characters."""
    text = "第 1 條\n以強暴、脅迫或其他方法劫持飛航中之航空器者，處死刑、無期徒刑或七年以上有期徒刑。\n第 2 條\n本條例自公布日施行。\n"
    result = probe(text, "zh", "hague-1970:1(a)")
    assert result.status == "covered" and [p.label for p in result.provisions] == ["第 1 條"]
    assert {m.element for m in result.elements if m.found} >= {"seize", "aircraft", "in-flight",
                                                                 "force-threat-intimidation"}


def test_an_act_in_the_message_passed_on_is_told_not_done() -> None:
    """« 传递航空器上已放置炸弹的信息 »: the bomb is in the false message (Montreal Art. 1(1)(e)), nobody placed it."""
    text = "第六条　明知是虚假的信息，而传递航空器上已放置炸弹或者其他爆炸装置的信息的，处十年以下有期徒刑。"
    assert probe(text, "zh", "montreal-1971:1(1)(c)").status == "missing"
    assert probe(text, "zh", "montreal-1971:1(1)(e)").status in ("covered", "partial")
    assert probe("第一条　故意在使用中的航空器上放置炸弹，足以毁坏该航空器的，处十年以上有期徒刑。", "zh",
                 "montreal-1971:1(1)(c)").status == "covered"


def test_a_carve_out_reaches_to_the_end_of_its_clause() -> None:
    """« 本条规定不适用于军事、海关或者警察部门使用的航空器 »: the aircraft "used" by the police is carved out, so it
    is not the use of an aircraft as a weapon (Beijing Art. 1(1)(f)); the hijacking before it stands."""
    text = ("第三条　在飞行中的航空器上，非法以暴力劫持或者控制该航空器，致人死亡或者使财产遭受重大损失的，处无期徒刑。"
            "本条规定不适用于军事、海关或者警察部门使用的航空器。")
    assert probe(text, "zh", "beijing-2010:1(1)(f)").status == "missing"
    assert probe(text, "zh", "hague-1970:1(a)").status == "covered"


def test_a_carve_out_that_closes_its_clause_opens_none() -> None:
    from lawcheck.match import Hit, clause_spans

    text = "但是情节显著轻微的除外。以暴力劫持航空器的，处十年以上有期徒刑。"
    cue = Hit(text.index("除外"), text.index("除外") + 2, 0, 0, 1.0, "除外")
    assert clause_spans((cue,), text) == ()
    text = "本法不适用于军用航空器，但是……"
    cue = Hit(2, 6, 0, 0, 1.0, "不适用于")
    assert clause_spans((cue,), text) == ((2, text.index("，")),)


def test_funds_that_qualify_an_account_are_no_funds() -> None:
    """« 提供资金帐户 » (providing a funds account, a laundering act of PRC Criminal Law art 191) provides an account."""
    chapeau = "第一条　明知是恐怖活动犯罪的所得，为掩饰、隐瞒其来源和性质，有下列行为之一的，处五年以下有期徒刑：\n"
    assert probe(chapeau + "（一）提供资金帐户的；\n", "zh", "financing-1999:2(1)(b)").status == "missing"
    assert probe("第一条　为恐怖活动提供资金的，处五年以下有期徒刑。\n", "zh", "financing-1999:2(1)(b)").status != "missing"


def test_explain_says_where_a_qualifier_puts_the_words_outside_the_treaty() -> None:
    from conftest import make_bill

    from lawcheck.catalogue import load_catalogue
    from lawcheck.explain import explain

    text = "第一条　以暴力劫持军用航空器的，处十年以上有期徒刑。\n"
    explanation = explain(make_bill(text), load_catalogue(), "hague-1970:1(a)", "zh")
    aircraft = next(e for e in explanation.elements if e.id == "aircraft")
    assert not aircraft.found and [(p.provision, p.kind) for p in aircraft.elsewhere] == [("第一条", "outside")]


def test_how_far_a_carve_out_reaches_is_the_drafting_file_s_choice(tmp_path) -> None:
    """`carve_out_reach` is data: "clause" or "words"; anything else is refused naming the file."""
    import shutil
    from pathlib import Path

    from lawcheck.catalogue import load_catalogue
    from lawcheck.errors import CatalogueError

    root = Path(__file__).resolve().parents[1] / "offences"
    assert load_catalogue(root).drafting["zh"].carve_out_reach == "clause"
    assert load_catalogue(root).drafting["en"].carve_out_reach == "words"
    copy = tmp_path / "offences"
    shutil.copytree(root, copy)
    path = copy / "drafting" / "zh.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("carve_out_reach: clause", "carve_out_reach: sideways"),
                    encoding="utf-8")
    with pytest.raises(CatalogueError, match="zh.yaml"):
        load_catalogue(copy)
