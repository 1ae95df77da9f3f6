"""Helpers for the live collaboration tests and the benchmark: a server-sent-events parser, a Yjs
client (pycrdt) that speaks the notes API, and app servers in subprocesses (`mus serve`) on their
own ports, sharing one database and one Redis, signed in through the Microsoft 365 stand-ins."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import requests
from pycrdt import Doc, Text

from tests.support import m365

ROOT = Path(__file__).resolve().parents[2]
MUS = str(Path(sys.executable).parent / "mus")
REDIS_URL = os.environ.get("MUS_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
# How long a test waits for an event, a server's start and the like before it fails: generous, as the
# suite must pass on a loaded two-core machine; a test that gets what it waits for goes on at once.
WAIT_SECONDS = 30.0
# The key that encrypts content at rest in the servers these tests start (a Fernet key, tests only).
DATA_KEY = "Ux0dYp3m9rQ2kq7w1Jm4Yx8Zb6nV5tC3sF2gH1jK0lM="


# --- server-sent events -------------------------------------------------------------------------------


@dataclass
class SseEvent:
    event: str = "message"
    id: str | None = None
    data: str = ""

    @property
    def json(self) -> dict:
        return json.loads(self.data)


@dataclass
class SseParser:
    """Incremental parser (the text/event-stream format): events and comment lines."""

    buffer: str = ""
    comments: list[str] = field(default_factory=list)
    retry: int | None = None

    def feed(self, chunk: bytes | str) -> list[SseEvent]:
        self.buffer += chunk.decode("utf-8") if isinstance(chunk, bytes) else chunk
        events = []
        while "\n\n" in self.buffer:
            block, self.buffer = self.buffer.split("\n\n", 1)
            event, has_data = SseEvent(), False
            for line in block.split("\n"):
                if line.startswith(":"):
                    self.comments.append(line[1:].strip())
                    continue
                name, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if name == "data":
                    event.data = f"{event.data}\n{value}" if has_data else value
                    has_data = True
                elif name == "event":
                    event.event = value
                elif name == "id":
                    event.id = value
                elif name == "retry":
                    self.retry = int(value)
            if has_data:
                events.append(event)
        return events


def read_until(
    chunks: Iterable[bytes],
    parser: SseParser,
    until: Callable[[list[SseEvent]], bool],
    seen: list[SseEvent] | None = None,
    timeout: float = WAIT_SECONDS,
) -> list[SseEvent]:
    """Read a stream (an iterator of chunks that yields at least every keep-alive) until `until`."""
    seen = [] if seen is None else seen
    deadline = time.monotonic() + timeout
    iterator = iter(chunks)
    while not until(seen):
        if time.monotonic() > deadline:
            raise AssertionError(f"stream did not deliver in {timeout}s; got {[e.event for e in seen]}")
        seen.extend(parser.feed(next(iterator)))
    return seen


# --- a Yjs client -------------------------------------------------------------------------------------


class NotesClient:
    """One tab's Yjs document of a note: local edits become updates to send; received updates
    are applied. Text positions are Python string indices."""

    def __init__(self) -> None:
        self.doc = Doc()
        self.text = self.doc.get("notes", type=Text)

    def apply(self, update: bytes | str) -> None:
        self.doc.apply_update(base64.b64decode(update) if isinstance(update, str) else update)

    def edit(self, change: Callable[[Text], None]) -> bytes:
        before = self.doc.get_state()
        change(self.text)
        return self.doc.get_update(before)

    def insert(self, index: int, value: str) -> bytes:
        current = str(self.text)
        offset = len(current[:index].encode("utf-8"))
        return self.edit(lambda t: t.insert(offset, value))

    def delete(self, start: int, end: int) -> bytes:
        current = str(self.text)
        a, b = len(current[:start].encode("utf-8")), len(current[:end].encode("utf-8"))

        def remove(t: Text) -> None:
            del t[a:b]

        return self.edit(remove)

    def append(self, value: str) -> bytes:
        return self.insert(len(str(self.text)), value)

    def __str__(self) -> str:
        return str(self.text)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- app servers in subprocesses -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(
    cloud: m365.Cloud, database_url: str, redis_url: str | None, prefix: str, instance: Path
) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MUS_") and k != "REQUESTS_CA_BUNDLE"}
    env.update(
        MUS_DATABASE_URL=database_url,
        MUS_SECRET_KEY="live-test-secret",
        MUS_DATA_KEYS=DATA_KEY,
        MUS_CLIENT_ID=m365.CLIENT_ID,
        MUS_CLIENT_SECRET=m365.CLIENT_SECRET,
        MUS_APP_DOMAIN=m365.DOMAIN,
        MUS_TENANTS=m365.TENANT,
        MUS_AUTHORITY_HOST=cloud.entra.url,
        MUS_GRAPH_URL=cloud.graph.url,
        REQUESTS_CA_BUNDLE=cloud.ca.ca_file,
        MUS_INSTANCE_PATH=str(instance),
        MUS_REDIS_PREFIX=prefix,
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["MUS_REDIS_URL"] = redis_url
    return env


def migrate(env: dict) -> None:
    done = subprocess.run(
        [MUS, "db", "upgrade"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]


class Server:
    """`mus serve` (gunicorn) on a free port, in its own process group (so kill -9 takes all)."""

    def __init__(
        self, env: dict, log: Path, *, workers: int = 1, threads: int = 32, extra: tuple = ()
    ) -> None:
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self.args = [MUS, "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        self.args += ["--workers", str(workers), "--threads", str(threads), *extra]
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 2 * WAIT_SECONDS) -> Server:
        return self.launch().wait_ready(timeout)

    def launch(self) -> Server:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.args,
            env=self.env,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def wait_ready(self, timeout: float = 2 * WAIT_SECONDS) -> Server:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited: {self.log_path.read_text()[-3000:]}")
            try:
                if requests.get(f"{self.url}/readyz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.kill()
        raise AssertionError(f"server did not start: {self.log_path.read_text()[-3000:]}")

    def kill(self) -> None:
        """kill -9 of the whole process group (master and workers)."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None
        self._log.close()

    def terminate(self) -> None:
        """SIGTERM: gunicorn's graceful stop (the live streams are ended at once)."""
        if self.process is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)

    def stop(self) -> None:
        if self.process is None:
            return
        self.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
            return
        self.process = None
        self._log.close()


