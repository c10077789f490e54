"""Put an :class:`~lawcheck.explain.Explanation` into plain words a lawyer reads, or into JSON.

The renderer decides nothing: every fact comes from the explanation; the sentences are the templates
of ``SAY`` below (data-free English), so they can be reviewed in one place.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap

from lawcheck.explain import ElementExplanation, Explanation, NearMiss, Place

SCHEMA = "lawcheck.explanation/1"
WIDTH = 100

ROLE = {
    "conduct": "the act", "object": "what the act is done with or to", "means": "the means",
    "mental": "the mental element", "circumstance": "a circumstance", "purpose": "the purpose",
    "result": "the result", "target": "the target", "knowledge": "the knowledge required",
}
WHERE_FOUND = {
    "own": "in its own words",
    "chapeau": "in the words that introduce it (the chapeau)",
    "definition": "in the definition of a term it uses",
    "reference": "by reference to the convention",
    "offence": "",
}
KIND = {
    "offence": "another provision that creates an offence, but without the other elements",
    "duty": "a duty of the State, which creates no offence",
    "definition": "a definition, which creates no offence",
    "schedule": "a schedule or preamble, which creates no offence",
    "heading": "a heading, which creates no offence",
    "no-offence": "a provision that creates no offence",
}
NEAR_WHERE = {"own": "", "chapeau": " in its chapeau", "definition": " in a definition it uses", "offence": ""}
LIKENESS = ((90.0, "nearly the same words"), (70.0, "similar words"), (0.0, "not close"))
HOW = {
    "same": "in the same provision",
    "within": "in the same section",
    "refers": "which it names",
    "whole_act": "through its reference to the offences of the Act (or Part)",
    "section": "which another subsection of its section names",
}
SAY = {
    "verdict": "Verdict: {status} (score {score:.2f}){where}.",
    "rests_on": ", resting on {provision}",
    "rule.covered": ("An offence is covered when one provision that creates an offence, read with its chapeau "
                     "and the definitions of the terms it uses, holds every required element. {provision} "
                     "holds them all: {elements}."),
    "rule.partial": ("An offence is partial when such a provision holds the core elements (the act, what it is "
                     "done to, and what sets the offence apart) but misses a required one. {provision} holds "
                     "the core elements but not: {elements}."),
    "rule.missing": ("An offence is missing when no provision that creates an offence holds its core elements. "
                     "The closest, {provision}, lacks the core element(s): {elements}."),
    "rule.no-candidate": ("An offence is missing when no provision that creates an offence holds its core "
                          "elements. No such provision of the bill holds even its first core element ({elements}), "
                          "so none could be judged further."),
    "rule.by-reference": ("{provision} creates the offence by reference to the convention (\u201c{quote}\u201d), "
                          "which covers every offence the convention defines, principal and ancillary. "
                          "Check that the reference is precise enough for the courts."),
    "rule.ancillary-unlinked": ("An ancillary offence (attempt, complicity, organising ...) counts only where "
                                "it extends a provision that criminalises the principal offence. {provision} "
                                "has its words, but extends no such provision."),
    "rule.obligation-unlinked": ("An obligation of a convention that defines offences (jurisdiction, penalties, "
                                 "extradition ...) counts only where it applies to a provision that criminalises "
                                 "one of those offences. {provision} has its words, but applies only to offences "
                                 "that do not implement them."),
    "rule.ancillary-capped": ("An ancillary offence counts only as far as the principal offence it extends. "
                              "{provision} has its words, but the principal offence is itself only {status}."),
    "link": "It extends {offence} ({status}), criminalised in {provision}, {how}.",
    "link.obligation": "It applies to {offence} ({status}), criminalised in {provision}, {how}.",
    "phrases": "Phrases tried ({language}): {phrases}",
    "found": "Found in {provision}{where}: \u201c{quote}\u201d{phrase}.",
    "found.fuzzy": " (spelled nearly as \u201c{phrase}\u201d, {score:.0%})",
    "not_found": "Not found in {provision} or the words read with it.",
    "not_found.none": "Not judged: no provision that creates an offence holds the act of this offence.",
    "near": ("Closest words{where}: \u201c{words}\u201d ({provision}) for \u201c{phrase}\u201d: similarity "
             "{score:.0f}/100, {likeness}."),
    "near.none": "No words of the bill come close to these phrases.",
    "elsewhere": "Appears in {provision}: \u201c{quote}\u201d \u2014 {kind}.",
    "others": "Other provisions considered: {items}.",
    "other": "{provision} ({status}{missing})",
    "decision": "Expert decision{who}: {status} \u2014 {note} (the automatic verdict above stays {automatic}).",
    "decision.changed": "Warning: the text judged on has changed since that decision; review it.",
}


def _wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _found(element: ElementExplanation) -> str:
    place = element.place
    assert place is not None
    fuzzy = SAY["found.fuzzy"].format(phrase=element.phrase, score=element.score) if element.score < 1.0 else ""
    where = f", {WHERE_FOUND[place.kind]}" if WHERE_FOUND.get(place.kind) else ""
    return SAY["found"].format(provision=place.provision, where=where, quote=place.quote, phrase=fuzzy)


def _near(near: NearMiss | None) -> str:
    if near is None:
        return ""
    likeness = next(words for floor, words in LIKENESS if near.score >= floor)
    where = NEAR_WHERE.get(near.kind, "")
    return SAY["near"].format(where=where, words=near.words, provision=near.provision, phrase=near.phrase,
                              score=near.score, likeness=likeness)


def _elsewhere(place: Place) -> str:
    return SAY["elsewhere"].format(provision=place.provision, quote=place.quote, kind=KIND[place.kind])


def _element_lines(number: int, element: ElementExplanation, explanation: Explanation, width: int) -> list[str]:
    need = "required" if element.required else "not required"
    core = ", core" if element.core else ""
    lines = _wrap(f"{number}. {element.id} \u2014 {ROLE.get(element.role, element.role)} ({need}{core})", "  ", width)
    lines += _wrap(SAY["phrases"].format(language=explanation.language, phrases="; ".join(element.phrases)), "     ", width)
    if element.found:
        return lines + _wrap(_found(element), "     ", width)
    provision = explanation.provision
    lines += _wrap(SAY["not_found"].format(provision=provision) if provision else SAY["not_found.none"], "     ", width)
    if element.near_miss is not None:
        lines += _wrap(_near(element.near_miss), "     ", width)
    for place in element.elsewhere:
        lines += _wrap(_elsewhere(place), "     ", width)
    return lines


def _rule_lines(explanation: Explanation, width: int) -> list[str]:
    reference = next((e.place.quote for e in explanation.elements if e.place and e.place.kind == "reference"), "")
    sentence = SAY[f"rule.{explanation.rule}"].format(
        provision=explanation.provision, elements=", ".join(explanation.decisive) or "none",
        quote=reference, status=explanation.status)
    lines = _wrap(sentence, "  ", width)
    link_say = SAY["link.obligation"] if explanation.kind == "obligation" else SAY["link"]
    for link in explanation.links:
        lines += _wrap(link_say.format(offence=link.offence, status=link.status, provision=link.provision,
                                          how=HOW[link.how]), "  ", width)
    if explanation.others:
        items = "; ".join(SAY["other"].format(provision=o.provision, status=o.status,
                                              missing=f", lacks {', '.join(o.missing)}" if o.missing else "")
                          for o in explanation.others)
        lines += _wrap(SAY["others"].format(items=items), "  ", width)
    return lines


def _decision_lines(explanation: Explanation, width: int) -> list[str]:
    decision = explanation.decision
    if decision is None:
        return []
    who = ", ".join(x for x in (decision.by, decision.date) if x)
    lines = ["", *_wrap(SAY["decision"].format(who=f" ({who})" if who else "", status=decision.status,
                                               note=decision.note, automatic=explanation.status), width=width)]
    return lines + (_wrap(SAY["decision.changed"], width=width) if decision.text_changed else [])


def render_explanation(explanation: Explanation, width: int = WIDTH) -> str:
    """The explanation as plain text, wrapped at ``width`` columns (the terminal's, when printed to it)."""
    e = explanation
    where = SAY["rests_on"].format(provision=e.provision) if e.provision else ""
    lines = [*_wrap(f"{e.offence} \u2014 {e.title}", width=width),
             *_wrap(f"{e.instrument_title}, article {e.article} ({e.kind}). {e.summary}", width=width),
             *_wrap(f"Bill: {e.bill} ({e.language})", width=width), "",
             SAY["verdict"].format(status=e.status.upper(), score=e.score, where=where)]
    if e.excerpt:
        lines += _wrap(f"\u201c{e.excerpt}\u201d", "  ", width)
    lines += ["", "Elements:"]
    for number, element in enumerate(e.elements, 1):
        lines += _element_lines(number, element, e, width)
    lines += ["", "How the status followed:", *_rule_lines(e, width), *_decision_lines(e, width)]
    return "\n".join(lines) + "\n"


def render_brief(explanation: Explanation, width: int = WIDTH) -> str:
    """The verdict in a few lines (``explain --brief``): the offence, its status, the provision and the words
    it rests on, the required elements missing, and the report's own sentence why."""
    e = explanation
    lines = [*_wrap(f"{e.offence} ({e.kind}): {e.title}", width=width), f"  status: {e.status} (score {e.score:.2f})"]
    if e.provision:
        lines.append(f"  provision: {e.provision}")
    quotes = list(dict.fromkeys(x.place.quote for x in e.elements if x.found and x.place and x.place.quote))
    if quotes:
        lines += _wrap("words found: " + " \u2026 ".join(f"\u201c{q}\u201d" for q in quotes), "  ", width)
    missing = [x.id for x in e.elements if x.required and not x.found]
    if missing:
        lines += _wrap("elements missing: " + ", ".join(missing), "  ", width)
    if e.reason:
        lines += _wrap(f"why: {e.reason}", "  ", width)
    return "\n".join(lines) + "\n"


def render_explanation_json(explanation: Explanation) -> str:
    data = {"schema": SCHEMA, **dataclasses.asdict(explanation)}
    data.pop("why")  # the facts of "reason", which the JSON states in English
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
