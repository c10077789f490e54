"""What the Word, HTML and annotated-bill renderers share: report options, quoted evidence, marks.

Nothing here decides a verdict: it cuts the bill's text at the character offsets the report carries.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import hashlib
import io
import os
import re
import unicodedata
from dataclasses import dataclass

from lawcheck.models import Catalogue, OffenceResult, ProvisionRef, Report
from lawcheck.render.i18n import Labels, report_languages

EXCERPT_LIMIT = 900  # characters of a provision quoted in a finding before it is cut around the matches
EXCERPT_MARGIN = 160
SHORT_QUOTE = 240  # characters of the national words quoted in a concordance row
SHORT_MARGIN = 60  # of them, before the first matched word when the provision is longer
ARTICLES_SHOWN = 5  # articles listed per instrument in the executive summary's recommendations
COUNT_NAMES = ("provisions", "words", "entries", "instruments", "covered", "partial", "missing")


@dataclass(frozen=True)
class ReportOptions:
    """How a report is rendered (not what it says)."""

    language: str = ""  # report language; "" = the bill's language
    date: str = ""  # ISO date on the cover; "" = today (or SOURCE_DATE_EPOCH)
    template: str | None = None  # a .docx/.dotx whose styles, header and logo the Word report uses
    paper: str = ""  # Word report: "a4" or "letter"; "" = A4, or the template's own size
    party_to: tuple[str, ...] | None = None  # instruments the State is party to or means to join; None = not said

    def report_language(self, report: Report) -> str:
        from lawcheck.render.i18n import report_language

        return self.language or report_language(report.bill.language)

    def report_date(self) -> str:
        if self.date:
            return self.date
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        if epoch.isdigit():
            return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date().isoformat()
        return _dt.date.today().isoformat()


@dataclass(frozen=True)
class Excerpt:
    """A provision quoted with the matched words marked: ``segments`` are (text, marked) pairs."""

    label: str
    segments: tuple[tuple[str, bool], ...]
    cut_before: bool
    cut_after: bool


def evidence_spans(result: OffenceResult) -> list[tuple[int, int]]:
    """The character spans of the elements found, in text order, without duplicates."""
    spans = {(m.start, m.end) for m in result.elements if m.found and 0 <= m.start < m.end}
    return sorted(spans)


def marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[tuple[str, bool], ...]:
    """``text[start:end]`` cut into (piece, marked) pairs by the (clipped, merged) spans."""
    pieces: list[tuple[str, bool]] = []
    cursor = start
    for span_start, span_end in _merge(spans):
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end or span_end <= cursor:
            continue
        span_start = max(span_start, cursor)
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        pieces.append((text[cursor:end], False))
    return tuple(pieces)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def excerpt(text: str, result: OffenceResult, limit: int = EXCERPT_LIMIT) -> Excerpt | None:
    """The first provision the result relies on, its matched words marked; long ones cut around them."""
    if not result.provisions:
        return None
    provision = result.provisions[0]
    start, end = max(0, provision.start), min(len(text), provision.end)
    spans = [s for s in evidence_spans(result) if s[0] < end and s[1] > start]
    if end - start > limit:
        first = min((s[0] for s in spans), default=start)
        last = max((s[1] for s in spans), default=start)
        window_start = max(start, first - EXCERPT_MARGIN)
        window_end = min(end, max(last + EXCERPT_MARGIN, window_start + limit))
        start, end = _word_edge(text, window_start, start, -1), _word_edge(text, window_end, end, 1)
        cut_before, cut_after = start > provision.start, end < provision.end
    else:
        cut_before = cut_after = False
    return Excerpt(provision.label, marked(text, start, end, spans), cut_before, cut_after)


def _word_edge(text: str, position: int, bound: int, step: int) -> int:
    """Move ``position`` to a word boundary (towards the inside of the excerpt), never past ``bound``."""
    while position != bound and 0 < position < len(text) and not text[position - 1].isspace():
        position -= step
    return position


def innermost(provisions: tuple[ProvisionRef, ...]) -> tuple[ProvisionRef, ...]:
    """The provisions without those that contain another of them: "Section 8(1)(a)", not also "Section 8(1)".

    A provision contains another when the other's path extends its own (or, for provisions without a path,
    when the other's span lies inside its span). Order and duplicates: first occurrence kept."""
    kept: list[ProvisionRef] = []
    for provision in provisions:
        if any(other is not provision and _contains(provision, other) for other in provisions):
            continue
        if all((k.label, k.start, k.end) != (provision.label, provision.start, provision.end) for k in kept):
            kept.append(provision)
    return tuple(kept)


