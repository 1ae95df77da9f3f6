"""Scale-out behind a real load balancer: HAProxy (Debian's) in front of 1, then 2 `mus serve` instances
on one PostgreSQL database and Redis.

    .venv/bin/python bench/scaleout.py [--quick]

1. Throughput of a hot read (the side panel's conversation load) through the balancer, with 1 and
   with 2 instances (each gunicorn gthread, 1 worker, 16 threads; wrk -t2 -c50): the ratio should grow.
   This machine has 2 cores shared by wrk, HAProxy, PostgreSQL and the instances, so 2 instances can
   at best use both cores: the ratio shows whether the app scales out, not a production figure.
2. Live edits through the balancer: each participant's stream and saves go through HAProxy (round
   robin, no sticky sessions); HAProxy names the instance that answered (X-Mus-Instance), and only
   the edits saved on one instance and delivered to a stream held by the other count. Goal: p95 <
   150 ms.

HAProxy runs as a plain process (`haproxy -db -f <generated config>`) on free loopback ports; the
production example with TLS is docs/haproxy.cfg."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from bench import wrk  # noqa: E402
from bench.live import Http, Meeting, Stream, percentiles, plan_meetings  # noqa: E402
from bench.stack import THREADS, app_stack, seed_pair, time_limit  # noqa: E402
from bench.table import Row, markdown  # noqa: E402
from tests.support.live import free_port  # noqa: E402

SECTION = "scale-out"
HEADER = "x-mus-instance"
GROWTH = 1.10  # "grows": by more than a run's noise

_CONFIG = """
global
    maxconn 8192

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 60s
    timeout queue 30s

frontend mus
    bind 127.0.0.1:{port}
    default_backend instances

