"""What the benchmark's server-side parts share: the app's stack (a fresh PostgreSQL database, migrated,
a Redis key prefix, the local Microsoft 365 stand-ins), the Flask floor under the same gunicorn
settings, a seeded pair, and the resident memory of a gunicorn worker.

Everything started here is stopped by the context managers, also on a crash or a time-out."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import create_engine, make_url, text

from plugin.cli import gunicorn_options
from tests.support import m365
from tests.support.live import REDIS_URL, Server, forget_prefix, free_port, migrate, server_env

ROOT = Path(__file__).resolve().parents[1]
ADMIN_URL = os.environ.get("PG_ADMIN_URL") or os.environ.get(
    "MUS_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
# One person's rate limits are set so that a person at work never meets them but one token cannot
# flood the app; the load generator is one person on 50 connections, so the benchmark raises them out
# of reach. The limiter still counts every request (in Redis), so its cost stays in the figures.
UNREACHED_LIMITS = {
    "MUS_RATE_LIMIT_READS_PERSON": "100000000 per minute",
    "MUS_RATE_LIMIT_WRITES_PERSON": "100000000 per minute",
    "MUS_RATE_LIMIT_WRITES_TENANT": "100000000 per minute",
    "MUS_RATE_LIMIT_GRAPH_PERSON": "100000000 per minute",
    "MUS_RATE_LIMIT_CONVERSATIONS_PERSON": "100000 per hour",
    "MUS_RATE_LIMIT_CONVERSATIONS_TENANT": "100000 per hour",
}
# The server settings of the throughput runs (the issue's): gunicorn gthread, 1 worker, 16 threads.
WORKERS, THREADS = 1, 16


class OutOfTime(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """A hard limit for a part (SIGALRM in the main thread); the `finally` blocks still clean up."""

    def expire(signum, frame):
        raise OutOfTime(f"over its time limit of {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 8192)), hard))


@dataclass
class Stack:
    """The app's surroundings for one part: servers started with `server()` are stopped on exit."""

    work: Path
    cloud: m365.Cloud
    database_url: str
    prefix: str
    servers: list[Server] = field(default_factory=list)

    def env(self, *, redis: bool) -> dict:
        env = server_env(
            self.cloud, self.database_url, REDIS_URL if redis else None, self.prefix, self.work / "instance"
        )
        return env | UNREACHED_LIMITS

    def server(
        self, *, redis: bool, threads: int = THREADS, workers: int = WORKERS, name: str = "app"
    ) -> Server:
        log = self.work / f"{name}-{len(self.servers)}.log"
        server = Server(self.env(redis=redis), log, workers=workers, threads=threads)
        self.servers.append(server)
        return server


@contextlib.contextmanager
def app_stack(part: str) -> Iterator[Stack]:
    raise_file_limit()
    work = Path(tempfile.mkdtemp(prefix=f"mus-bench-{part}-"))
    name = f"mus_bench_{part}_{uuid.uuid4().hex[:8]}"
    engine = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    prefix = f"mus-bench-{uuid.uuid4().hex[:12]}:"
    cloud = m365.start_cloud(work / "m365")
    stack = Stack(work, cloud, database_url, prefix)
    try:
        migrate(stack.env(redis=False))
        yield stack
    finally:
        for server in stack.servers:
            server.terminate()
        for server in stack.servers:
            server.stop()
        cloud.close()
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
        forget_prefix(prefix)
        shutil.rmtree(work, ignore_errors=True)


# --- the floor: a minimal Flask app under the same gunicorn settings ---------------------------------


class Floor:
    """bench/floor.py (GET hello JSON, POST echo) run by gunicorn with `mus serve`'s settings."""

    def __init__(self, work: Path, *, workers: int = WORKERS, threads: int = THREADS) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = work / f"floor-{self.port}.log"
        self.options = gunicorn_options("127.0.0.1", self.port, workers, threads)
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Floor:
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "bench" / "floor.py"), json.dumps(self.options)],
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the floor exited: {self.log_path.read_text()[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{self.url}/hello", timeout=1).status_code == 200:
                    return self
            time.sleep(0.05)
        self.__exit__()
        raise RuntimeError("the floor did not start")

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.process = None
        self._log.close()


# --- memory -------------------------------------------------------------------------------------------


def worker_pid(master_pid: int) -> int | None:
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    except OSError:
        return None
    return int(children[0]) if children else None


def rss_mb(pid: int | None) -> float | None:
    """Resident memory (VmRSS) of a process in MB."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def floor_worker_rss(work: Path) -> float | None:
    """The idle floor worker's resident memory, after a few requests (as the app's is measured)."""
    with Floor(work) as floor:
        assert floor.process is not None
        for _ in range(20):
            requests.get(f"{floor.url}/hello", timeout=5)
            requests.post(f"{floor.url}/echo", json={"n": 1}, timeout=5)
        return rss_mb(worker_pid(floor.process.pid))


# --- a seeded pair ----------------------------------------------------------------------------------------


@dataclass
class Pair:
    """Mette (manager) and Jonas (employee) with conversations, goals, notes and their tokens."""

    manager_token: str
    employee_token: str
    conversation_id: int
    item_ids: list[int]
    goal_id: int
    conversations: list[tuple[int, list[int]]]


def seed_pair(cloud: m365.Cloud, base: str, *, conversations: int = 3, goals: int = 5) -> Pair:
    from tests.support.live import NotesClient, b64

    manager, employee = cloud.sso("manager"), cloud.sso("employee")
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {manager}"

    def call(method: str, path: str, expect: int = 200, **kwargs) -> dict:
        response = session.request(method, base + path, timeout=30, **kwargs)
        if response.status_code != expect:
            raise RuntimeError(
                f"seeding: {method} {path} answered {response.status_code}: {response.text[:500]}"
            )
        return response.json() if response.content else {}

    call("GET", "/api/me")
    made: list[tuple[int, list[int]]] = []
    for _ in range(conversations):
        data = call("POST", "/api/conversations", 201, json={"employee": {"object_id": m365.oid("employee")}})
        made.append((data["id"], [item["id"] for item in data["agenda"]]))
    cid, items = made[0]
    goal_id = 0
    for n in range(goals):
        goal = call(
            "POST",
            f"/api/conversations/{cid}/goals",
            201,
            json={"title": f"Goal {n}: lead the weekly planning meeting", "specific": "Plan and chair it"},
        )
        goal_id = goal["id"]
    for item in items:
        client = NotesClient()
        update = b64(client.append("We agreed to meet again after the summer. " * 3))
        call("POST", f"/api/conversations/{cid}/agenda/{item}/notes/updates", 201, json={"update": update})
    session.close()
    return Pair(manager, employee, cid, items, goal_id, made)
