"""Live collaboration benchmark: edit-to-other-participant latency and live connections held.

    .venv/bin/python bench/live.py            # about 1.5 minutes, loopback only
    .venv/bin/python bench/live.py --quick    # smaller numbers, about 40 s
    .venv/bin/python bench/live.py --rows [--quick]   # the rows `make bench` prints (bench/run.py)

Starts real servers (`mus serve`, gunicorn) on free loopback ports against one fresh PostgreSQL
database and one Redis key prefix, signed in through the local Microsoft 365 stand-ins, and measures:

1. one instance (in-process broker): a manager posts a Yjs notes update, the time until the
   employee's live stream delivers it (the POST's answer comes only after the commit);
2. two instances via Redis: the manager posts on B, the employee's stream is on A;
3. live connections: ramps to N open live streams on one instance (2 per meeting), keeps them open,
   then measures the same latency in some meetings while all streams stay connected.

Bounded: every phase has a time limit and a fixed number of requests; the whole run stops itself.
Prints a Markdown table. Needs PostgreSQL (PG_ADMIN_URL or MUS_TEST_DATABASE_URL, default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres) and Redis (MUS_TEST_REDIS_URL, default
redis://127.0.0.1:6379/0)."""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import resource
import shutil
import signal
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from bench.stack import rss_mb, worker_pid  # noqa: E402
from tests.support import m365  # noqa: E402
from tests.support.live import (  # noqa: E402
    REDIS_URL,
    NotesClient,
    Server,
    SseParser,
    forget_prefix,
    migrate,
    new_prefix,
    server_env,
)

RUN_SECONDS = 180  # hard stop for the whole run, whatever happens
DEADLINE = time.monotonic() + RUN_SECONDS  # set again when a run starts


# --- a small asyncio HTTP/1.1 client (keep-alive requests, and chunked event streams) ------------------


class Http:
    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.headers: dict[str, str] = {}  # the last response's

    async def request(self, method: str, path: str, body: dict | None = None, headers: dict | None = None):
        """One request; on a kept-alive connection the server closed meanwhile (gunicorn closes idle
        ones after 2 s), once more on a new one (the writes carry an Idempotency-Key)."""
        reused = self.writer is not None
        try:
            return await self._request(method, path, body, headers)
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            await self.close()
            if not reused:
                raise
            return await self._request(method, path, body, headers)

    async def _request(self, method: str, path: str, body: dict | None, headers: dict | None):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        payload = json.dumps(body).encode() if body is not None else b""
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            f"Authorization: Bearer {self.token}",
            f"Content-Length: {len(payload)}",
        ]
        if body is not None:
            lines.append("Content-Type: application/json")
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + payload)
        status, response_headers = await _read_head(self.reader)
        self.headers = response_headers
        if "chunked" in response_headers.get("transfer-encoding", ""):
            data = b"".join([chunk async for chunk in _chunks(self.reader)])
        else:
            data = await self.reader.readexactly(int(response_headers.get("content-length", "0")))
        if response_headers.get("connection", "").lower() == "close":
            await self.close()
        return status, data

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
            self.writer = self.reader = None


async def _read_head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            return status, headers
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()


async def _chunks(reader: asyncio.StreamReader):
    while True:
        size_line = await reader.readline()
        if not size_line:
            return
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            await reader.readline()
            return
        data = await reader.readexactly(size)
        await reader.readexactly(2)
        yield data


