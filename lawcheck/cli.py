"""The command line: parses options, calls the library, picks a renderer, maps the result to an exit code.

Exit codes: 0 done; 1 gaps found under ``--fail-on``; 2 bad input or usage (one line on stderr naming
the file and what to do, never a traceback).
"""

from __future__ import annotations

import dataclasses
import gc
import sys
from pathlib import Path

import click

from lawcheck import __version__
from lawcheck.models import LANGUAGES, UN_LANGUAGES

FORMATS = ("text", "json")
SUFFIX_FORMATS = {".json": "json", ".txt": "text"}
DOCUMENT_FORMATS = ("docx", "html")  # reports written only to a file: Word and HTML
DOCUMENT_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html"}
CONCORDANCE_FORMATS = ("csv", "xlsx")  # the concordance table alone, for the assessor to edit
CONCORDANCE_SUFFIXES = {".csv": "csv", ".xlsx": "xlsx"}
REPORT_LANGUAGES = UN_LANGUAGES  # --report-lang: a report can be written in any of the six UN languages
# Objects allocated between two passes of the cyclic garbage collector's youngest generation (Python's default:
# 700). A run builds what it keeps (spaCy's modules, the checklist, the bill's tokens and findings) and makes
# little cyclic garbage: at 700 the collector took about 0.14 s of a short bill's 1.6 s re-scanning those (once
# the whole checklist again), at 20,000 about 0.05 s. Same output and peak memory on 200,000 words. mypy raises
# it too (to 200,000).
GC_YOUNG_THRESHOLD = 20_000


class Failure(click.ClickException):
    """One line on stderr and exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"lawcheck: {self.format_message()}", err=True)


def _guard(function, *args, **kwargs):  # noqa: ANN001, ANN202
    """Call the library; turn its errors into a Failure (never a traceback)."""
    from lawcheck.errors import LawcheckError

    try:
        return function(*args, **kwargs)
    except LawcheckError as error:
        raise Failure(str(error)) from None
    except MemoryError:
        raise Failure("out of memory while reading the bill; split it into smaller files") from None


def _catalogue(offences: str | None):
    from lawcheck.catalogue import load_catalogue

    return _guard(load_catalogue, offences)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawcheck")
def cli() -> None:
    """lawcheck: does a draft law incorporate what the universal counter-terrorism instruments require?

    \b
    Example:
      lawcheck check my-bill.docx
      lawcheck check my-bill.docx --format json -o report.json
    """


def _format_for(output: str | None, fmt: str | None, suffixes: dict[str, str], needs_file: tuple[str, ...] = ()) -> str:
    """The output format: as given, else from the -o file's extension, else text. Some formats need -o."""
    if fmt is None and output is not None:
        fmt = suffixes.get(Path(output).suffix.lower())
        if fmt is None:
            known = ", ".join(sorted(suffixes))
            raise Failure(f"{output}: cannot tell the format from the extension; use {known} or --format")
    fmt = fmt or "text"
    if fmt in needs_file and output is None:
        raise Failure(f"the {fmt} output needs a file: add -o with a .{fmt} name")
    return fmt


def _output_format(output: str | None, fmt: str | None) -> str:
    return _format_for(output, fmt, SUFFIX_FORMATS)


def _progress_bar(enabled: bool):  # noqa: ANN202
    if not enabled:
        return None, None
    from rich.progress import Progress

    from rich.console import Console

    bar = Progress(transient=True, console=Console(stderr=True))
    task = bar.add_task("checking offences", total=None)
    return bar, lambda done, total: bar.update(task, completed=done, total=total)


@cli.command()
@click.argument("bill", type=click.Path(dir_okay=True, path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str), help="Write the report to this file (format from its extension).")
@click.option("--format", "fmt", type=click.Choice(FORMATS + DOCUMENT_FORMATS + CONCORDANCE_FORMATS),
              help="Report format (default: text, or from -o); docx, html and xlsx need -o; csv and xlsx are "
                   "the concordance table alone.")