def _contains(outer: ProvisionRef, inner: ProvisionRef) -> bool:
    if outer.path and inner.path:
        return len(inner.path) > len(outer.path) and inner.path[:len(outer.path)] == outer.path
    return (outer.start, outer.end) != (inner.start, inner.end) and outer.start <= inner.start \
        and inner.end <= outer.end


def wide(character: str) -> bool:
    """Whether a character is full-width (Chinese): it takes two columns of a terminal, twice a letter's room."""
    return unicodedata.east_asian_width(character) in ("W", "F")


def provision_labels(result: OffenceResult, separator: str = ", ") -> str:
    """The labels of the innermost provisions a result relies on, comma-separated ("" when none), or separated
    by the report language's ``separator`` ("、")."""
    return separator.join(p.label for p in innermost(result.provisions))


def short_quote(text: str, result: OffenceResult, limit: int = SHORT_QUOTE) -> str:
    """The words of the first innermost provision relied on, on one line; a long one cut at word edges to
    about ``limit`` characters starting a little before the first matched word, with "…" where cut."""
    provisions = innermost(result.provisions)
    if not provisions:
        return ""
    provision = provisions[0]
    start, end = max(0, provision.start), min(len(text), provision.end)
    if start >= end:
        return ""
    cut_start, cut_end = start, end
    if end - start > limit:
        first = min((s for s, e in evidence_spans(result) if start <= s < end), default=start)
        cut_start = max(start, min(first - SHORT_MARGIN, end - limit))
        cut_start = _word_edge(text, cut_start, start, -1)
        cut_end = _word_edge(text, min(end, cut_start + limit), end, 1)
        if cut_end <= cut_start:  # one word longer than the limit
            cut_end = min(end, cut_start + limit)
    words = " ".join(text[cut_start:cut_end].split())
    return ("… " if cut_start > start else "") + words + (" …" if cut_end < end else "")


def checklist_version(catalogue: Catalogue) -> str:
    """A short fingerprint of the checklist's content (changes whenever an entry changes)."""
    digest = hashlib.sha256()
    for instrument in sorted(catalogue.instruments):
        digest.update(repr(catalogue.instruments[instrument]).replace(catalogue.directory, "").encode())
    for offence in catalogue.offences:
        digest.update(repr(offence).replace(catalogue.directory, "").encode())
    return digest.hexdigest()[:12]


def instrument_title(catalogue: Catalogue, instrument: str, language: str = "en") -> str:
    found = catalogue.instruments.get(instrument)
    return found.title_in(language) if found else instrument


def short_name(catalogue: Catalogue, instrument: str, language: str = "en") -> str:
    """A short name for people ("Hague Convention (1970)"): the shortest of the instrument's short names in
    ``language`` that is not an acronym, with its year when the name lacks one; its title otherwise."""
    found = catalogue.instruments.get(instrument)
    if found is None:
        return instrument
    names = [n for n in found.short_names.get(language, ())[1:] if not _acronym(n)]
    name = min(names, key=len) if names else found.title_in(language)
    year = next((part for part in instrument.split("-") if len(part) == 4 and part.isdigit()), "")
    if not year or year in name:
        return name
    if language in report_languages():  # the year in the language's brackets: "海牙公约（1970）"
        return Labels(language)("punct.aside", first=name, second=year)
    return f"{name} ({year})"


def _acronym(name: str) -> bool:
    """Whether ``name`` is an acronym ("CPPNM"), or holds an English one amid another script ("2005年SUA议定书")."""
    letters = [c for c in name if c.isalpha()]
    if sum(c.isupper() for c in letters) * 2 > len(letters):
        return True
    latin = [c for c in letters if c.isascii()]
    return len(latin) < len(letters) and bool(re.search(r"[A-Z]{2,}", name))


_TITLE_WORDS = ("bill", "act", "law", "ordinance", "decree", "proclamation", "code", "loi", "projet", "décret",
                "ordonnance", "code", "ley", "proyecto", "anteproyecto", "decreto", "código", "закон", "закона",
                "законопроект", "проект", "кодекс", "указ")