class Stream:
    """One tab's live stream."""

    def __init__(self, port: int, token: str, conversation_id: int, on_event) -> None:
        self.port, self.token, self.cid, self.on_event = port, token, conversation_id, on_event
        self.ready = asyncio.Event()
        self.closed = False
        self.task: asyncio.Task | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.headers: dict[str, str] = {}

    async def open(self) -> None:
        reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port, limit=1 << 20)
        request = (
            f"GET /api/conversations/{self.cid}/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {self.token}\r\nAccept: text/event-stream\r\n\r\n"
        )
        self.writer.write(request.encode())
        status, self.headers = await _read_head(reader)
        if status != 200:
            raise ConnectionError(f"stream answered {status}")
        self.task = asyncio.create_task(self._read(reader))

    async def _read(self, reader) -> None:
        parser = SseParser()
        try:
            async for chunk in _chunks(reader):
                for event in parser.feed(chunk):
                    if event.event == "ready":
                        self.ready.set()
                    else:
                        self.on_event(self, event)
        except (ConnectionError, asyncio.IncompleteReadError, OSError):
            pass
        finally:
            self.closed = True

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task


# --- meetings ----------------------------------------------------------------------------------


@dataclass
class Meeting:
    cid: int
    item: int
    manager_token: str
    employee_token: str
    client: NotesClient = field(default_factory=NotesClient)
    waiting: asyncio.Future | None = None


def add_people(cloud: m365.Cloud, count: int, tag: str) -> None:
    """The meetings' managers and employees in the stand-in directory, each manager with one report,
    all of them having consented (planning asks Microsoft Graph on the manager's behalf)."""
    scopes = ["User.Read", "OnlineMeetings.Read", "Calendars.ReadWrite"]
    for i in range(count):
        manager, employee = f"{tag}-manager-{i}", f"{tag}-employee-{i}"
        cloud.directory.add_user(
            m365.TENANT, m365.oid(manager), f"Leder {tag} {i}", f"{manager}@test.example"
        )
        cloud.directory.add_user(
            m365.TENANT,
            m365.oid(employee),
            f"Medarbejder {tag} {i}",
            f"{employee}@test.example",
            manager_id=m365.oid(manager),
        )
        for name in (manager, employee):
            cloud.directory.grant(m365.TENANT, m365.oid(name), m365.CLIENT_ID, scopes)


async def plan_meetings(cloud: m365.Cloud, port: int, count: int, tag: str) -> list[Meeting]:
    meetings: list[Meeting] = []
    add_people(cloud, count, tag)
    # One sign-in first: the organisation (tenant) is created on first sight, and concurrent first
    # sign-ins of a new tenant race (see the report).
    warm = Http(port, cloud.sso(f"{tag}-warm-up"))
    status, _ = await warm.request("GET", "/api/conversations")
    await warm.close()
    assert status == 200
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(count):
        queue.put_nowait(i)

    async def worker() -> None:
        while not queue.empty():
            i = queue.get_nowait()
            manager = cloud.sso(f"{tag}-manager-{i}")
            employee_oid = m365.oid(f"{tag}-employee-{i}")
            http = Http(port, manager)
            status, body = await http.request(
                "POST", "/api/conversations", {"employee": {"object_id": employee_oid}}
            )
            await http.close()
            assert status == 201, body
            data = json.loads(body)
            meetings.append(
                Meeting(data["id"], data["agenda"][0]["id"], manager, cloud.sso(f"{tag}-employee-{i}"))
            )

    await asyncio.gather(*(worker() for _ in range(8)))
    return meetings


def _deliver(stream: Stream, event) -> None:
    meeting: Meeting = stream.meeting  # type: ignore[attr-defined]
    if event.event == "notes.update" and meeting.waiting is not None and not meeting.waiting.done():
        meeting.waiting.set_result(time.perf_counter())


async def open_streams(
    meetings: list[Meeting], port: int, *, both: bool, batch: int = 50, limit: float = 60.0
):
    """Open the employee's (and with `both`, the manager's) stream of every meeting, in batches."""
    streams: list[Stream] = []
    failed = 0
    started = time.monotonic()
    tokens = [(m, m.employee_token) for m in meetings]
    if both:
        tokens += [(m, m.manager_token) for m in meetings]
    for offset in range(0, len(tokens), batch):
        if time.monotonic() - started > limit or time.monotonic() > DEADLINE - 60:
            break
        group = []
        for meeting, token in tokens[offset : offset + batch]:
            stream = Stream(port, token, meeting.cid, _deliver)
            stream.meeting = meeting  # type: ignore[attr-defined]
            group.append(stream)

        async def start(stream: Stream) -> bool:
            try:
                await asyncio.wait_for(stream.open(), 15)
                await asyncio.wait_for(stream.ready.wait(), 15)
                return True
            except (TimeoutError, ConnectionError, OSError):
                return False

        results = await asyncio.gather(*(start(s) for s in group))
        for stream, ok in zip(group, results, strict=True):
            if ok:
                streams.append(stream)
            else:
                failed += 1
                await stream.close()
        if failed:
            break
    return streams, failed


