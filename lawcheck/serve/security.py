"""The server's guard, one ASGI middleware in front of every request:

* **host**: on 127.0.0.1 (the default) only requests addressed to a local name are served (a web page
  elsewhere cannot reach the server through a name it controls: DNS rebinding);
* **token**: on any other host every request needs the access token, given once as ``?token=...`` (then
  kept in a cookie, and the address without it is loaded) or by that cookie; without it, 403;
* **size**: a request body larger than the limit is refused (413) before it is read to the end;
* **headers**: a Content-Security-Policy that allows scripts and styles from the server's own files only
  (no inline script), no framing, no referrer, no sniffing, no caching of pages.

CSRF tokens (double-submit: a random cookie repeated in every POST form) are checked by the app
(:func:`csrf_ok`), which reads the form.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_COOKIE = "lawcheck_token"
CSRF_COOKIE = "lawcheck_csrf"
CSRF_FIELD = "csrf"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
)
TOKEN_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud and typed by participants
TOKEN_LENGTH = 12  # about 59 bits


def new_token() -> str:
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS or host.startswith("127.")


def same(given: str, expected: str) -> bool:
    return bool(given) and bool(expected) and secrets.compare_digest(given.encode(), expected.encode())


def csrf_ok(cookies: dict[str, str], form_value: object) -> bool:
    return isinstance(form_value, str) and same(form_value, cookies.get(CSRF_COOKIE, ""))


class TooLarge(Exception):
    """The request body passed the limit."""


Refusal = Callable[[Scope, int], Awaitable[Response]]  # the page for a 403 or a 413, in the server's language


class Guard:
    def __init__(self, app: ASGIApp, *, token: str, local: bool, body_limit: int, refuse: Refusal) -> None:
        self.app = app
        self.token = token
        self.local = local
        self.body_limit = body_limit
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if self.local and not is_local(_host_name(headers.get("host", ""))):
            await self._send(await self.refuse(scope, 403), scope, receive, send)
            return
        if self.token:
            answer = self._token_answer(scope, headers)
            if answer is not None:
                await self._send(answer if answer.status_code != 403 else await self.refuse(scope, 403),
                                 scope, receive, send)
                return
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.body_limit:
            await self._send(await self.refuse(scope, 413), scope, receive, send)
            return
        await self._guarded(scope, receive, send)

    def _token_answer(self, scope: Scope, headers: Headers) -> Response | None:
        """None to go on; a redirect that keeps the token in a cookie; or a bare 403 (the page is made later)."""
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = next((value for key, value in query if key == "token"), "")
        if same(given, self.token):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            response = RedirectResponse(scope["path"] + (f"?{rest}" if rest else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict")
            return response
        cookie = _cookies(headers).get(TOKEN_COOKIE, "")
        return None if same(cookie, self.token) else Response(status_code=403)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.body_limit:
                    raise TooLarge()
            return message

        async def marked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = _with_headers(message)
            await send(message)

        try:
            await self.app(scope, counted, marked)
        except TooLarge:
            if not started:
                await self._send(await self.refuse(scope, 413), scope, receive, send)

    @staticmethod
    async def _send(response: Response, scope: Scope, receive: Receive, send: Send) -> None:
        async def marked(message: Message) -> None:
            await send(_with_headers(message) if message["type"] == "http.response.start" else message)

        await response(scope, receive, marked)


def _with_headers(message: Message) -> Message:
    """The response's start with the security headers it does not set itself (a static file's caching)."""
    headers = list(message.get("headers", []))
    present = {name.lower() for name, _ in headers}
    return {**message, "headers": headers + [(name, value) for name, value in HEADERS if name not in present]}


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _cookies(headers: Headers) -> dict[str, str]:
    from starlette.requests import cookie_parser

    return cookie_parser(headers.get("cookie", ""))
