"""A local test CA and a small threaded HTTPS server that the stand-ins are built on.

`LocalCA` makes one CA (with `trustme`) and one server certificate for 127.0.0.1 and localhost, and
writes the CA certificate to `ca_file`, which callers pass as REQUESTS_CA_BUNDLE. `HTTPSService` runs
a `ThreadingHTTPServer` in a daemon thread and turns each request into a `Request` for `handle()`,
which returns a `Response`. The TLS handshake happens in the worker thread, never in the accept loop,
so one slow client cannot stall the others."""

from __future__ import annotations

import json
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

import trustme

MAX_BODY_BYTES = 1024 * 1024


class LocalCA:
    """A throwaway certificate authority and one server certificate for the loopback names."""

    def __init__(
        self, directory: str | Path | None = None, hosts: Iterable[str] = ("127.0.0.1", "localhost")
    ):
        self._ca = trustme.CA()
        self._leaf = self._ca.issue_cert(*hosts)
        folder = Path(directory) if directory is not None else Path(tempfile.mkdtemp(prefix="standin-ca-"))
        folder.mkdir(parents=True, exist_ok=True)
        self.ca_file = str(folder / "standin-ca.pem")
        self._ca.cert_pem.write_to_path(self.ca_file)

    @property
    def cert_pem(self) -> bytes:
        return self._ca.cert_pem.bytes()

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._leaf.configure_cert(context)
        return context

    def client_context(self) -> ssl.SSLContext:
        """An `ssl` context that trusts this CA (for urllib / PyJWT clients)."""
        return ssl.create_default_context(cafile=self.ca_file)


@dataclass
class Request:
    method: str
    path: str  # without the query string, percent-decoding left to the service
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-case names
    body: bytes
    raw_query: str = ""

    def arg(self, name: str) -> str | None:
        values = self.query.get(name)
        return values[0] if values else None

    def form(self) -> dict[str, str]:
        """Form fields of an application/x-www-form-urlencoded body (first value of each name)."""
        parsed = parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {name: values[0] for name, values in parsed.items()}

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def json(cls, status: int, payload: Any, headers: Iterable[tuple[str, str]] = ()) -> Response:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        return cls(status, body, "application/json; charset=utf-8", list(headers))

    @classmethod
    def text(cls, status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> Response:
        return cls(status, text.encode("utf-8"), content_type)

    @classmethod
    def redirect(cls, location: str, headers: Iterable[tuple[str, str]] = ()) -> Response:
        return cls(302, b"", None, [("Location", location), *headers])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address, handler, context: ssl.SSLContext, service: HTTPSService):
        self.context = context
        self.service = service
        super().__init__(address, handler)

    def get_request(self):
        sock, address = self.socket.accept()
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle stalls on small answers
        tls = self.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return tls, address

    def finish_request(self, request, client_address):
        request.settimeout(30)
        try:
            request.do_handshake()
        except (ssl.SSLError, OSError):
            return  # a client that does not trust the CA, or went away: nothing to answer
        super().finish_request(request, client_address)

    def handle_error(self, request, client_address):
        pass  # broken connections are the client's business; the log would only add noise


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "standin"
    sys_version = ""

    def _serve(self) -> None:
        service: HTTPSService = self.server.service  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._write(Response.text(413, "request too large"), close=True)
            return
        body = self.rfile.read(length) if length else b""
        request = Request(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            raw_query=parts.query,
        )
        try:
            response = service.handle(request)
        except Exception as exc:  # a stand-in bug must show up as a 500, never hang the client
            response = service.internal_error(request, exc)
        self._write(response)

    def _write(self, response: Response, close: bool = False) -> None:
        self.send_response(response.status)
        if response.content_type:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _serve

    def log_message(self, format, *args):
        pass


class HTTPSService:
    """Base of the stand-ins: binds at construction (so `url` is known), serves after `start()`."""

    def __init__(self, ca: LocalCA, host: str = "127.0.0.1", port: int = 0):
        self.ca = ca
        self._server = _Server((host, port), _Handler, ca.server_context(), self)
        bound_port = self._server.server_address[1]
        shown_host = f"[{host}]" if ":" in host else host
        self.url = f"https://{shown_host}:{bound_port}"
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def start(self) -> Self:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"{type(self).__name__}:{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.close()

    def handle(self, request: Request) -> Response:  # pragma: no cover - overridden
        raise NotImplementedError

    def internal_error(self, request: Request, exc: Exception) -> Response:
        return Response.json(500, {"error": "server_error", "error_description": type(exc).__name__})


def free_loopback_port() -> int:
    """A port that was free a moment ago (for callers that must name a port before starting)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
