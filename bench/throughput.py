"""HTTP throughput and latency: the app's hot reads and writes against the floor of our own stack.

    .venv/bin/python bench/throughput.py [--quick]

The floor (bench/floor.py: a minimal Flask app, GET hello JSON and POST echo) and the app (`mus serve`
on a fresh PostgreSQL database, with Redis, a pair signed in through the local Microsoft 365
stand-ins) run under the SAME gunicorn settings: the threaded worker, 1 worker, 16 threads, and
`mus serve`'s worker_connections and timeouts (plugin/cli.py gunicorn_options). The load is
`wrk -t2 -c50 -d10s` on loopback (bench/wrk.py). Each request is made hot first (one call before
the run), so the figures are the steady state, not the first sign-in. The load is one person on 50
connections, which the per-person rate limits (Settings.rate_limits) would refuse at once (429), so
they are raised out of reach here (bench/stack.py UNREACHED_LIMITS); the limiter still counts each
request in Redis, so its cost stays in the figures. The writes: one Yjs update per request, each
from its own client (no update depends on another, so any order is valid) spread over the pair's
agenda items; and a new goal per request, spread over the pair's conversations.

Goals (issue 16): every hot read >= 40 % of the GET floor's req/s and p95 < 20 ms; the hot writes
>= 25 % of the POST floor's req/s. A 5xx is a failure of the run (the note counts every non-2xx)."""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from bench import wrk  # noqa: E402
from bench.stack import THREADS, WORKERS, Floor, app_stack, seed_pair, time_limit  # noqa: E402
from bench.table import Row, markdown  # noqa: E402

SECTION = "http"
READ_SHARE, WRITE_SHARE, P95_MS = 0.40, 0.25, 20.0
SETTINGS = (
    f"floor and app: gunicorn gthread, {WORKERS} worker, {THREADS} threads; wrk -t{wrk.THREADS} "
    f"-c{wrk.CONNECTIONS}; the app's per-person rate limits raised out of reach (still counted)"
)


def _notes_updates(pair, count: int) -> list[tuple[str, str]]:
    """`count` Yjs updates, each from its own client inserting at the start of a note: none depends on
    another, so any order is valid, and each changes the note (no update is a no-op replay). Spread
    over every agenda item of the pair's conversations, as many meetings typing at once."""
    from tests.support.live import NotesClient, b64

    items = [(cid, item) for cid, items in pair.conversations for item in items]
    bodies = []
    for n in range(count):
        cid, item = items[n % len(items)]
        update = b64(NotesClient().insert(0, "x"))
        bodies.append(
            (f"/api/conversations/{cid}/agenda/{item}/notes/updates", json.dumps({"update": update}))
        )
    return bodies


def _goal_bodies(pair, count: int) -> list[tuple[str, str]]:
    """Setting a goal (POST, as the goal editor's save of a new goal), spread over the conversations."""
    bodies = []
    for n in range(count):
        cid, _items = pair.conversations[n % len(pair.conversations)]
        body = {
            "title": f"Goal {n}: present the project at the team meeting",
            "specific": "Ten minutes, slides",
        }
        bodies.append((f"/api/conversations/{cid}/goals", json.dumps(body)))
    return bodies


def _read_row(what: str, result: wrk.Result, floor: wrk.Result) -> Row:
    share_ok = result.rate >= READ_SHARE * floor.rate
    p95_ok = result.p95_ms < P95_MS
    return Row(
        SECTION,
        what,
        result.rate,
        "req/s",
        baseline="Flask GET hello",
        baseline_value=floor.rate,
        goal=f"≥ 40 % of floor, p95 < {P95_MS:.0f} ms",
        met=share_ok and p95_ok and result.server_errors == 0,
        note=f"p95 {result.p95_ms:.1f} ms vs floor {floor.p95_ms:.1f} ms; {result.note()}",
    )


def _write_row(what: str, result: wrk.Result, floor: wrk.Result, bodies: int) -> Row:
    note = f"p95 {result.p95_ms:.1f} ms vs floor {floor.p95_ms:.1f} ms; {result.note()}"
    if result.requests > bodies:
        note += f"; only {bodies} distinct bodies, later ones replayed"
    return Row(
        SECTION,
        what,
        result.rate,
        "req/s",
        baseline="Flask POST echo",
        baseline_value=floor.rate,
        goal="≥ 25 % of floor",
        met=result.rate >= WRITE_SHARE * floor.rate and result.server_errors == 0,
        note=note,
    )


