"""Who may use the server: a token when it is bound beyond loopback, a Host allow-list, security headers.

On loopback (127.0.0.1, ::1, localhost) the server stays token-free for a single user, and the
``Host`` header must still name the machine itself (against DNS rebinding). Bound to any other
address, every request needs the token: ``Authorization: Bearer TOKEN``, or the cookie that opening
``/?token=TOKEN`` in a browser sets once. Every response carries headers that forbid framing, MIME
sniffing and referrers; the page gets a content security policy allowing only its own scripts.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import socket
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from airshield.web.guard import header

COOKIE = "airshield_token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
PAGES = ("/", "/docs")
"""HTML pages, which get the content security policy."""
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer"), (b"cross-origin-opener-policy", b"same-origin"),
           (b"cross-origin-resource-policy", b"same-origin")]
PAGE_POLICY = (b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
               b"img-src 'self' data: blob: https://tile.openstreetmap.org; "
               b"connect-src 'self' https://tile.openstreetmap.org; worker-src 'self' blob:; child-src blob:; "
               b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'")


@dataclass(frozen=True)
class Access:
    """``token`` required on every request (None: none); ``allowed_hosts`` accepted in the Host header
    (None: any)."""

    token: str | None = None
    allowed_hosts: frozenset[str] | None = None


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def access_for(host: str, token: str | None = None, extra_hosts: tuple[str, ...] = ()) -> Access:
    """The access rules of a server bound to ``host``: token-free on loopback; elsewhere ``token`` or a
    new random one. Host names accepted: loopback names, ``host``, this machine's names and addresses,
    and ``extra_hosts``."""
    hosts = {*LOOPBACK_NAMES, host.strip("[]"), *(h.lower() for h in extra_hosts)}
    if is_loopback(host):
        return Access(token=token, allowed_hosts=frozenset(hosts))
    return Access(token=token or secrets.token_urlsafe(24), allowed_hosts=frozenset(hosts | machine_names()))


def machine_names() -> set[str]:
    """This machine's host names and the addresses they resolve to."""
    names = {socket.gethostname().lower(), socket.getfqdn().lower()}
    for name in list(names):
        try:
            names |= {info[4][0] for info in socket.getaddrinfo(name, None)}
        except OSError:
            continue
    return names


class Guard:
    """ASGI middleware enforcing an :class:`Access` and adding the security headers."""

    def __init__(self, app: ASGIApp, access: Access):
        self.app, self.access = app, access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, _with_headers(send, page=False, cookie=None))
            return
        query = _query_token(scope)
        by_query = self.access.token is not None and query is not None and \
            hmac.compare_digest(query.encode(), self.access.token.encode())
        await self.app(scope, receive, _with_headers(send, page=scope["path"] in PAGES,
                                                     cookie=self.access.token if by_query else None))

    def _refusal(self, scope: Scope) -> JSONResponse | None:
        host = host_of(header(scope, b"host") or "")
        if self.access.allowed_hosts is not None and host not in self.access.allowed_hosts:
            return JSONResponse({"detail": f"host '{host[:80]}' is not served here; start the server with "
                                           "--allow-host NAME to accept it"}, status_code=400)
        if self.access.token is not None and not _has_token(scope, self.access.token):
            return JSONResponse({"detail": "this server needs its access token: open the URL printed at start "
                                           "(/?token=...) or send 'Authorization: Bearer TOKEN'"},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return None


def host_of(header: str) -> str:
    """The host name of a Host header, without port, lower case (``[::1]:8000`` -> ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def _has_token(scope: Scope, token: str) -> bool:
    given = []
    auth = header(scope, b"authorization") or ""
    if auth.lower().startswith("bearer "):
        given.append(auth[7:].strip())
    cookie = SimpleCookie()
    try:
        cookie.load(header(scope, b"cookie") or "")
    except Exception:  # noqa: BLE001 - a malformed cookie header is no token
        pass
    if COOKIE in cookie:
        given.append(cookie[COOKIE].value)
    given.append(_query_token(scope) or "")
    return any(hmac.compare_digest(g.encode(), token.encode()) for g in given if g)


def _query_token(scope: Scope) -> str | None:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token")
    return values[0] if values else None


def _with_headers(send: Send, *, page: bool, cookie: str | None) -> Send:
    """``send`` that adds the security headers (and the page policy, and the token cookie) to the response."""
    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", [])) + HEADERS
            if page:
                headers.append((b"content-security-policy", PAGE_POLICY))
            if cookie:
                headers.append((b"set-cookie", f"{COOKIE}={cookie}; HttpOnly; SameSite=Strict; Path=/".encode()))
            message = {**message, "headers": headers}
        await send(message)

    return sender
