"""Memory: the resident set (RSS) of an idle app worker against an idle Flask hello worker, both run
by gunicorn with the same settings (gthread, 1 worker, 16 threads) and both after a few requests.

    .venv/bin/python bench/memory.py

The worker with 1,000 open live streams is measured by the live part (bench/live.py), beside the same
floor."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from bench.stack import (  # noqa: E402
    THREADS,
    WORKERS,
    app_stack,
    floor_worker_rss,
    rss_mb,
    seed_pair,
    time_limit,
    worker_pid,
)
from bench.table import Row, markdown  # noqa: E402


def run(*, quick: bool = False) -> list[Row]:
    with time_limit(120), app_stack("memory") as stack:
        floor = floor_worker_rss(stack.work)
        server = stack.server(redis=True).start()
        pair = seed_pair(stack.cloud, server.url, conversations=1, goals=3)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {pair.manager_token}"
        cid = pair.conversation_id
        paths = [
            "/api/me",
            "/api/conversations",
            f"/api/conversations/{cid}",
            f"/api/conversations/{cid}/goals",
        ]
        paths += [
            f"/api/conversations/{cid}/agenda/{pair.item_ids[0]}/notes",
            f"/api/conversations/{cid}/agreement",
        ]
        for _ in range(5):
            for path in paths:
                session.get(server.url + path, timeout=30).raise_for_status()
        session.close()
        assert server.process is not None
        app = rss_mb(worker_pid(server.process.pid))
    if app is None or floor is None:
        return [Row("memory", "RSS of an idle app worker", 0, "MB", met=False, note="could not be read")]
    return [
        Row(
            "memory",
            "RSS of an idle app worker (after the hot reads once)",
            app,
            "MB",
            baseline="idle Flask hello worker",
            baseline_value=floor,
            note=f"gunicorn gthread, {WORKERS} worker, {THREADS} threads, both",
        )
    ]


if __name__ == "__main__":
    print(markdown(run(quick="--quick" in sys.argv)))