def run(*, quick: bool = False) -> list[Row]:
    seconds = 3 if quick else 10
    with time_limit(150 if quick else 420), app_stack("http") as stack:
        with Floor(stack.work) as floor_server:
            floor_get = wrk.run(floor_server.url, ["/hello"], seconds=seconds)
            floor_post = wrk.run(floor_server.url, ["/echo"], method="POST", seconds=seconds)
        rows = [
            Row(
                SECTION,
                "floor: Flask GET hello (JSON)",
                floor_get.rate,
                "req/s",
                note=f"{SETTINGS}; p95 {floor_get.p95_ms:.1f} ms; {floor_get.note()}",
            ),
            Row(
                SECTION,
                "floor: Flask POST echo (JSON)",
                floor_post.rate,
                "req/s",
                note=f"p95 {floor_post.p95_ms:.1f} ms; {floor_post.note()}",
            ),
        ]

        server = stack.server(redis=True).start()
        pair = seed_pair(stack.cloud, server.url, conversations=4, goals=5)
        cid, item = pair.conversation_id, pair.item_ids[0]
        reads = [
            ("GET /healthz (no database, no token)", "/healthz", ""),
            ("GET /api/me", "/api/me", pair.manager_token),
            ("My MUS list: GET /api/conversations", "/api/conversations", pair.manager_token),
            ("side panel: GET /api/conversations/{id}", f"/api/conversations/{cid}", pair.manager_token),
            (
                "notes of an agenda item: GET …/agenda/{item}/notes",
                f"/api/conversations/{cid}/agenda/{item}/notes",
                pair.manager_token,
            ),
            ("goals list: GET …/goals", f"/api/conversations/{cid}/goals", pair.manager_token),
            ("agreement: GET …/agreement", f"/api/conversations/{cid}/agreement", pair.manager_token),
        ]
        only = os.environ.get("BENCH_HTTP_ONLY", "")
        for what, path, token in reads:
            if only not in what:
                continue
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            warm = requests.get(server.url + path, headers=headers, timeout=30)
            if warm.status_code != 200:
                rows.append(
                    Row(
                        SECTION,
                        what,
                        0,
                        "req/s",
                        met=False,
                        note=f"answered {warm.status_code}: {warm.text[:120]}",
                    )
                )
                continue
            result = wrk.run(server.url, [path], token=token, seconds=seconds)
            if path == "/healthz":
                rows.append(
                    Row(
                        SECTION,
                        what,
                        result.rate,
                        "req/s",
                        baseline="Flask GET hello",
                        baseline_value=floor_get.rate,
                        note=f"p95 {result.p95_ms:.1f} ms; {result.note()}",
                    )
                )
            else:
                rows.append(_read_row(what, result, floor_get))

        if only:
            return rows
        # Writes: enough distinct bodies for the app's rate (a few thousand per second at most).
        count = 4000 if quick else 20000
        run_id = uuid.uuid4().hex[:8]
        bodies = _notes_updates(pair, count)
        result = wrk.run(
            server.url,
            ["/"],
            method="POST",
            token=pair.manager_token,
            bodies=bodies,
            seconds=seconds,
            run_id=run_id,
        )
        items = sum(len(items) for _cid, items in pair.conversations)
        what = f"save notes: POST …/notes/updates (a Yjs update, over {items} agenda items)"
        rows.append(_write_row(what, result, floor_post, len(bodies)))
        bodies = _goal_bodies(pair, count)
        result = wrk.run(
            server.url,
            ["/"],
            method="POST",
            token=pair.manager_token,
            bodies=bodies,
            seconds=seconds,
            run_id=run_id + "g",
        )
        rows.append(_write_row("save a goal: POST …/goals (a new goal)", result, floor_post, len(bodies)))
    return rows


if __name__ == "__main__":
    print(markdown(run(quick="--quick" in sys.argv)))