class Api:
    """requests against a server, as one person."""

    def __init__(self, base: str, token: str) -> None:
        self.base = base
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 10)
        return self.session.request(method, self.base + path, **kwargs)

    def close(self) -> None:
        self.session.close()


class StreamReader:
    """Reads a live stream on a thread; events land in `events` (a queue)."""

    def __init__(self, api: Api, conversation_id: int, last_event_id: str | None = None) -> None:
        headers = {"Last-Event-ID": last_event_id} if last_event_id else {}
        self.response = api.session.get(
            f"{api.base}/api/conversations/{conversation_id}/live", headers=headers, stream=True, timeout=30
        )
        assert self.response.status_code == 200, self.response.text
        self.events: queue.Queue[SseEvent] = queue.Queue()
        self.parser = SseParser()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            for chunk in self.response.iter_content(chunk_size=None):
                for event in self.parser.feed(chunk):
                    self.events.put(event)
        except (requests.RequestException, OSError, AttributeError, ValueError):
            pass  # closed by the test

    def wait_for(self, predicate: Callable[[SseEvent], bool], timeout: float = WAIT_SECONDS) -> SseEvent:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError("the expected live event did not arrive")
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                continue
            if predicate(event):
                return event

    def close(self) -> None:
        with contextlib.suppress(AttributeError, OSError):
            self.response.raw._fp.fp.raw._sock.shutdown(socket.SHUT_RDWR)  # unblock the reader
        self.response.close()
        self._thread.join(timeout=5)


def new_prefix() -> str:
    return f"mus-test-{uuid.uuid4().hex[:12]}:"


def forget_prefix(prefix: str) -> None:
    """Deletes every Redis key under the prefix (what a test or a benchmark run left there)."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}*"))
    if keys:
        client.delete(*keys)
    client.close()
