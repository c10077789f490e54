"""The command line: parses options, calls the library, picks a renderer, maps the result to an exit code.

Exit codes: 0 done; 1 gaps found under ``--fail-on``; 2 bad input or usage (one line on stderr naming
the file and what to do, never a traceback).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lawcheck import __version__

FORMATS = ("text", "json")
SUFFIX_FORMATS = {".json": "json", ".txt": "text"}


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


def _output_format(output: str | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if output:
        suffix = Path(output).suffix.lower()
        if suffix not in SUFFIX_FORMATS:
            raise Failure(f"{output}: cannot tell the report format from the extension; use --format text|json")
        return SUFFIX_FORMATS[suffix]
    return "text"


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
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Report format (default: text, or from -o).")
@click.option("--instrument", "instruments", multiple=True, metavar="ID", help="Check only this instrument (repeatable).")
@click.option("--lang", type=click.Choice(["en", "fr", "es"]), help="The bill's language (default: detected).")
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
@click.option("--fail-on", type=click.Choice(["partial", "missing"]), help="Exit 1 when a result is this bad or worse.")
@click.option("--decisions", type=click.Path(path_type=str), help="Apply an expert's decisions (YAML, see 'lawcheck decide').")
def check(bill: str, output: str | None, fmt: str | None, instruments: tuple[str, ...], lang: str | None,
          offences: str | None, fail_on: str | None, decisions: str | None) -> None:
    """Check BILL (.txt, .docx, .pdf, .html, Akoma Ntoso .xml) against the checklist.

    \b
    Examples:
      lawcheck check samples/en/counter-terrorism-bill.txt
      lawcheck check bill.docx --instrument hague-1970 --format json -o report.json
      lawcheck check bill.pdf --fail-on missing
      lawcheck check bill.docx --decisions lawcheck-decisions.yaml
    """
    from lawcheck.pipeline import check_file

    fmt = _output_format(output, fmt)
    catalogue = _catalogue(offences)
    expert = _decisions(decisions, catalogue)
    bar, progress = _progress_bar(fmt == "text" and output is None and sys.stderr.isatty())
    if bar:
        with bar:
            report = _guard(check_file, bill, catalogue, lang, instruments, progress, expert)
    else:
        report = _guard(check_file, bill, catalogue, lang, instruments, None, expert)
    _emit(report, fmt, output)
    if fail_on and any(r.status == "missing" or (fail_on == "partial" and r.status == "partial")
                       for r in report.results):
        sys.exit(1)


def _decisions(path: str | None, catalogue) -> tuple:  # noqa: ANN001
    if path is None:
        return ()
    from lawcheck.decisions import load_decisions

    return _guard(load_decisions, path, catalogue)


def _emit(report, fmt: str, output: str | None) -> None:  # noqa: ANN001
    from lawcheck.output import write_atomic
    from lawcheck.render.json import render_json

    if fmt == "json":
        text = render_json(report)
    else:
        from rich.console import Console

        from lawcheck.render.terminal import render_terminal

        if output is None:
            Console().print(render_terminal(report))
            return
        import io

        console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
        console.print(render_terminal(report))
        text = console.export_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        _guard(write_atomic, output, text)


@cli.command(name="eval")
@click.argument("folder", type=click.Path(path_type=str))
@click.option("--offences", type=click.Path(path_type=str), help="A custom checklist folder.")
def eval_command(folder: str, offences: str | None) -> None:
    """Measure lawcheck on FOLDER (texts + gold.yaml, as in shared/legislation).

    \b
    Example:
      lawcheck eval ../shared/legislation
      lawcheck eval samples
    """
    from lawcheck.evaluate import evaluate, render_evaluation

    results = _guard(evaluate, folder, _catalogue(offences))
    click.echo(render_evaluation(results), nl=False)


@cli.group()
def offences() -> None:
    """Inspect and validate the checklist (offences/)."""


@offences.command(name="validate")
@click.argument("folder", required=False, type=click.Path(path_type=str))
def offences_validate(folder: str | None) -> None:
    """Validate a checklist folder (default: the built-in one).

    \b
    Example:
      lawcheck offences validate my-regional-checklist/
    """
    catalogue = _catalogue(folder)
    click.echo(f"{catalogue.directory}: {len(catalogue.instruments)} instruments, "
               f"{len(catalogue.offences)} entries: valid")


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


def main() -> None:
    cli(prog_name="lawcheck")