def bill_title(title: str, text: str, lines: int = 12) -> str:
    """The bill's title for a report: the reader's title when it names a bill or act, else the first of the
    text's first ``lines`` non-empty lines that does ("COUNTER-TERRORISM (OFFENCES) BILL, 2025" rather than
    "REPUBLIC OF MERIDIA"), else the reader's title."""
    def titled(line: str) -> bool:
        words = {w.strip("(),.;:—-").lower() for w in line.split()}
        return bool(words & set(_TITLE_WORDS)) and len(line) <= 200

    if titled(title):
        return title
    raw = text.splitlines()[:200]
    seen = 0
    for number, line in enumerate(raw):
        if not line.strip():
            continue
        seen += 1
        if seen > lines:
            break
        if titled(line) and len(line.split()) > 1:
            parts = [line.strip()]
            for following in raw[number + 1:number + 3]:  # "PROJET DE LOI" / "relatif à ..." on the next line
                if not following.strip() or not following.strip()[0].islower():
                    break
                parts.append(following.strip())
            return " ".join(" ".join(parts).split())[:200]
    return title


def localise(report: Report, catalogue: Catalogue, language: str) -> Report:
    """The report in words for people of ``language``: entry titles, and element labels in place of element
    ids (in the elements found and in the list of those missing). Renderers show this; verdicts are unchanged."""
    results = []
    for result in report.results:
        try:
            offence = catalogue.offence(result.id)
        except KeyError:
            results.append(result)
            continue
        labels = {element.id: element.label_in(language) for element in offence.elements}  # an unknown id stays
        elements = tuple(dataclasses.replace(m, element=labels.get(m.element, m.element)) for m in result.elements)
        results.append(dataclasses.replace(
            result, title=offence.title_in(language), elements=elements,
            missing=tuple(labels.get(i, i) for i in result.missing),
            wider=tuple(labels.get(i, i) for i in result.wider)))
    return dataclasses.replace(report, results=tuple(results))


def model_provision(catalogue: Catalogue, result: OffenceResult, languages: tuple[str, ...]) -> str:
    """The checklist's model provision in the first of ``languages`` it has ("" when the entry is unknown)."""
    try:
        offence = catalogue.offence(result.id)
    except KeyError:
        return ""
    return next((offence.model_provision[lang] for lang in languages if offence.model_provision.get(lang)), "")


def summary_of(catalogue: Catalogue, result: OffenceResult, language: str = "en") -> str:
    try:
        return catalogue.offence(result.id).summary_in(language).strip()
    except KeyError:
        return ""


def counted(labels, **numbers: int) -> dict[str, object]:  # noqa: ANN001 - a Labels
    """The numbers, and each as ``n_<name>`` from label ``count.<name>``: the number with its noun in the form
    that agrees with it ("1 provision", "0 couverte", "2 entradas"; the bare number in a language whose
    sentences put a label before each number), for sentences that hold several numbers."""
    values: dict[str, object] = dict(numbers)
    known = labels.keys()
    for name, number in numbers.items():
        if f"count.{name}" in known:
            values[f"n_{name}"] = labels(f"count.{name}", count=number)
    return values


def article_count(results) -> int:  # noqa: ANN001 - OffenceResults
    """How many articles ``results`` come from (a recommendation says "article" or "articles")."""
    return len(dict.fromkeys(r.article for r in results))


def scope_reasons(report: Report, party_to: tuple[str, ...] | None, names: dict[str, str], labels) -> str:  # noqa: ANN001
    """Why each instrument was checked, in the report's language ("" when the State's instruments are not
    given): those the State is party to (or means to join), then the others."""
    if party_to is None:
        return ""
    party = [names[i] for i in report.instruments if i in party_to]
    other = [names[i] for i in report.instruments if i not in party_to]
    parts = []
    if party:
        parts.append(labels("scope.party", count=len(party), names=labels.join(party)))
    if other:
        parts.append(labels("scope.not_party", count=len(other), names=labels.join(other)))
    return labels.separator("punct.then").join(parts)


FIXED_MODIFIED = "2000-01-01T00:00:00Z"  # the modification date of a workbook, whatever the time of saving


def fixed_zip(data: bytes, modified: str | None = None) -> bytes:
    """The same Office archive (.docx, .xlsx) with every entry dated 1980-01-01 and, with ``modified``, the
    document's modification date set to it (openpyxl stamps the time of saving), so that one input gives the
    same bytes."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if modified and info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + modified.encode(), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()
