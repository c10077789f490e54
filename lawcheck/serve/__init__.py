"""``lawcheck serve``: a local web page for workshops and reviews.

Upload a bill (or pick a sample), see the table of instruments and the gaps, open the explanation of any
verdict, compare two drafts, record an expert's decision, download the Word and HTML reports, the annotated
bill and the concordance, and walk through the workshop tour, in every language the labels have.

    security.Guard           host check, access token, body size limit, security headers
      └── app (Starlette)    the pages (templates/), the jobs, the uploads' temporary folder
            └── pool.Pool    the queue and ``workers`` processes running work.py's tasks

:func:`serve` binds the socket, prints the address (with the token on a non-local host) and runs uvicorn
until Ctrl+C; the temporary folder of the uploads is removed when it stops.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass

from lawcheck.errors import LawcheckError

DEFAULT_PORT = 8765
DEFAULT_HOST = "127.0.0.1"


@dataclass(frozen=True)
class Address:
    url: str  # what to open, with the token when one is needed
    others: tuple[str, ...]  # the same on the machine's other addresses (a workshop network)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise LawcheckError(f"cannot listen on {host}:{port} ({error.strerror}); choose another --port "
                            "or --host") from None
    sock.listen(128)
    return sock


def _addresses(host: str, port: int, token: str) -> Address:
    suffix = f"/?token={token}" if token else "/"
    shown = "[::1]" if host == "::1" else host
    if host not in ("0.0.0.0", "::", ""):
        return Address(f"http://{shown}:{port}{suffix}", ())
    names = []
    try:
        names = [a for a in socket.gethostbyname_ex(socket.gethostname())[2] if not a.startswith("127.")]
    except OSError:
        pass
    hostname = socket.gethostname()
    urls = [f"http://{a}:{port}{suffix}" for a in names] + [f"http://{hostname}:{port}{suffix}"]
    return Address(urls[0], tuple(urls[1:]))


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, language: str = "en", workers: int = 1,
          upload_mb: int = 20, bills: tuple[str, ...] = (), offences: str | None = None,
          announce: Callable[[Address, str], None] = lambda address, token: None) -> None:
    """Run the server until interrupted. ``announce`` is called once it listens (the CLI prints the address)."""
    import uvicorn

    from lawcheck.serve.app import Settings, create_app, languages
    from lawcheck.serve.security import is_local, new_token

    if workers < 1:
        raise LawcheckError("--workers must be 1 or more")
    if language not in languages():
        raise LawcheckError(f"--lang {language!r}: the pages are written in {', '.join(languages())}; choose one")
    local = is_local(host)
    token = "" if local else new_token()
    settings = Settings(language=language, workers=workers, upload_limit=upload_mb * 1024 * 1024, token=token,
                        local=local, bills=bills, offences=offences)
    sock = _bind(host, port)
    app = create_app(settings)
    config = uvicorn.Config(app, log_level="warning", access_log=False, server_header=False, lifespan="on",
                            timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    announce(_addresses(host, sock.getsockname()[1], token), token)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops on Ctrl+C, then raises it again: the trainer meant to stop
        pass
    finally:
        app.app.state.server.remove_uploads()  # type: ignore[attr-defined]
        sock.close()
