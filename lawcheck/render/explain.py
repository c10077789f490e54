"""Put an :class:`~lawcheck.explain.Explanation` into plain words a lawyer reads, or into JSON.

The renderer decides nothing: every fact comes from the explanation; the sentences are the templates of
``explain.*`` and ``why.*`` in ``render/labels/<lang>.yaml``, one file per language, reviewed in one place.
"""

from __future__ import annotations

import dataclasses
import json
import textwrap

from lawcheck.explain import ElementExplanation, Explanation, NearMiss, Place
from lawcheck.models import Catalogue
from lawcheck.render.common import short_name, wide
from lawcheck.render.i18n import Labels

SCHEMA = "lawcheck.explanation/1"
WIDTH = 100

LIKENESS = ((90.0, "nearly"), (70.0, "similar"), (0.0, "far"))  # similarity floors of explain.likeness.*


class _Say:
    """The explanation's words in one language: the sentences of ``explain.*`` in ``render/labels/<lang>.yaml``
    (reviewed in one place), the status words, and, with the checklist, its titles and element labels."""

    def __init__(self, language: str, catalogue: Catalogue | None, explanation: Explanation) -> None:
        self.labels = Labels(language)
        self.language = language
        self.offence = None
        if catalogue is not None:
            try:
                self.offence = catalogue.offence(explanation.offence)
            except KeyError:
                self.offence = None
        self.catalogue = catalogue

    def __call__(self, key: str, **values: object) -> str:
        return self.labels(f"explain.{key}", **values)

    def status(self, status: str) -> str:
        return self.labels(f"status.{status}") if status else status

    def element(self, element_id: str) -> str:
        element = self.offence.element(element_id) if self.offence is not None else None
        return element.label_in(self.language) if element is not None else element_id

    def entry(self, offence_id: str) -> str:
        """Another entry as people name it ("Hague Convention (1970), art. 1(a)"); its id without the checklist."""
        try:
            offence = self.catalogue.offence(offence_id) if self.catalogue is not None else None
        except KeyError:
            offence = None
        if offence is None:
            return offence_id
        return self.labels("html.chip", instrument=short_name(self.catalogue, offence.instrument, self.language),
                           article=offence.article)

    def title(self, e: Explanation) -> tuple[str, str, str]:
        """The entry's title, its instrument's title and its summary in the language (as given without the
        checklist)."""
        if self.offence is None or self.catalogue is None:
            return e.title, e.instrument_title, e.summary
        instrument = self.catalogue.instruments.get(e.instrument)
        return (self.offence.title_in(self.language),
                instrument.title_in(self.language) if instrument else e.instrument_title,
                self.offence.summary_in(self.language).strip() or e.summary)


def _wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    """``text`` in lines of ``width`` columns; a full-width (Chinese) character takes two, so such a text is
    wrapped at fewer characters."""
    columns = sum(2 if wide(c) else 1 for c in text)
    if columns > len(text) and width < UNWRAPPED:
        width = max(20, width * len(text) // columns)
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent + "  ") or [indent]


def _found(element: ElementExplanation, say: _Say) -> str:
    place = element.place
    assert place is not None
    fuzzy = " " + say("found_fuzzy", phrase=element.phrase, score=f"{element.score:.0%}") if element.score < 1.0 else ""
    kind = place.kind if place.kind in ("own", "chapeau", "definition", "reference") else ""
    where = say.labels.separator("punct.clause") + say(f"where_found.{kind}") if kind else ""
    return say("found", provision=place.provision, where=where, quote=place.quote, phrase=fuzzy)


def _near(near: NearMiss | None, say: _Say) -> str:
    if near is None:
        return ""
    likeness = next(key for floor, key in LIKENESS if near.score >= floor)
    near_where = near.kind in ("chapeau", "definition")
    where = say.labels.separator("punct.then") + say(f"near_where.{near.kind}") if near_where else ""
    return say("near", where=where, words=near.words, provision=near.provision, phrase=near.phrase,
               score=f"{near.score:.0f}", likeness=say(f"likeness.{likeness}"))


