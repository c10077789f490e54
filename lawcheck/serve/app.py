"""The pages of ``lawcheck serve`` (Starlette): home, report, explanation, comparison, tour, downloads.

Every page is a jinja2 template with autoescape, in the language chosen (``?lang=``, then kept in a cookie),
every word from ``render/labels/<lang>.yaml`` (``serve.*`` and the report's own keys). The work is done by
the pool's worker processes (:mod:`lawcheck.serve.pool`, :mod:`lawcheck.serve.work`); this module keeps
the jobs (bounded: the oldest finished one is dropped with its files) and turns requests into tasks.

Nothing from a request reaches the file system as a path: an upload is written under a random name in the
server's temporary folder; samples and the bills named on the command line are chosen by a key looked up
in a table made at start-up; static files are served from memory; a job is found by its random id.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import re
import secrets
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from lawcheck.catalogue import load_catalogue
from lawcheck.data import samples_dir
from lawcheck.models import LANGUAGES, Catalogue
from lawcheck.read import SUPPORTED
from lawcheck.render.common import short_name
from lawcheck.render.i18n import LABELS_DIR, Labels
from lawcheck.serve import pages, security
from lawcheck.serve.pool import CHECK, URGENT, Busy, Failed, Pool, Task
from lawcheck.sanity import in_language
from lawcheck.serve.work import Checked, Source

HERE = Path(__file__).resolve().parent
LANG_COOKIE = "lawcheck_lang"
CHUNK = 1 << 16
EXPLANATIONS_KEPT = 50  # per job
TOUR_WIDTH = 100  # columns of the tour's output (large type on a projector)
DOWNLOADS = {  # name -> media type
    "report.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "report.html": "text/html; charset=utf-8",
    "annotated.docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "concordance.csv": "text/csv; charset=utf-8",
    "concordance.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DECISIONS_TYPE = "application/yaml; charset=utf-8"
STATIC = {"serve.css": "text/css; charset=utf-8", "serve.js": "text/javascript; charset=utf-8",
          "icon.svg": "image/svg+xml"}


@dataclass(frozen=True)
class Settings:
    language: str = "en"
    workers: int = 1
    upload_limit: int = 20 * 1024 * 1024  # bytes per file
    token: str = ""  # "" on a local host
    local: bool = True
    bills: tuple[str, ...] = ()  # bills named on the command line: their decisions are kept beside them
    offences: str | None = None
    jobs_kept: int = 100
    waiting_limit: int = 100


@dataclass(eq=False)
class Job:
    id: str
    kind: str  # check or compare
    sources: tuple[Source, ...]
    language: str | None  # the bill's language, None to detect it
    instruments: tuple[str, ...]
    task: Task
    folder: Path | None = None  # the uploads of this job, removed with it
    checked: Checked | None = None
    changes: Any = None  # a DraftDiff
    error: str = ""
    explained: collections.OrderedDict = field(default_factory=collections.OrderedDict)
    deciding: asyncio.Lock = field(default_factory=asyncio.Lock)
    created: float = field(default_factory=time.monotonic)

    @property
    def finished(self) -> bool:
        return self.task.state in ("done", "failed")


class Refused(Exception):
    """A request refused with a page: status and the label of its one line."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status, self.key, self.values = status, key, values


def languages() -> tuple[str, ...]:
    """The page languages: those whose label file has the server's words."""
    found = []
    for path in sorted(LABELS_DIR.glob("*.yaml")):
        code = path.stem
        try:
            if code in LANGUAGES and "serve.nav.check" in Labels(code).keys():
                found.append(code)
        except Exception:  # noqa: BLE001 - a label file being written: not offered
            continue
    return tuple(sorted(found, key=lambda c: (c != "en", c)))


def _clean_name(filename: str) -> str:
    """The uploaded file's name, for people only: no folders, no control characters, not too long."""
    name = filename.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[-120:] or "bill"


def _capital(name: str) -> str:
    """A language's name as a menu item ("Français", not "français")."""
    return name[:1].upper() + name[1:]


def _suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix if re.fullmatch(r"\.[a-z0-9]{1,8}", suffix) else ""