@click.option("--instrument", "instruments", multiple=True, metavar="ID", help="Check only this instrument (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The bill's language (default: detected).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
@click.option("--fail-on", type=click.Choice(["partial", "missing"]), help="Exit 1 when a result is this bad or worse.")
@click.option("--decisions", type=click.Path(path_type=str),
              help="Apply an expert's decisions (YAML, see 'lawcheck decide'); default: lawcheck-decisions.yaml "
                   "beside the bill, when there is one.")
@click.option("--no-decisions", is_flag=True, help="Ignore a lawcheck-decisions.yaml beside the bill.")
@click.option("--template", type=click.Path(path_type=str), metavar="FILE.docx",
              help="Word report: use this .docx/.dotx's styles, header and logo.")
@click.option("--paper", type=click.Choice(["a4", "letter"]),
              help="Word report: paper size (default: A4, or the template's own).")
@click.option("--report-lang", type=click.Choice(REPORT_LANGUAGES),
              help="Language of the report's own words, at the terminal and in the Word/HTML/text report "
                   "(default: the bill's).")
@click.option("--show", type=click.Choice(["gaps", "all"]), default="gaps", show_default=True,
              help="Terminal: list only the gaps (covered entries are counted) or every entry.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["principal", "ancillary", "obligation"]),
              help="Only these kinds of entries (repeatable), in the terminal and for --fail-on.")
@click.option("--summary", "summary_only", is_flag=True, help="Terminal: only the table of instruments.")
@click.option("--scores", is_flag=True, help="Terminal: show the score of missing verdicts too.")
@click.option("--party-to", "party_to", metavar="ID,...|FILE",
              help="Word/HTML report: the instruments the State is party to or means to join (ids, comma-separated, "
                   "or a file with one id a line); the report says why each instrument was checked and puts "
                   "their gaps first.")
def check(bill: str, output: str | None, fmt: str | None, instruments: tuple[str, ...], lang: str | None,
          offences: str | None, fail_on: str | None, decisions: str | None, template: str | None,
          report_lang: str | None, show: str, kinds: tuple[str, ...], summary_only: bool, scores: bool,
          no_decisions: bool, paper: str | None = None, party_to: str | None = None) -> None:
    """Check BILL (.txt, .docx, .pdf, .html, Akoma Ntoso .xml) against the checklist.

    \b
    Examples:
      lawcheck check samples/en/counter-terrorism-bill.txt
      lawcheck check bill.txt --summary
      lawcheck check bill.txt --show all --kind principal
      lawcheck check bill.docx --instrument hague-1970 --format json -o report.json
      lawcheck check bill.pdf --fail-on missing --kind principal
      lawcheck check bill.docx --decisions lawcheck-decisions.yaml
      lawcheck check bill.docx -o report.docx --report-lang fr --template our-letterhead.dotx
      lawcheck check bill.pdf -o report.html
      lawcheck check bill.docx -o concordance.xlsx --report-lang fr
      lawcheck check bill.docx -o report.docx --party-to hague-1970,hostages-1979,financing-1999
    """
    from lawcheck.pipeline import check_file

    fmt = _check_format(output, fmt, template)
    catalogue = _catalogue(offences)
    decisions = decisions or (None if no_decisions else _beside(bill))
    expert = _decisions(decisions, catalogue)
    parties = _party_to(party_to, catalogue)
    if fmt in DOCUMENT_FORMATS + CONCORDANCE_FORMATS:
        report = _document_report(bill, fmt, output, catalogue, (lang, instruments, expert), template, report_lang,
                                  decisions if expert else "", paper=paper or "", party_to=parties)
        _warn(report, fmt, output)
        _wrote(report, output, fmt)
        _exit_on(report.results, fail_on, kinds)
        return
    bar, progress = _progress_bar(fmt == "text" and output is None and sys.stderr.isatty())
    if bar:
        with bar:
            report = _guard(check_file, bill, catalogue, lang, instruments, progress, expert)
    else:
        report = _guard(check_file, bill, catalogue, lang, instruments, None, expert)
    if expert:
        report = dataclasses.replace(report, decisions_file=str(decisions))
    from lawcheck.render.view import View

    language = report_lang or _report_language(report.bill.language)
    _emit(report, fmt, output, catalogue, View(show, kinds, summary_only, scores, language))
    _warn(report, fmt, output)
    _wrote(report, output, fmt)
    _exit_on(report.results, fail_on, kinds)


def _report_language(language: str | None) -> str:
    from lawcheck.render.i18n import report_language

    return report_language(language)


def _check_format(output: str | None, fmt: str | None, template: str | None) -> str:
    fmt = _format_for(output, fmt, {**SUFFIX_FORMATS, **DOCUMENT_SUFFIXES, **CONCORDANCE_SUFFIXES},
                      needs_file=(*DOCUMENT_FORMATS, "xlsx"))
    if template and fmt != "docx":
        raise Failure(f"{template}: --template applies to the Word report only; add -o report.docx")
    return fmt


def _party_to(value: str | None, catalogue) -> tuple[str, ...] | None:  # noqa: ANN001 - a Catalogue
    """The ids of ``--party-to``: comma-separated, or a file with one id a line ("#" starts a comment)."""
    if value is None:
        return None
    path = Path(value)
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise Failure(f"{value}: --party-to file cannot be read ({error})") from None
        ids = [line.split("#", 1)[0].strip() for line in text.splitlines()]
    else:
        ids = [part.strip() for part in value.split(",")]
    ids = list(dict.fromkeys(i for i in ids if i))
    unknown = [i for i in ids if i not in catalogue.instruments]
    if unknown:
        raise Failure(f"--party-to: unknown instrument {unknown[0]!r}; the checklist has: "
                      f"{', '.join(sorted(catalogue.instruments))}")
    if not ids:
        raise Failure(f"--party-to: no instrument given in {value!r}")
    return tuple(ids)


def _beside(bill: str) -> str | None:
    """The lawcheck-decisions.yaml in the bill's folder, if there is one."""
    from lawcheck.decisions import default_path

    found = default_path(bill)
    return str(found) if found.is_file() else None


def _document_report(bill: str, fmt: str, output: str, catalogue, check_args: tuple,  # noqa: ANN001
                     template: str | None, report_lang: str | None, decisions_file: str = "",  # noqa: ANN202
                     paper: str = "", party_to: tuple[str, ...] | None = None):
    """Check the bill, render the Word or HTML report (or the concordance) in memory, then write it atomically."""
    from lawcheck.pipeline import check_bill
    from lawcheck.render.common import ReportOptions

    lang, instruments, expert = check_args
    source = _read(bill)
    report = _guard(check_bill, source, catalogue, lang, instruments, None, expert)
    report = dataclasses.replace(report, decisions_file=decisions_file)
    options = ReportOptions(language=report_lang or "", template=template, paper=paper, party_to=party_to)
    if fmt == "docx":
        from lawcheck.render.docx import render_docx

        data: str | bytes = _guard(render_docx, report, catalogue, source.text, options)
    elif fmt in CONCORDANCE_FORMATS:
        data = _concordance(fmt, report, catalogue, source.text, options, bom=output is not None)
    else:
        from lawcheck.render.html import render_html

        data = _guard(render_html, report, catalogue, source.text, options)
    _deliver(data, output)
    return report


def _concordance(fmt: str, report, catalogue, text: str, options, bom: bool = True) -> str | bytes:  # noqa: ANN001
    from lawcheck.render import concordance

    if fmt == "csv":
        return _guard(concordance.render_concordance_csv, report, catalogue, text, options, bom)
    try:
        import openpyxl  # noqa: F401 - an optional extra
    except ImportError:
        raise Failure("writing .xlsx needs openpyxl, which is not installed: pip install 'lawcheck[xlsx]' "
                      "(or use -o concordance.csv)") from None
    return _guard(concordance.render_concordance_xlsx, report, catalogue, text, options)


def _exit_on(results, fail_on: str | None, kinds: tuple[str, ...] = ()) -> None:  # noqa: ANN001 - OffenceResults
    """Exit 1 when a mandatory entry (of the ``--kind`` kinds, if given) is as bad as ``--fail-on`` asks, or
    worse. Optional entries ("may", "shall consider") never fail a pipeline."""
    if fail_on and not results:  # nothing judged is no finding of compliance: a pipeline must not pass on it
        click.echo("lawcheck: --fail-on: nothing could be judged, so the bill cannot pass", err=True)
        sys.exit(1)
    counted = [r for r in results if not r.optional and (not kinds or r.kind in kinds)]
    if fail_on and any(r.status == "missing" or (fail_on == "partial" and r.status == "partial") for r in counted):
        sys.exit(1)


def _wrote(report, output: str | None, fmt: str) -> None:  # noqa: ANN001
    """One line on stderr when a report was written to a file: what, where, and the counts."""
    if output is None:
        return
    if not report.results:  # "0 missing of 0 entries" would read as no gap
        click.echo(f"lawcheck: wrote the {fmt} report to {output}: nothing was judged (no checklist entry could "
                   "be checked against this bill)", err=True)
        return
    counts = report.summary()
    click.echo(f"lawcheck: wrote the {fmt} report to {output}: {counts['covered']} covered, {counts['partial']} "
               f"partial, {counts['missing']} missing of {len(report.results)} entries", err=True)


def _warn(report, fmt: str, output: str | None) -> None:  # noqa: ANN001
    """Repeat the report's warnings on stderr when the report itself is not shown as text."""
    if fmt == "text" and output is None:
        return
    for warning in report.warnings:
        click.echo(f"lawcheck: warning: {report.bill.path}: {warning}", err=True)


def _decisions(path: str | None, catalogue) -> tuple:  # noqa: ANN001
    if path is None:
        return ()
    from lawcheck.decisions import load_decisions

    return _guard(load_decisions, path, catalogue)


def _emit(report, fmt: str, output: str | None, catalogue=None, view=None) -> None:  # noqa: ANN001
    from lawcheck.output import write_atomic
    from lawcheck.render.json import render_json

    if fmt == "json":
        text = render_json(report)
    else:
        from rich.console import Console

        from lawcheck.render.common import localise
        from lawcheck.render.terminal import render_terminal

        if catalogue is not None:  # titles and element labels in the language of the terminal's words
            report = localise(report, catalogue, view.language if view is not None else "en")

        if output is None:
            Console().print(render_terminal(report, view))
            return
        import io

        console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
        console.print(render_terminal(report, view))
        text = console.export_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        _guard(write_atomic, output, text)


@cli.command(name="eval")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
@click.option("--detail", is_flag=True, help="Under every missed article, false alarm and wrongly cited provision, "
              "say why: the verdict, the provision it rests on, the elements found and those lacking.")
def eval_command(folders: tuple[str, ...], offences: str | None, detail: bool) -> None:
    """Measure lawcheck on one or more FOLDERS (texts + gold.yaml, as in shared/legislation).

    Prints instrument and article precision, recall and F1 per case, per tradition and overall, and the
    share of found articles cited on the provision gold names. With several folders, the figures are
    over all their cases together (case names must differ).

    \b
    Example:
      lawcheck eval ../shared/legislation
      lawcheck eval ../shared/legislation tests/legislation --detail
      lawcheck eval samples
    """
    from lawcheck.evaluate import evaluate_all, render_evaluation

    results = _guard(evaluate_all, folders, _catalogue(offences), detail)
    click.echo(render_evaluation(results), nl=False)


@cli.group()
def offences() -> None:
    """Inspect and validate the checklist (offences/)."""


@offences.command(name="validate")
@click.argument("folder", required=False, type=click.Path(path_type=str))
@click.option("--require-all-languages/--allow-missing-languages", default=True, show_default=True,
              help="Fail unless every entry is complete in all six UN languages (en, fr, es, ar, ru, zh); "
                   "--allow-missing-languages for a checklist of one's own written in some of them.")
def offences_validate(folder: str | None, require_all_languages: bool) -> None:
    """Validate a checklist folder (default: the built-in one), say per language how many entries a bill in
    that language is judged on, and require every entry in all six UN languages (en, fr and es are required by
    the format itself; with --allow-missing-languages, ar, ru and zh may be written entry by entry).

    \b
    Examples:
      lawcheck offences validate
      lawcheck offences validate my-regional-checklist/ --allow-missing-languages
    """
    from lawcheck.catalogue import language_coverage, require_all_languages as require_all

    catalogue = _catalogue(folder)
    click.echo(f"{catalogue.directory}: {len(catalogue.instruments)} instruments, "
               f"{len(catalogue.offences)} entries: valid")
    total = len(catalogue.offences)
    for language, (available, complete, partly) in language_coverage(catalogue).items():
        line = f"  {language}: {available} of {total} entries available, {complete} complete"
        if partly:
            line += f"; {len(partly)} written in part: {', '.join(partly[:5])}"
            line += ", ..." if len(partly) > 5 else ""
        click.echo(line)
    if require_all_languages:
        _guard(require_all, catalogue)
        click.echo("complete in all six languages")


@offences.command(name="list")
@click.option("--instrument", help="Only this instrument.")
@click.option("--kind", type=click.Choice(["principal", "ancillary", "obligation"]), help="Only this kind of entry.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text")
@click.option("--offences", "folder", type=click.Path(path_type=str), help="A custom checklist folder.")
def offences_list(instrument: str | None, kind: str | None, fmt: str, folder: str | None) -> None:
    """List the checklist's entries (JSON: every entry with its elements, phrases and model provision).

    \b
    Examples:
      lawcheck offences list --instrument hague-1970
      lawcheck offences list --kind obligation --format json
    """
    import json

    from lawcheck.catalogue import offence_dict

    catalogue = _catalogue(folder)
    if instrument and instrument not in catalogue.instruments:
        raise Failure(f"unknown instrument {instrument!r}; the checklist has: {', '.join(sorted(catalogue.instruments))}")
    entries = [o for o in catalogue.offences if (not instrument or o.instrument == instrument)
               and (not kind or o.kind == kind)]
    if fmt == "json":
        click.echo(json.dumps([offence_dict(o) for o in entries], ensure_ascii=False, indent=2))
        return
    for o in entries:
        flag = " (optional)" if o.optional else ""
        click.echo(f"{o.id:36} {o.kind:10} {o.title}{flag}")


@offences.command(name="show")
@click.argument("offence_id")
@click.option("--offences", "folder", type=click.Path(path_type=str), help="A custom checklist folder.")
def offences_show(offence_id: str, folder: str | None) -> None:
    """Show one entry: its article, summary, elements with their phrases, and model provision.

    \b
    Example:
      lawcheck offences show "hague-1970:1(a)"
    """
    catalogue = _catalogue(folder)
    try:
        offence = catalogue.offence(offence_id)
    except KeyError:
        raise Failure(f"unknown offence {offence_id!r}; see 'lawcheck offences list'") from None
    instrument = catalogue.instruments[offence.instrument]
    click.echo(f"{offence.id} — {offence.title}")
    click.echo(f"{instrument.title}, article {offence.article}; {offence.kind}{' (optional)' if offence.optional else ''}")
    click.echo(f"\n{offence.summary}\n")
    if offence.extends:
        click.echo(f"Extends: {', '.join(offence.extends)}\n")
    for element in offence.elements:
        need = "required" if element.required else "optional"
        core = ", core" if element.core else ""
        click.echo(f"- {element.id} ({element.role}, {need}{core})")
        for language, phrases in element.phrases.items():
            click.echo(f"    {language}: {'; '.join(phrases)}")
    for language, text in offence.model_provision.items():
        click.echo(f"\nModel provision ({language}):\n  {text}")


@offences.command(name="review")
@click.argument("instrument")
@click.option("--texts", type=click.Path(path_type=str), metavar="DIR",
              help="Folder of stored treaty texts (<instrument>.<lang>.txt); default: ../shared/instruments.")
@click.option("--lang", type=click.Choice(["en", "fr", "es"]), default="en", show_default=True,
              help="Language of the labels, titles, phrases and treaty text shown.")
@click.option("--offences", "folder", type=click.Path(path_type=str), help="A custom checklist folder.")
def offences_review(instrument: str, texts: str | None, lang: str, folder: str | None) -> None:
    """Review one instrument: each entry beside the treaty paragraph it cites, with its elements (required,
    narrowing, core), labels and phrases.

    \b
    Example:
      lawcheck offences review ipp-1973
      lawcheck offences review airports-1988 --lang fr --texts ../shared/instruments
    """
    from pathlib import Path

    from lawcheck.render.review import render_review

    catalogue = _catalogue(folder)
    if instrument not in catalogue.instruments:
        raise Failure(f"unknown instrument {instrument!r}; choose one of: {', '.join(sorted(catalogue.instruments))}")
    root = Path(texts) if texts else Path(catalogue.directory).resolve().parent.parent / "shared" / "instruments"
    if not root.is_dir():
        raise Failure(f"{root}: no folder of treaty texts; give one with --texts DIR")
    click.echo(render_review(catalogue, instrument, root, lang))


def _deliver(data: str | bytes, output: str | None) -> None:
    """Print text, or write text or bytes atomically to ``output``."""
    from lawcheck.output import write_atomic

    if output is None:
        click.echo(data, nl=False)
    else:
        _guard(write_atomic, output, data)


def _read(path: str):  # noqa: ANN202
    from lawcheck.read import read_bill

    return _guard(read_bill, path)


@cli.command(name="explain")
@click.argument("bill", type=click.Path(path_type=str))
@click.argument("offence_id")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="text (default, or from -o) or json.")
@click.option("-o", "--output", type=click.Path(path_type=str), help="Write the explanation to this file.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The bill's language (default: detected).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
@click.option("--decisions", type=click.Path(path_type=str), help="Show an expert's decision on this offence too.")
@click.option("--brief", is_flag=True, help="Text: only the verdict, the provision, the words found and what is missing.")
@click.option("--report-lang", type=click.Choice(REPORT_LANGUAGES),
              help="Language of the words lawcheck adds (headings, status words, sentences; default: the bill's).")
def explain_command(bill: str, offence_id: str, fmt: str | None, output: str | None, lang: str | None,
                    offences: str | None, decisions: str | None, brief: bool, report_lang: str | None) -> None:
    """Explain the verdict on one offence: every element, the phrases tried, where each was found or why
    not (the closest words and their similarity), and how the status followed.

    \b
    Examples:
      lawcheck explain samples/en/counter-terrorism-bill.txt "bombings-1997:2(1)(a)"
      lawcheck explain samples/en/counter-terrorism-bill.txt "hague-1970:1(a)" --brief
      lawcheck explain bill.docx "financing-1999:2(1)(b)" --format json -o why.json
      lawcheck explain projet.docx "hague-1970:1(a)" --report-lang en
    """
    from lawcheck.explain import explain
    from lawcheck.render.explain import WIDTH, render_brief, render_explanation, render_explanation_json

    fmt = _output_format(output, fmt)
    catalogue = _catalogue(offences)
    expert = _decisions(decisions, catalogue)
    explanation = _guard(explain, _read(bill), catalogue, offence_id, lang, expert)
    if fmt == "json":
        _deliver(render_explanation_json(explanation), output)
        return
    width = _terminal_width() if output is None else WIDTH
    language = report_lang or _report_language(explanation.language)
    _deliver((render_brief if brief else render_explanation)(explanation, width, language, catalogue), output)


def _terminal_width() -> int:
    """The terminal's width as rich measures it (``COLUMNS``, else the terminal, else 80)."""
    from rich.console import Console

    return Console().width


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in some containers
        return ""


@cli.command(name="decide")
@click.argument("bill", type=click.Path(path_type=str))
@click.argument("offence_id")
@click.option("--status", required=True, type=click.Choice(["covered", "partial", "missing"]), help="The expert's verdict.")
@click.option("--note", required=True, help="Why: the reasoning a reader of the report will see.")
@click.option("--by", help="Who decides (default: your user name).")
@click.option("--date", help="YYYY-MM-DD (default: today).")
@click.option("--provision", help="Label of the provision the decision rests on (default: the one the automatic "
                                  "verdict rests on; '' for the whole bill).")
@click.option("--decisions", type=click.Path(path_type=str),
              help="The decisions file (default: lawcheck-decisions.yaml beside the bill); created if absent.")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The bill's language (default: detected).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
def decide_command(bill: str, offence_id: str, status: str, note: str, by: str | None, date: str | None,
                   provision: str | None, decisions: str | None, lang: str | None, offences: str | None) -> None:
    """Record an expert's decision on one offence of BILL, with a fingerprint of the text judged on.

    Later runs of 'lawcheck check BILL --decisions FILE' show the expert's status (and keep the automatic
    one), and warn when that text has changed since the decision.

    \b
    Example:
      lawcheck decide samples/en/counter-terrorism-bill.txt "bombings-1997:2(1)(a)" --status covered \
        --note "s 2 'explosive device' reaches other lethal devices" --decisions decisions.yaml
      lawcheck check samples/en/counter-terrorism-bill.txt --decisions decisions.yaml
    """
    import re

    from lawcheck.pipeline import record_decision

    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise Failure(f"--date {date!r}: expected YYYY-MM-DD")
    path, decision = _guard(record_decision, bill, offence_id, status, note, by=_user() if by is None else by,
                            date=date or "", provision=provision, decisions_path=decisions,
                            catalogue=_catalogue(offences), language=lang)
    where = decision.provision or "the whole bill"
    click.echo(f"{path}: {decision.offence} recorded as {decision.status} (judged on {where}); "
               f"apply it with: lawcheck check {bill} --decisions {path}")


DIFF_FORMATS = ("text", "json", "docx")
DIFF_SUFFIXES = {".json": "json", ".txt": "text", ".docx": "docx"}


def _diff_format(output: str | None, fmt: str | None) -> str:
    return _format_for(output, fmt, DIFF_SUFFIXES, needs_file=("docx",))


@cli.command(name="diff")
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str), help="Write to this file (.txt, .json or .docx).")
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), help="text (default), json or docx (needs -o).")
@click.option("--instrument", "instruments", multiple=True, metavar="ID", help="Compare only this instrument (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The drafts' language (default: detected).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
@click.option("--decisions", type=click.Path(path_type=str), help="Apply an expert's decisions to both drafts.")
@click.option("--report-lang", type=click.Choice(REPORT_LANGUAGES),
              help="Language of the words lawcheck adds (headings, status words, sentences; default: the new draft's).")
def diff_command(old: str, new: str, output: str | None, fmt: str | None, instruments: tuple[str, ...],
                 lang: str | None, offences: str | None, decisions: str | None, report_lang: str | None) -> None:
    """Compare two drafts of a bill: gaps closed, gaps opened, verdicts changed, provisions renumbered
    (provisions are matched by their content, not only by their number).

    \b
    Examples:
      lawcheck diff draft-1.docx draft-2.docx
      lawcheck diff draft-1.txt draft-2.txt -o changes.docx
      lawcheck diff draft-1.txt draft-2.txt --format json
    """
    from lawcheck.diff import diff_files

    fmt = _diff_format(output, fmt)
    catalogue = _catalogue(offences)
    changes = _guard(diff_files, old, new, catalogue, lang, instruments, _decisions(decisions, catalogue))
    if fmt == "docx":
        from lawcheck.render.diff import localise_diff
        from lawcheck.render.diff_docx import render_diff_docx

        language = report_lang or _report_language(changes.new.language)
        _deliver(render_diff_docx(localise_diff(changes, catalogue, language), language), output)
    elif fmt == "json":
        from lawcheck.render.diff import render_diff_json

        _deliver(render_diff_json(changes), output)
    else:
        from lawcheck.render.diff import diff_text, localise_diff, render_diff

        language = report_lang or _report_language(changes.new.language)
        changes = localise_diff(changes, catalogue, language)
        if output is None:
            from rich.console import Console

            Console().print(render_diff(changes, language))
        else:
            _deliver(diff_text(changes, language=language), output)


BATCH_FORMATS = ("text", "csv", "json", "xlsx")
BATCH_SUFFIXES = {".csv": "csv", ".json": "json", ".xlsx": "xlsx", ".txt": "text"}


def _batch_format(output: str | None, fmt: str | None) -> str:
    return _format_for(output, fmt, BATCH_SUFFIXES, needs_file=("xlsx",))


def _batch_progress(enabled: bool):  # noqa: ANN202
    if not enabled:
        return None, None
    from rich.console import Console
    from rich.progress import Progress

    bar = Progress(transient=True, console=Console(stderr=True))
    task = bar.add_task("checking bills", total=None)
    return bar, lambda done, total, name: bar.update(task, completed=done, total=total,
                                                     description=f"checking {name}" if name else "done")


def _batch_output(batch, fmt: str, output: str | None, language: str = "en") -> None:  # noqa: ANN001
    from lawcheck.render import matrix

    if fmt == "xlsx":
        try:
            data = matrix.render_matrix_xlsx(batch)
        except ImportError:
            raise Failure("writing .xlsx needs openpyxl: pip install 'lawcheck[xlsx]' (or use -o matrix.csv)") from None
        _deliver(data, output)
    elif fmt in ("csv", "json"):
        _deliver(matrix.render_matrix_csv(batch) if fmt == "csv" else matrix.render_matrix_json(batch), output)
    elif output is None:
        from rich.console import Console

        Console().print(matrix.render_matrix_terminal(batch, language))
    else:
        import io

        from rich.console import Console

        console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
        console.print(matrix.render_matrix_terminal(batch, language))
        _deliver(console.export_text(), output)


@cli.command(name="batch")
@click.argument("folder", type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str), help="Write the matrix to this file (.csv, .json, .xlsx or .txt).")
@click.option("--format", "fmt", type=click.Choice(BATCH_FORMATS), help="text (default), csv, json or xlsx (needs -o).")
@click.option("--instrument", "instruments", multiple=True, metavar="ID", help="Check only this instrument (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The bills' language (default: detected for each).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
@click.option("--fail-on", type=click.Choice(["partial", "missing"]), help="Exit 1 when a checked bill has a result this bad or worse.")
@click.option("--report-lang", type=click.Choice(REPORT_LANGUAGES), default="en", show_default=True,
              help="Language of the words of the text matrix (the CSV, JSON and Excel columns stay in English).")
def batch_command(folder: str, output: str | None, fmt: str | None, instruments: tuple[str, ...], lang: str | None,
                  offences: str | None, fail_on: str | None, report_lang: str = "en") -> None:
    """Check every bill in FOLDER (and its sub-folders) and write the matrix bill x instrument: the rating
    of each instrument and its counts of covered, partial and missing entries.

    A file that cannot be checked is reported (one line on stderr, and in the matrix) and skipped; the
    batch goes on and exits 0. README, LICENSE and hidden files are left out.

    \b
    Examples:
      lawcheck batch laws/ -o matrix.csv
      lawcheck batch laws/ -o matrix.json --instrument hague-1970 --instrument financing-1999
      lawcheck batch laws/ -o matrix.xlsx
      lawcheck batch samples
    """
    from lawcheck.batch import check_folder

    fmt = _batch_format(output, fmt)
    catalogue = _catalogue(offences)
    bar, progress = _batch_progress(sys.stderr.isatty())
    if bar:
        with bar:
            batch = _guard(check_folder, folder, catalogue, lang, instruments, progress)
    else:
        batch = _guard(check_folder, folder, catalogue, lang, instruments)
    _batch_output(batch, fmt, output, report_lang)
    if fmt != "text" or output is not None:
        for failure in batch.failed:
            click.echo(f"lawcheck: skipped {failure.error}", err=True)
    _exit_on([r for outcome in batch.checked for r in outcome.report.results], fail_on)


@cli.command(name="annotate")
@click.argument("bill", type=click.Path(path_type=str))
@click.option("-o", "--output", type=click.Path(path_type=str),
              help="The annotated .docx (default: BILL-annotated.docx beside the bill).")
@click.option("--instrument", "instruments", multiple=True, metavar="ID", help="Check only this instrument (repeatable).")
@click.option("--lang", type=click.Choice(LANGUAGES), help="The bill's language (default: detected).")
@click.option("--report-lang", type=click.Choice(REPORT_LANGUAGES),
              help="Language of the comments (default: the bill's).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
def annotate_command(bill: str, output: str | None, instruments: tuple[str, ...], lang: str | None,
                     report_lang: str | None, offences: str | None) -> None:
    """Write a copy of BILL with Word comments, in the report's language: a short one at the start (the
    counts, the gaps that matter most, where the full report is), then one on each provision a covered or
    partial verdict rests on ("covers Hague Convention (1970), art. 1(a) (...): all elements present").
    A .docx bill keeps everything else untouched; a .txt/.pdf/.html bill becomes a .docx of its text with
    the same comments.

    \b
    Examples:
      lawcheck annotate bill.docx -o bill-annotated.docx
      lawcheck annotate samples/fr/projet-loi-terrorisme.txt --instrument hague-1970
    """
    from lawcheck.annotate import annotate_file, default_output
    from lawcheck.render.common import ReportOptions

    output = output or default_output(bill)
    if Path(output).suffix.lower() != ".docx":
        raise Failure(f"{output}: the annotated bill is a Word file; give a name ending in .docx")
    catalogue = _catalogue(offences)
    options = ReportOptions(language=report_lang or "")
    data, _ = _guard(annotate_file, bill, catalogue, lang, instruments, options)
    _deliver(data, output)
    click.echo(f"{output}: annotated copy of {bill} written", err=True)


@cli.command(name="demo")
@click.option("--lang", type=click.Choice(["en", "fr", "es", "ar", "ru", "zh"]), default="en", show_default=True,
              help="The language of the walk-through and of its sample bill.")
@click.option("--step/--no-pause", "pause", default=None,
              help="Wait for Enter between steps (default when run in a terminal) or print them all.")
def demo_command(lang: str, pause: bool | None) -> None:
    """A guided walk-through for workshops, offline, on two drafts of a sample bill: check draft 1, show
    a covered, a partial and a missing offence, explain one, compare draft 1 with draft 2.

    Each step starts with a sentence the trainer can say and the command the audience can type, then shows
    what that command prints, at the terminal's width.

    \b
    Examples:
      lawcheck demo
      lawcheck demo --lang fr
      lawcheck demo --no-pause > demo.txt
    """
    from lawcheck.demo import demo_steps
    from lawcheck.render.demo import render_step
    from lawcheck.render.i18n import Labels

    if pause is None:
        pause = sys.stdin.isatty() and sys.stdout.isatty()
    width = _terminal_width()
    steps = _guard(demo_steps, lang, width=width)
    for number, step in enumerate(steps, 1):
        if number > 1 and pause:
            try:
                click.prompt(Labels(lang)("demo.next"), default="", show_default=False, prompt_suffix="")
            except click.Abort:  # Ctrl+C or the end of the input: the trainer stops here
                click.echo()
                return
        click.echo(render_step(step, number, lang, width), nl=False)


@cli.command(name="serve")
@click.argument("bills", nargs=-1, type=click.Path(path_type=str))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Where to listen. Any host but this computer's own (127.0.0.1) needs the access token printed.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="The port (0: any free one).")
@click.option("--lang", default="en", show_default=True,
              help="The pages' language until a participant picks another (those of the label files: en, fr, es ...).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Checks run at once (each worker takes up to about 300 MB); the others wait in the queue.")
@click.option("--max-upload", "upload_mb", default=20, show_default=True, type=click.IntRange(1, 100),
              metavar="MB", help="The largest bill a participant can upload.")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
def serve_command(bills: tuple[str, ...], host: str, port: int, lang: str, workers: int, upload_mb: int,
                  offences: str | None) -> None:
    """A local web page for workshops and reviews: upload a bill or pick a sample, see the gaps, open the
    explanation of a verdict, compare two drafts, record a decision, download the reports, take the tour.

    BILLS named here are offered on the page; decisions recorded on them are written to the
    lawcheck-decisions.yaml beside them. Stop with Ctrl+C (the uploads are deleted).

    \b
    Examples:
      lawcheck serve
      lawcheck serve --host 0.0.0.0 --lang fr        (a workshop: participants open the address printed)
      lawcheck serve my-bill.docx                     (a review: decisions kept beside the bill)
    """
    from lawcheck.serve import serve

    def announce(address, token: str) -> None:  # noqa: ANN001 - a serve.Address
        click.echo(f"lawcheck serve: open {address.url}")
        for other in address.others:
            click.echo(f"  or {other}")
        if token:
            click.echo(f"  access token: {token} (participants need it; it changes at every start)")
        click.echo("  stop with Ctrl+C", err=False)

    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise Failure("lawcheck serve needs its extra: pip install 'lawcheck[serve]'") from None
    for bill in bills:
        if not Path(bill).is_file():
            raise Failure(f"{bill}: file not found; check the path and the file name")
    _catalogue(offences)  # a broken checklist: one line now, not in every worker
    _guard(serve, host, port, lang, workers, upload_mb, bills, offences, announce)


def main() -> None:
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    cli(prog_name="lawcheck")