def _elsewhere(place: Place, say: _Say) -> str:
    return say("elsewhere", provision=place.provision, quote=place.quote, kind=say(f"place.{place.kind}"))


def _element_lines(number: int, element: ElementExplanation, explanation: Explanation, width: int,
                   say: _Say) -> list[str]:
    need = say("required") if element.required else say("not_required")
    core = say("core") if element.core else ""
    role = say(f"role.{element.role}") if f"explain.role.{element.role}" in say.labels.keys() else element.role
    heading = say.labels("punct.aside", first=say.labels("punct.dash", first=say.element(element.id), second=role), second=need + core)
    lines = _wrap(f"{number}. {heading}", "  ", width)
    lines += _wrap(say("phrases", language=say.labels.language_name(explanation.language),
                       phrases=say.labels.join(element.phrases, "punct.series")), "     ", width)
    if element.found:
        return lines + _wrap(_found(element, say), "     ", width)
    provision = explanation.provision
    lines += _wrap(say("not_found", provision=provision) if provision else say("not_found_none"), "     ", width)
    if element.near_miss is not None:
        lines += _wrap(_near(element.near_miss, say), "     ", width)
    for place in element.elsewhere:
        lines += _wrap(_elsewhere(place, say), "     ", width)
    return lines


def _rule_lines(explanation: Explanation, width: int, say: _Say) -> list[str]:
    reference = next((e.place.quote for e in explanation.elements if e.place and e.place.kind == "reference"), "")
    sentence = say(f"rule.{explanation.rule}", provision=explanation.provision,
                   elements=say.labels.join(say.element(i) for i in explanation.decisive) or say("none"), quote=reference,
                   status=say.status(explanation.status))
    lines = _wrap(sentence, "  ", width)
    link_key = "link_obligation" if explanation.kind == "obligation" else "link"
    for link in explanation.links:
        lines += _wrap(say(link_key, offence=say.entry(link.offence), status=say.status(link.status), provision=link.provision,
                           how=say(f"link_how.{link.how}")), "  ", width)
    if explanation.others:
        items = say.labels.join((say("other", provision=o.provision, status=say.status(o.status),
                              missing=say("other_lacks", elements=say.labels.join(say.element(i) for i in o.missing)) if o.missing else "")
                          for o in explanation.others), "punct.series")
        lines += _wrap(say("others", items=items), "  ", width)
    return lines


def _decision_lines(explanation: Explanation, width: int, say: _Say) -> list[str]:
    decision = explanation.decision
    if decision is None:
        return []
    who = say.labels.join(x for x in (decision.by, decision.date) if x)
    lines = ["", *_wrap(say("decision", who=f" ({who})" if who else "", status=say.status(decision.status),
                            note=decision.note, automatic=say.status(explanation.status)), width=width)]
    return lines + (_wrap(say("decision_changed"), width=width) if decision.text_changed else [])


def render_explanation(explanation: Explanation, width: int = WIDTH, language: str = "en",
                       catalogue: Catalogue | None = None) -> str:
    """The explanation as plain text, wrapped at ``width`` columns (the terminal's, when printed to it), in
    ``language``; with the ``catalogue``, the entry's title and summary are in that language too."""
    e = explanation
    say = _Say(language, catalogue, e)
    title, instrument_title, summary = say.title(e)
    where = say("rests_on", provision=e.provision) if e.provision else ""
    lines = [*_wrap(say.labels("punct.dash", first=e.offence, second=title), width=width),
             *_wrap(say("header", instrument=instrument_title, article=e.article, kind=say(f"kind.{e.kind}"),
                        summary=summary), width=width),
             *_wrap(say("bill", bill=e.bill, language=say.labels.language_name(e.language)), width=width), "",
             say("verdict", status=say.status(e.status).upper(), score=say.labels.decimal(e.score), where=where)]
    if e.excerpt:
        lines += _wrap(say.labels("punct.quote", first=e.excerpt), "  ", width)
    lines += ["", say("elements")]
    for number, element in enumerate(e.elements, 1):
        lines += _element_lines(number, element, e, width, say)
    lines += ["", say("how"), *_rule_lines(e, width, say), *_decision_lines(e, width, say)]
    return "\n".join(lines) + "\n"