backend instances
    balance roundrobin
    option httpchk GET /readyz
    http-check expect status 200
    http-response set-header X-Mus-Instance %[srv_name]
{servers}
"""


class Balancer:
    """HAProxy in front of `ports`, in the foreground (-db) of its own process group."""

    def __init__(self, work: Path, ports: list[int]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.names = [f"app{n + 1}" for n in range(len(ports))]
        servers = "\n".join(
            f"    server {name} 127.0.0.1:{port} check inter 2s fall 2 rise 1"
            for name, port in zip(self.names, ports, strict=True)
        )
        self.config = work / f"haproxy-{self.port}.cfg"
        self.config.write_text(_CONFIG.format(port=self.port, servers=servers))
        self.log_path = work / f"haproxy-{self.port}.log"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Balancer:
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [haproxy, "-db", "-f", str(self.config)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        # Ready when every instance has answered through it (the health checks marked them up).
        seen: set[str] = set()
        deadline = time.monotonic() + 30
        while seen != set(self.names):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"HAProxy did not come up: {self.log_path.read_text()[-2000:]}")
            with contextlib.suppress(requests.RequestException):
                answer = requests.get(f"{self.url}/healthz", timeout=2)
                if answer.status_code == 200 and HEADER in answer.headers:
                    seen.add(answer.headers[HEADER])
                    continue
            time.sleep(0.05)
        return self

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


async def crossed_edits(
    meetings: list[Meeting], port: int, *, edits: int, interval: float, limit: float
) -> tuple[list[float], list[float], int]:
    """Each meeting: the employee's stream and the manager's saves through the balancer; the latency
    (ms, from just before the POST until the stream has the update) of the edits saved on another
    instance than the one holding the stream, and of those saved on the stream's own instance.
    Returns (crossed latencies, same-instance latencies, failures)."""
    streams: list[Stream] = []
    waiting: dict[int, asyncio.Future] = {}

    def deliver(stream: Stream, event) -> None:
        future = waiting.get(stream.cid)
        if event.event == "notes.update" and future is not None and not future.done():
            future.set_result(time.perf_counter())

    for meeting in meetings:
        stream = Stream(port, meeting.employee_token, meeting.cid, deliver)
        await asyncio.wait_for(stream.open(), 15)
        await asyncio.wait_for(stream.ready.wait(), 15)
        streams.append(stream)
    crossed: list[float] = []
    same: list[float] = []
    failed = 0
    stop_at = time.monotonic() + limit

    async def type_in(meeting: Meeting, stream: Stream) -> None:
        nonlocal failed
        http = Http(port, meeting.manager_token)
        path = f"/api/conversations/{meeting.cid}/agenda/{meeting.item}/notes/updates"
        loop = asyncio.get_running_loop()
        for n in range(edits):
            if time.monotonic() > stop_at:
                break
            update = base64.b64encode(meeting.client.append(f"w{n} ")).decode()
            waiting[meeting.cid] = loop.create_future()
            started = time.perf_counter()
            try:
                status, _ = await http.request(
                    "POST", path, {"update": update}, {"Idempotency-Key": uuid.uuid4().hex}
                )
            except (ConnectionError, OSError, asyncio.IncompleteReadError):
                failed += 1
                continue
            if status != 201:
                failed += 1
                continue
            try:
                arrived = await asyncio.wait_for(waiting[meeting.cid], 5)
            except TimeoutError:
                failed += 1
                continue
            latency = (arrived - started) * 1000
            (crossed if http.headers.get(HEADER) != stream.headers.get(HEADER) else same).append(latency)
            await asyncio.sleep(interval)
        await http.close()

    try:
        await asyncio.gather(*(type_in(m, s) for m, s in zip(meetings, streams, strict=True)))
    finally:
        for stream in streams:
            await stream.close()
    return crossed, same, failed


def _hot_read(url: str, pair, seconds: float) -> wrk.Result:
    path = f"/api/conversations/{pair.conversation_id}"
    headers = {"Authorization": f"Bearer {pair.manager_token}"}
    for _ in range(4):  # hot on every instance (round robin)
        requests.get(url + path, headers=headers, timeout=30).raise_for_status()
    return wrk.run(url, [path], token=pair.manager_token, seconds=seconds)


def run(*, quick: bool = False) -> list[Row]:
    seconds = 3 if quick else 10
    with time_limit(180 if quick else 360), app_stack("scaleout") as stack:
        one = stack.server(redis=True, name="one").start()
        pair = seed_pair(stack.cloud, one.url, conversations=1, goals=1)
        with Balancer(stack.work, [one.port]) as balancer:
            single = _hot_read(balancer.url, pair, seconds)
        two = stack.server(redis=True, name="two").start()
        with Balancer(stack.work, [one.port, two.port]) as balancer:
            double = _hot_read(balancer.url, pair, seconds)
            meetings = asyncio.run(plan_meetings(stack.cloud, balancer.port, 10, "scale"))
            crossed, same, failed = asyncio.run(
                crossed_edits(meetings, balancer.port, edits=15 if quick else 40, interval=0.2, limit=40)
            )
    rows = [
        Row(
            SECTION,
            "side panel GET /api/conversations/{id} through HAProxy, 2 instances",
            double.rate,
            "req/s",
            baseline="the same through HAProxy, 1 instance",
            baseline_value=single.rate,
            goal="grows with instances (≥ 110 %)",
            met=double.rate >= GROWTH * single.rate and double.server_errors == single.server_errors == 0,
            note=(
                f"each instance gunicorn gthread, 1 worker, {THREADS} threads; {os.cpu_count()} cores "
                "shared by wrk, HAProxy, PostgreSQL and the instances, so 2 instances can at best use both; "
                f"p95 {single.p95_ms:.1f} → {double.p95_ms:.1f} ms; 1: {single.note()}; 2: {double.note()}"
            ),
        )
    ]
    if crossed:
        p50, p95, p99 = percentiles(crossed)
        note = (
            f"{len(crossed)} edits saved on one instance and streamed from the other (p50 {p50:.1f} ms, "
            f"p99 {p99:.1f} ms); the baseline: the {len(same)} that landed on the stream's instance"
        )
        if failed:
            note += f"; {failed} edits failed or were not delivered within 5 s"
        rows.append(
            Row(
                SECTION,
                "save to other screen, p95, through HAProxy, save and stream on different instances",
                p95,
                "ms",
                baseline="saved on the stream's instance",
                baseline_value=percentiles(same)[1] if same else None,
                goal="< 150 ms",
                met=p95 < 150 and failed == 0,
                note=note,
            )
        )
    else:
        rows.append(
            Row(
                SECTION,
                "save to other screen through HAProxy",
                0,
                "ms",
                goal="< 150 ms",
                met=False,
                note="none measured",
            )
        )
    return rows


if __name__ == "__main__":
    print(markdown(run(quick="--quick" in sys.argv)))