async def measure(
    meetings: list[Meeting], post_port: int, *, edits: int, interval: float, limit: float
) -> tuple[list[float], float]:
    """Each meeting's manager posts `edits` updates (one at a time, `interval` apart); the latency is
    from just before the POST until the employee's stream has the update."""
    latencies: list[float] = []
    errors = 0
    began = time.monotonic()
    stop_at = began + limit

    async def run(meeting: Meeting) -> None:
        nonlocal errors
        http = Http(post_port, meeting.manager_token)
        path = f"/api/conversations/{meeting.cid}/agenda/{meeting.item}/notes/updates"
        loop = asyncio.get_running_loop()
        for n in range(edits):
            if time.monotonic() > stop_at:
                break
            update = base64.b64encode(meeting.client.append(f"w{n} ")).decode()
            meeting.waiting = loop.create_future()
            started = time.perf_counter()
            try:
                status, _body = await http.request(
                    "POST", path, {"update": update}, {"Idempotency-Key": uuid.uuid4().hex}
                )
            except (ConnectionError, OSError, asyncio.IncompleteReadError):
                errors += 1
                continue
            if status != 201:
                errors += 1
                continue
            try:
                arrived = await asyncio.wait_for(meeting.waiting, 5)
                latencies.append((arrived - started) * 1000)
            except TimeoutError:
                errors += 1
            await asyncio.sleep(interval)
        await http.close()

    await asyncio.gather(*(run(m) for m in meetings))
    if errors:
        print(f"  ({errors} edits failed or were not delivered within 5 s)", flush=True)
    return latencies, time.monotonic() - began


def percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return at(0.50), at(0.95), at(0.99)


# --- the run ----------------------------------------------------------------------------------------------


@dataclass
class Phase:
    """One measured setup: the edits' latencies (ms) and how long they took."""

    setup: str
    streams: int
    latencies: list[float]
    seconds: float

    def p95(self) -> float | None:
        return percentiles(self.latencies)[1] if self.latencies else None


@dataclass
class Measured:
    few: Phase  # one instance, 10 meetings typing, their 10 streams open
    many: Phase  # one instance, all streams open (`connections`)
    shared: Phase  # two instances via Redis: post on B, stream on A
    rss_mb: float | None  # the one instance's worker with all streams open
    threads: int


