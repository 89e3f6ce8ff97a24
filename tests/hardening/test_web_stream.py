"""A real server on 127.0.0.1: a chunked 100 MB body is cut at the limit (not read), and errors do not
break the keep-alive connection for the next request."""

from __future__ import annotations

import select
import socket

import pytest

uvicorn = pytest.importorskip("uvicorn", reason="the web app needs the 'web' extra")
httpx = pytest.importorskip("httpx")

from airshield.web import Limits, create_app  # noqa: E402
from airshield.web.local_server import running  # noqa: E402


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    app = create_app(tmp_path_factory.mktemp("stream") / "runs", [], Limits(max_request_bytes=100_000))
    with running(app) as number:
        yield number


def test_chunked_body_is_cut_at_the_limit(port):
    """Send up to 100 MB in 64 kB chunks with no Content-Length; the server answers 413 long before."""
    chunk = b"x" * 65_536
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /api/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        answer = b""
        try:
            while sent < 100_000_000:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
                if select.select([sock], [], [], 0)[0]:
                    break
        except (BrokenPipeError, ConnectionResetError):
            pass
        sock.settimeout(10)
        try:
            while b"\r\n\r\n" not in answer:
                part = sock.recv(65_536)
                if not part:
                    break
                answer += part
        except (ConnectionResetError, socket.timeout):
            pass
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 5_000_000, f"{sent} bytes were sent before the server refused"


@pytest.mark.parametrize("bad", [
    {"json": {"yaml": "a: " + "[" * 2000 + "]" * 2000}},
    {"content": '{"yaml": "name: x", "seed": 1e400}', "headers": {"content-type": "application/json"}},
    {"content": '{"yaml": NaN}', "headers": {"content-type": "application/json"}},
    {"content": b"{" * 50_000, "headers": {"content-type": "application/json"}},
])
def test_errors_keep_the_connection_usable(port, bad):
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        first = client.post("/api/validate", **bad)
        assert 400 <= first.status_code < 500
        assert client.get("/api/limits").status_code == 200
        assert client.get("/api/scenarios/nope").status_code == 404
        assert client.get("/api/limits").status_code == 200