class Server:
    """The application's state: settings, checklist, pool, jobs, temporary folder, templates."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.catalogue: Catalogue = load_catalogue(settings.offences)
        self.languages = languages()
        self.pool = Pool(settings.workers, settings.offences, settings.waiting_limit, (settings.language,))
        self.jobs: collections.OrderedDict[str, Job] = collections.OrderedDict()
        self.tours: dict[str, tuple] = {}
        self.followers: set[asyncio.Task] = set()
        self.folder: Path | None = None
        self.static = {name: (HERE / "static" / name).read_bytes() for name in STATIC}
        self.samples = self._samples()
        self.templates = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                                            autoescape=True, undefined=jinja2.StrictUndefined,
                                            trim_blocks=True, lstrip_blocks=True)

    def _samples(self) -> dict[str, Source]:
        """Key -> bill: the packaged samples ("sample:en/x.txt") and the bills named on the command line."""
        out = {}
        root = samples_dir()
        for path in sorted(root.glob("*/*.txt")):
            out[f"sample:{path.parent.name}/{path.name}"] = Source(str(path), path.name)
        for number, bill in enumerate(self.settings.bills):
            path = Path(bill).resolve()
            out[f"local:{number}"] = Source(str(path), path.name, str(path.parent / "lawcheck-decisions.yaml"))
        return out

    # ----------------------------------------------------------------------- life

    async def startup(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="lawcheck-serve-"))
        await self.pool.start()

    async def shutdown(self) -> None:
        await self.pool.stop()
        self.remove_uploads()

    def remove_uploads(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    # ----------------------------------------------------------------------- pages

    def language(self, request: Request) -> str:
        asked = request.query_params.get("lang", "") or request.cookies.get(LANG_COOKIE, "")
        return asked if asked in self.languages else (
            self.settings.language if self.settings.language in self.languages else self.languages[0])

    def page(self, request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
        language = self.language(request)
        csrf = request.cookies.get(security.CSRF_COOKIE, "") or secrets.token_urlsafe(24)
        html = self.templates.get_template(template).render(
            t=Labels(language), lang=language, csrf=csrf, here=request.url.path,
            switch=[(code, _capital(Labels(code)(f"language.{code}")), self._switch(request, code))
                    for code in self.languages],
            **values)
        response = HTMLResponse(html, status_code=status)
        if security.CSRF_COOKIE not in request.cookies:
            response.set_cookie(security.CSRF_COOKIE, csrf, httponly=True, samesite="strict")
        if request.query_params.get("lang", "") in self.languages:
            response.set_cookie(LANG_COOKIE, language, samesite="strict")
        return response

    @staticmethod
    def _switch(request: Request, code: str) -> str:
        query = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"] + [("lang", code)]
        return f"{request.url.path}?{urlencode(query)}"

    def refusal(self, request: Request, error: Refused) -> HTMLResponse:
        return self.page(request, "error.html.j2", error.status, message=Labels(self.language(request))(
            error.key, **error.values))

    async def refuse_scope(self, scope: dict, status: int) -> Response:
        """The guard's 403 and 413 pages (the request has not been read)."""
        request = Request(scope)
        key = "serve.error.forbidden" if status == 403 else "serve.error.too_large"
        values = {"limit": self.settings.upload_limit // (1024 * 1024)}
        language = self.language(request)
        html = self.templates.get_template("error.html.j2").render(
            t=Labels(language), lang=language, csrf="", here="/", switch=[], message=Labels(language)(key, **values),
            token_form=status == 403 and bool(self.settings.token))
        return HTMLResponse(html, status_code=status)

    def home_values(self, request: Request) -> dict[str, Any]:
        return {"samples": [(key, source.name, key.startswith("local:")) for key, source in self.samples.items()],
                "instruments": self.instrument_choices(self.language(request)), "bill_languages": LANGUAGES,
                "formats": ", ".join(SUPPORTED), "limit": self.settings.upload_limit // (1024 * 1024)}

    def instrument_choices(self, language: str) -> list[tuple[str, str, str]]:
        """Each instrument: id, its title in ``language`` and its year."""
        return [(i, instrument.title_in(language), instrument.adopted_date[:4])
                for i, instrument in self.catalogue.instruments.items()]

    def job(self, job_id: str) -> Job:
        job = self.jobs.get(job_id)
        if job is None:
            raise Refused(404, "serve.error.no_job")
        return job

    # ----------------------------------------------------------------------- jobs

    def _make_room(self) -> None:
        """Drop the oldest finished jobs (and their uploads) until one more can be kept."""
        while len(self.jobs) >= self.settings.jobs_kept:
            oldest = next((j for j in self.jobs.values() if j.finished), None)
            if oldest is None:
                raise Refused(503, "serve.error.busy")
            self.drop(oldest)

    def drop(self, job: Job) -> None:
        self.jobs.pop(job.id, None)
        if job.folder is not None:
            shutil.rmtree(job.folder, ignore_errors=True)

    async def start_job(self, kind: str, sources: tuple[Source, ...], language: str | None,
                        instruments: tuple[str, ...], folder: Path | None) -> Job:
        job_id = secrets.token_urlsafe(12)
        args = (sources[0], language, instruments, ()) if kind == "check" else (*sources, language, instruments)
        try:
            self._make_room()
            task = await self.pool.submit(kind, args, CHECK, job_id)
        except (Busy, Refused):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            raise Refused(503, "serve.error.busy") from None
        job = Job(job_id, kind, sources, language, instruments, task, folder)
        self.jobs[job.id] = job
        follower = asyncio.create_task(self._follow(job))
        self.followers.add(follower)  # a task nobody holds may be collected before it ends
        follower.add_done_callback(self.followers.discard)
        return job

    async def _follow(self, job: Job) -> None:
        try:
            result = await job.task.future
        except Failed as error:
            job.error = str(error)
        except asyncio.CancelledError:
            return
        else:
            if job.kind == "check":
                job.checked = result
            else:
                job.changes = result

    async def run(self, name: str, *args: Any) -> Any:
        """A task the page waits for (priority over checks); its failure becomes a page with one line."""
        try:
            task = await self.pool.submit(name, args, URGENT)
            return await task.future
        except Failed as error:
            raise Refused(422, "serve.error.line", line=str(error)) if str(error) else Refused(
                500, "serve.error.internal") from None

    # ----------------------------------------------------------------------- uploads

    async def sources(self, form: Any, fields: tuple[str, ...]) -> tuple[tuple[Source, ...], Path | None]:
        """The bills of a form: for each field, an upload (written under a random name in a folder of its own)
        or a sample key; the folder to remove with the job."""
        folder: Path | None = None
        out = []
        try:
            for name in fields:
                upload = form.get(f"{name}_file")
                if isinstance(upload, UploadFile) and upload.filename:
                    if folder is None:
                        assert self.folder is not None
                        folder = Path(tempfile.mkdtemp(dir=self.folder))
                    out.append(await self._save(upload, folder))
                    continue
                key = form.get(f"{name}_sample", "")
                if key not in self.samples:
                    raise Refused(400, "serve.error.no_bill")
                out.append(self.samples[key])
        except Refused:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        return tuple(out), folder

    async def _save(self, upload: UploadFile, folder: Path) -> Source:
        name = _clean_name(upload.filename or "")
        path = folder / f"{secrets.token_hex(8)}{_suffix(name)}"
        size = 0
        with path.open("wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > self.settings.upload_limit:
                    raise Refused(413, "serve.error.too_large", limit=self.settings.upload_limit // (1024 * 1024))
                out.write(chunk)
        return Source(str(path), name)

    def instruments_of(self, form: Any) -> tuple[str, ...]:
        return tuple(i for i in form.getlist("instrument") if i in self.catalogue.instruments)

    @staticmethod
    def bill_language(form: Any) -> str | None:
        value = form.get("bill_lang", "")
        return value if value in LANGUAGES else None


# --------------------------------------------------------------------------- the routes


def _form_limits() -> dict[str, int]:
    return {"max_files": 2, "max_fields": 80, "max_part_size": 64 * 1024}


async def _posted(request: Request) -> Any:
    form = await request.form(**_form_limits())
    if not security.csrf_ok(request.cookies, form.get(security.CSRF_FIELD)):
        raise Refused(403, "serve.error.csrf")
    return form


def _redirect(server: Server, url: str, form: Any = None) -> RedirectResponse:
    """See the page at ``url``; a form's ``lang`` (the report language chosen) becomes the page language."""
    response = RedirectResponse(url, status_code=303)
    chosen = form.get("lang", "") if form is not None else ""
    if isinstance(chosen, str) and chosen in server.languages:
        response.set_cookie(LANG_COOKIE, chosen, samesite="strict")
    return response


def routes(server: Server) -> list[Route]:
    async def home(request: Request) -> Response:
        return server.page(request, "home.html.j2", **server.home_values(request))

    async def check(request: Request) -> Response:
        form = await _posted(request)
        sources, folder = await server.sources(form, ("bill",))
        job = await server.start_job("check", sources, server.bill_language(form), server.instruments_of(form), folder)
        return _redirect(server, f"/job/{job.id}", form)

    async def compare_form(request: Request) -> Response:
        return server.page(request, "compare.html.j2", **server.home_values(request))

    async def compare(request: Request) -> Response:
        form = await _posted(request)
        sources, folder = await server.sources(form, ("old", "new"))
        job = await server.start_job("compare", sources, server.bill_language(form), server.instruments_of(form),
                                     folder)
        return _redirect(server, f"/job/{job.id}", form)

    async def job_page(request: Request) -> Response:
        job = server.job(request.path_params["job"])
        if not job.finished or (job.checked is None and job.changes is None and not job.error):
            return server.page(request, "wait.html.j2", job=job, place=server.pool.place(job.task))
        if job.error or (job.checked is None and job.changes is None):
            message = Labels(server.language(request))("serve.error.line", line=job.error) if job.error else \
                Labels(server.language(request))("serve.error.internal")
            return server.page(request, "error.html.j2", 422, message=message, job=job)
        language = server.language(request)
        if job.kind == "compare":
            from lawcheck.render.diff import localise_diff, renumbered_line, summary_line

            changes = localise_diff(job.changes, server.catalogue, language)
            names = {i: short_name(server.catalogue, i, language) for i in server.catalogue.instruments}
            say = Labels(language)
            return server.page(request, "diff.html.j2", job=job, changes=changes, names=names,
                               summary=summary_line(changes, language), renumbered=renumbered_line(changes, language),
                               warnings=tuple(in_language(w, say) for w in changes.warnings))
        filters = pages.Filters.read(dict(request.query_params), job.checked.report)
        view = pages.report_view(job.checked.report, server.catalogue, language, filters)
        return server.page(request, "report.html.j2", job=job, view=view, downloads=_downloads(),
                           decisions=job.checked.decisions, source=job.sources[0])

    async def status(request: Request) -> Response:
        job = server.job(request.path_params["job"])
        state = job.task.state if not (job.task.state == "done" and job.checked is None and job.changes is None) \
            else "running"
        return JSONResponse({"state": state, "place": server.pool.place(job.task), "done": job.task.done,
                             "total": job.task.total, "running": server.pool.running, "workers": server.pool.workers})

    async def explain(request: Request) -> Response:
        job = server.job(request.path_params["job"])
        checked = _checked(job)
        offence = request.query_params.get("offence", "")
        result = next((r for r in checked.report.results if r.id == offence), None)
        if result is None:
            raise Refused(404, "serve.error.no_entry")
        explained = job.explained.get(offence)
        if explained is None:
            explained = await server.run("explain", job.sources[0], checked.report.bill.language, offence, ())
            job.explained[offence] = explained
            while len(job.explained) > EXPLANATIONS_KEPT:
                job.explained.popitem(last=False)
        language = server.language(request)
        decision = next((d for d in checked.decisions if d.offence == offence), None)
        return server.page(request, "explain.html.j2", job=job, result=result, explained=explained,
                           view=pages.explanation_view(explained.explanation, language, server.catalogue),
                           decision=decision, saved=request.query_params.get("saved") == "1")

    async def decide(request: Request) -> Response:
        job = server.job(request.path_params["job"])
        form = await _posted(request)
        checked = _checked(job)
        offence, status, note = form.get("offence", ""), form.get("status", ""), str(form.get("note", "")).strip()
        if not any(r.id == offence for r in checked.report.results) or status not in ("covered", "partial", "missing"):
            raise Refused(400, "serve.error.bad_decision")
        if not note:
            raise Refused(400, "serve.error.no_note")
        by = str(form.get("by", "")).strip()[:120]
        async with job.deciding:  # two experts at once on one report: each decision on top of the other's
            checked = _checked(job)
            job.checked = await server.run("decide", job.sources[0], checked.automatic, checked.decisions, offence,
                                           status, note[:4000], by)
        return _redirect(server, f"/job/{job.id}/explain?{urlencode({'offence': offence, 'saved': '1'})}")

    async def download(request: Request) -> Response:
        job = server.job(request.path_params["job"])
        name = request.path_params["name"]
        language = server.language(request)
        if job.kind == "compare" and name == "changes.docx" and job.changes is not None:
            data = await server.run("changes", job.changes, language)
            return _attachment(data, DOWNLOADS["report.docx"], f"{Path(job.sources[1].name).stem}-changes.docx")
        checked = _checked(job)
        if name == "decisions.yaml":
            from lawcheck.decisions import DEFAULT_NAME, dump_decisions

            return _attachment(dump_decisions(checked.decisions).encode("utf-8"), DECISIONS_TYPE, DEFAULT_NAME)
        if name not in _downloads():
            raise Refused(404, "serve.error.not_found")
        data = await server.run("render", name, job.sources[0], checked.report, language)
        return _attachment(data, DOWNLOADS[name], f"{Path(job.sources[0].name).stem}-{name}")

    async def tour(request: Request) -> Response:
        language = server.language(request)
        steps = server.tours.get(language)
        if steps is None:
            steps = server.tours[language] = await server.run("tour", language, TOUR_WIDTH)
        step = request.query_params.get("step", "1")
        number = min(max(int(step[:4]) if step.isdigit() else 1, 1), len(steps))
        return server.page(request, "tour.html.j2", steps=steps, number=number, step=steps[number - 1])

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            raise Refused(404, "serve.error.not_found")
        return Response(server.static[name], media_type=STATIC[name], headers={"cache-control": "max-age=3600"})

    return [
        Route("/", home), Route("/check", check, methods=["POST"]),
        Route("/compare", compare_form), Route("/compare", compare, methods=["POST"]),
        Route("/job/{job}", job_page), Route("/job/{job}/status", status), Route("/job/{job}/explain", explain),
        Route("/job/{job}/decide", decide, methods=["POST"]), Route("/job/{job}/download/{name}", download),
        Route("/tour", tour), Route("/static/{name}", static),
    ]


def _checked(job: Job) -> Checked:
    if job.checked is None:
        raise Refused(404, "serve.error.no_job")
    return job.checked


def _downloads() -> tuple[str, ...]:
    names = [n for n in DOWNLOADS if n != "concordance.xlsx"]
    with contextlib.suppress(ImportError):
        import openpyxl  # noqa: F401 - an optional extra

        names.append("concordance.xlsx")
    return tuple(names)


def _attachment(data: bytes, media_type: str, filename: str) -> Response:
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", filename) or "download"
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=media_type, headers={"content-disposition": disposition})


def create_app(settings: Settings) -> Starlette:
    """The ASGI application, guarded (:class:`lawcheck.serve.security.Guard`)."""
    server = Server(settings)

    async def refused(request: Request, error: Exception) -> Response:
        assert isinstance(error, Refused)
        return server.refusal(request, error)

    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        key = {404: "serve.error.not_found", 405: "serve.error.not_found"}.get(error.status_code, "serve.error.internal")
        return server.refusal(request, Refused(error.status_code, key))

    async def too_large(request: Request, error: Exception) -> Response:
        response = server.refusal(request, Refused(413, "serve.error.too_large",
                                                   limit=settings.upload_limit // (1024 * 1024)))
        return response

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):  # noqa: ANN202
        await server.startup()
        try:
            yield
        finally:
            await server.shutdown()

    app = Starlette(routes=routes(server), lifespan=lifespan,
                    exception_handlers={Refused: refused, HTTPException: http_error,
                                        security.TooLarge: too_large})
    app.state.server = server
    body_limit = 2 * settings.upload_limit + 1024 * 1024  # two drafts to compare, and the form's fields
    return security.Guard(app, token=settings.token, local=settings.local, body_limit=body_limit,  # type: ignore[return-value]
                          refuse=server.refuse_scope)