def reason(explanation: Explanation, language: str = "en", catalogue: Catalogue | None = None) -> str:
    """The report's sentence why, said in ``language`` from the verdict's facts (:class:`~lawcheck.models.Why`);
    the English ``reason`` when the explanation carries no facts."""
    why = explanation.why
    if why is None or (language == "en" and catalogue is None):  # the element labels need the checklist
        return explanation.reason
    say = _Say(language, catalogue, explanation).labels
    elements = say.join(_Say(language, catalogue, explanation).element(i) for i in why.elements)
    if why.rule == "none":
        sentence = say("why.none_obligation" if why.obligation else "why.none")
    elif why.rule == "closest":
        sentence = say("why.closest", provision=why.provision, elements=elements or say("why.core_elements"))
    else:
        sentence = say(f"why.{why.rule.replace('-', '_')}", provision=why.provision, other=why.other,
                       elements=elements, quote=why.quote)
    return sentence + (" " + say("why.extraterritorial") if why.extraterritorial else "")


def render_brief(explanation: Explanation, width: int = WIDTH, language: str = "en",
                 catalogue: Catalogue | None = None) -> str:
    """The verdict in a few lines (``explain --brief``): the offence, its status, the provision and the words
    it rests on, the required elements missing, and the report's own sentence why, in ``language``."""
    e = explanation
    say = _Say(language, catalogue, e)
    title = say.title(e)[0]
    lines = [*_wrap(say.labels.colon(say.labels("punct.aside", first=e.offence, second=say(f"kind.{e.kind}"))) + title,
                   width=width),
             "  " + say("brief_status", status=say.status(e.status), score=say.labels.decimal(e.score))]
    if e.provision:
        lines.append("  " + say("brief_provision", provision=e.provision))
    quotes = list(dict.fromkeys(x.place.quote for x in e.elements if x.found and x.place and x.place.quote))
    if quotes:
        lines += _wrap(say("brief_words", words=" \u2026 ".join(say.labels("punct.quote", first=q) for q in quotes)), "  ", width)
    missing = [say.element(x.id) for x in e.elements if x.required and not x.found]
    if missing:
        lines += _wrap(say("brief_missing", elements=say.labels.join(missing)), "  ", width)
    why = reason(e, language, catalogue)
    if why:
        lines += _wrap(say("brief_why", reason=why), "  ", width)
    return "\n".join(lines) + "\n"


UNWRAPPED = 10**6  # a width no sentence reaches: one sentence a line, for the web page


def titles(explanation: Explanation, language: str, catalogue: Catalogue | None) -> tuple[str, str, str]:
    """The entry's title, its instrument's title and its summary in ``language``."""
    return _Say(language, catalogue, explanation).title(explanation)


def element_label(explanation: Explanation, element_id: str, language: str, catalogue: Catalogue | None) -> str:
    """An element's words for people in ``language`` (its id without the checklist)."""
    return _Say(language, catalogue, explanation).element(element_id)


def role(name: str, language: str) -> str:
    """An element's role ("the act", "the means") in ``language``."""
    labels = Labels(language)
    return labels(f"explain.role.{name}") if f"explain.role.{name}" in labels.keys() else name


def element_sentences(explanation: Explanation, element: ElementExplanation, language: str,
                      catalogue: Catalogue | None) -> list[str]:
    """What the full view says of one element (phrases tried, where found or the closest words, where else it
    appears), one sentence a line, unwrapped: for the web page."""
    say = _Say(language, catalogue, explanation)
    return [line.strip() for line in _element_lines(0, element, explanation, UNWRAPPED, say)[1:]]


def rule_sentences(explanation: Explanation, language: str, catalogue: Catalogue | None) -> list[str]:
    """How the status followed, one sentence a line, unwrapped: for the web page."""
    return [line.strip() for line in _rule_lines(explanation, UNWRAPPED, _Say(language, catalogue, explanation))]


def render_explanation_json(explanation: Explanation) -> str:
    data = {"schema": SCHEMA, **dataclasses.asdict(explanation)}
    data.pop("why")  # the facts of "reason", which the JSON states in English
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