def measure_all(*, connections: int, edits: int, typing: int, threads: int) -> Measured:
    """Starts and stops everything (database, Redis prefix, stand-ins, servers) within RUN_SECONDS."""
    global DEADLINE
    DEADLINE = time.monotonic() + RUN_SECONDS

    def out_of_time(signum, frame):
        raise TimeoutError("the benchmark ran out of its time budget")

    previous = signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(int(DEADLINE - time.monotonic()) + 30)  # a hard stop; servers are cleaned up below
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 8192)), hard))
    admin = os.environ.get("PG_ADMIN_URL") or os.environ.get(
        "MUS_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    )
    work = Path(tempfile.mkdtemp(prefix="mus-bench-"))
    name = f"mus_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    prefix = new_prefix().replace("mus-test-", "mus-bench-")
    cloud = m365.start_cloud(work / "m365")
    servers: list[Server] = []
    try:
        migrate(server_env(cloud, database_url, None, prefix, work / "instance"))
        single_env = server_env(cloud, database_url, None, prefix, work / "instance")
        shared_env = server_env(cloud, database_url, REDIS_URL, prefix, work / "instance")
        print(f"database {name}, redis prefix {prefix}, logs in {work}", flush=True)

        # 1 + 3: one instance, in-process broker.
        single = Server(single_env, work / "single.log", threads=threads)
        servers.append(single)
        single.start()
        assert single.process is not None
        few, many, rss = asyncio.run(
            phase_single(cloud, single.port, single.process.pid, connections, edits, typing)
        )
        single.stop()

        # 2: two instances via Redis.
        a = Server(shared_env, work / "a.log", threads=64)
        b = Server(shared_env, work / "b.log", threads=64)
        servers += [a, b]
        for server in (a, b):
            server.launch()
        for server in (a, b):
            server.wait_ready()
        shared = asyncio.run(phase_shared(cloud, a.port, b.port, edits))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        for server in servers:
            server.terminate()
        for server in servers:
            server.stop()
        cloud.close()
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
        forget_prefix(prefix)
    shutil.rmtree(work, ignore_errors=True)  # the servers' logs, kept only when a run failed
    return Measured(few, many, shared, rss, threads)


def run(*, quick: bool = False) -> list:
    """The rows of `make bench` (bench/table.py): p95 save-to-other-screen on one instance with
    1,000 open live connections against the same with 10, across two instances, and the resident
    memory of the worker holding the 1,000 streams against an idle Flask worker (the floor)."""
    from bench.stack import floor_worker_rss
    from bench.table import Row

    connections = 200 if quick else 1000
    measured = measure_all(connections=connections, edits=15 if quick else 30, typing=20, threads=1280)
    few, many, shared = measured.few, measured.many, measured.shared

    def note(phase: Phase) -> str:
        if not phase.latencies:
            return f"{phase.setup}: no edit measured"
        p50, _p95, p99 = percentiles(phase.latencies)
        return f"{phase.setup}; {len(phase.latencies)} edits, p50 {p50:.1f} ms, p99 {p99:.1f} ms"

    def value(phase: Phase) -> float:
        return phase.p95() if phase.latencies else float("nan")

    many_p95, shared_p95 = many.p95(), shared.p95()
    rows = [
        Row(
            "live",
            f"save to other screen, p95, 1 instance, {many.streams:,} open live connections",
            value(many),
            "ms",
            baseline=f"same with {few.streams} connections",
            baseline_value=few.p95(),
            goal="< 100 ms",
            met=many_p95 is not None and many_p95 < 100 and many.streams >= connections,
            note=note(many),
        ),
        Row(
            "live",
            "save to other screen, p95, 2 instances via Redis (save on B, stream on A)",
            value(shared),
            "ms",
            baseline=f"1 instance, {few.streams} connections",
            baseline_value=few.p95(),
            goal="< 150 ms",
            met=shared_p95 is not None and shared_p95 < 150,
            note=note(shared),
        ),
    ]
    with tempfile.TemporaryDirectory(prefix="mus-bench-floor-") as folder:
        floor = floor_worker_rss(Path(folder))
    if measured.rss_mb is not None:
        rows.append(
            Row(
                "memory",
                f"RSS of the app worker with {many.streams:,} live streams open",
                measured.rss_mb,
                "MB",
                baseline="idle Flask hello worker",
                baseline_value=floor,
                note=f"gunicorn gthread, 1 worker, {measured.threads} threads (mus serve's default)",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer meetings and edits")
    parser.add_argument("--connections", type=int, default=1000, help="live streams to hold on one instance")
    parser.add_argument(
        "--threads", type=int, default=1280, help="threads of the server's worker (mus serve's default)"
    )
    parser.add_argument("--typing", type=int, default=20, help="meetings typing while all streams are open")
    args = parser.parse_args()
    measured = measure_all(
        connections=200 if args.quick else args.connections,
        edits=15 if args.quick else 30,
        typing=args.typing,
        threads=args.threads,
    )
    print()
    print("| setup | open live streams | edits measured | edits/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for phase in (measured.few, measured.many, measured.shared):
        print("| " + " | ".join(_row(phase)) + " |")
    print()
    print(
        f"Loopback, {os.cpu_count()} cores, PostgreSQL, gunicorn gthread (1 worker, {args.threads} threads "
        "for one instance; 1 worker, 64 threads each for two). Latency: from just before the POST of a "
        "Yjs update (answered after commit) until the other participant's live stream delivered it."
    )


def _row(phase: Phase) -> tuple[str, ...]:
    rate = f"{len(phase.latencies) / phase.seconds:.0f}" if phase.seconds else "-"
    if not phase.latencies:
        return (phase.setup, str(phase.streams), "0", rate, "-", "-", "-")
    p50, p95, p99 = percentiles(phase.latencies)
    return (
        phase.setup,
        str(phase.streams),
        str(len(phase.latencies)),
        rate,
        f"{p50:.1f}",
        f"{p95:.1f}",
        f"{p99:.1f}",
    )


def _phase(setup: str, streams: int, measured: tuple[list[float], float]) -> Phase:
    return Phase(setup, streams, *measured)


async def phase_single(cloud: m365.Cloud, port: int, pid: int, connections: int, edits: int, typing: int):
    meetings = await plan_meetings(cloud, port, max(typing, connections // 2), "one")
    print(f"planned {len(meetings)} meetings", flush=True)
    # Latency with few streams open: 10 meetings typing, the employee's stream only.
    sample = meetings[:10]
    streams, _ = await open_streams(sample, port, both=False)
    measured = await measure(sample, port, edits=edits, interval=0.2, limit=25)
    few = _phase("1 instance, in-process broker, 10 meetings typing", len(streams), measured)
    print(f"one instance: {len(measured[0])} edits measured", flush=True)
    for stream in streams:
        await stream.close()
    # Many streams: both participants of every meeting, then some meetings typing.
    started = time.monotonic()
    streams, failed = await open_streams(meetings, port, both=True)
    print(
        f"opened {len(streams)} live streams in {time.monotonic() - started:.1f}s ({failed} failed); "
        f"server worker: {worker_stats(pid)}",
        flush=True,
    )
    await asyncio.sleep(1)
    rss = rss_mb(worker_pid(pid))
    measured = await measure(meetings[:typing], port, edits=edits, interval=0.5, limit=30)
    still = sum(not s.closed for s in streams)
    print(
        f"under load: {len(measured[0])} edits measured; {still} of {len(streams)} streams still open",
        flush=True,
    )
    many = _phase(
        f"1 instance, in-process broker, {typing} of {len(meetings)} meetings typing", still, measured
    )
    for stream in streams:
        await stream.close()
    return few, many, rss


def worker_stats(master_pid: int) -> str:
    """Threads and resident memory of the gunicorn worker (the master's child)."""
    try:
        children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
        status = Path(f"/proc/{children[0]}/status").read_text().splitlines()
    except (OSError, IndexError):
        return "unknown"
    fields = dict(line.split(":", 1) for line in status if ":" in line)
    return f"{fields['Threads'].strip()} threads, {fields['VmRSS'].strip()} resident"


async def phase_shared(cloud: m365.Cloud, port_a: int, port_b: int, edits: int):
    meetings = await plan_meetings(cloud, port_b, 10, "two")
    streams, _ = await open_streams(meetings, port_a, both=False)
    measured = await measure(meetings, port_b, edits=edits, interval=0.2, limit=25)
    print(f"two instances: {len(measured[0])} edits measured", flush=True)
    for stream in streams:
        await stream.close()
    return _phase(
        "2 instances via Redis, 10 meetings typing (post on B, stream on A)", len(streams), measured
    )


if __name__ == "__main__":
    if "--rows" in sys.argv:  # the rows of `make bench`
        from bench.table import markdown

        print(markdown(run(quick="--quick" in sys.argv)))
    else:
        main()
