"""The tab's weight and start (issue 16, goal 6).

    .venv/bin/python bench/web.py            # about 1.5 minutes
    .venv/bin/python bench/web.py --quick    # fewer runs, about 40 s

Starts `mus serve` (gunicorn) in demo mode on a free loopback port, on a fresh seeded SQLite
database, with the front end as built (web/build.mjs: split per surface, precompressed), and measures:

1. weight: the bytes each surface's page loads first (its module script, the chunks it preloads, its
   CSS), fetched from the server with `Accept-Encoding: gzip` and with `br`, against the page that
   only initializes teams-js (/simulator/teams-js, demo mode only);
2. tab start, in real Chromium via Playwright, in the Teams simulator with both participants: the
   time from the simulator page's start until both side panels have told their host they loaded
   (appInitialization.success), and until both show the conversation (its header), against the
   simulator with the teams-js-only page in both side panels (its appInitialization.success). Cold:
   a new browser context (empty cache); warm: the same page loaded again in that context. Median of
   several runs, app and baseline alternating.

Bounded: a hard time limit for the whole run; the server and the browser are always stopped."""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from bench.table import Row, markdown  # noqa: E402
from plugin.pages.assets import BUILD_DIR, BuildManifest  # noqa: E402
from tests.support.live import MUS, Server  # noqa: E402

SECTION = "tab start and weight"
SURFACES = ("sidepanel", "stage", "content", "config", "personal")
BASELINE_ENTRY = "teams-js-only"
BASELINE = "teams-js-only page"
PARTICIPANTS = ("mette", "jonas")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The goal: within 300 ms of the teams-js-only page, cold. The side panel's weight before
# the split (one bundle for every surface, issue 16).
WITHIN_MS = 300
SIDE_PANEL_BEFORE_KB = 87.9
TIME_LIMIT_S = 170
STEP_TIMEOUT_MS = 30_000

# Runs in every frame before its own scripts: the moment the conversation's header is in a frame's
# page, on the wall clock (performance.timeOrigin + now), so it compares across frames.
MARK_SHOWN = """(() => {
  if (window === window.top) return;
  const seen = () => {
    if (window.__musShown || !document.querySelector('[data-testid="conversation-header"]')) return false;
    window.__musShown = performance.timeOrigin + performance.now();
    return true;
  };
  new MutationObserver((_, observer) => seen() && observer.disconnect())
    .observe(document, { childList: true, subtree: true });
})();"""


def _demo_env(work: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MUS_")}
    env.update(
        MUS_DEMO="1",
        MUS_DATABASE_URL=f"sqlite:///{work / 'mus.sqlite3'}",
        MUS_INSTANCE_PATH=str(work / "instance"),
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),  # this checkout's code and build, also under an install of another
    )
    return env


def _run(args: list[str], env: dict) -> None:
    done = subprocess.run([MUS, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=90)
    if done.returncode != 0:
        raise RuntimeError(f"mus {' '.join(args)} failed: {done.stderr[-2000:]}")


class Demo:
    """Calls to the demo server as a demo person (tokens from the demo identity provider)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.Session()

    def api(self, person: str, method: str, path: str, body: object = None) -> dict:
        token = self.session.post(f"{self.url}/demo/idp/token", json={"person": person}, timeout=30)
        token.raise_for_status()
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        response = self.session.request(method, f"{self.url}{path}", json=body, headers=headers, timeout=30)
        response.raise_for_status()
        return response.json()

    def meeting_in_progress(self, key: str) -> None:
        """A MUS bound to the simulated meeting `key`, in the meeting, consents given by both."""
        self.session.get(f"{self.url}/simulator/?meeting={key}", timeout=30).raise_for_status()
        jonas = self.api("jonas", "GET", "/api/me")
        conversation = self.api(
            "mette",
            "POST",
            "/api/conversations",
            {
                "kind": "mus",
                "title": "MUS (benchmark)",
                "employee": {"object_id": jonas["object_id"]},
                "meeting": {"meeting_id": f"sim-meeting-{key}"},
            },
        )
        cid = conversation["id"]
        transition = {"status": "in_meeting", "version": conversation["version"]}
        self.api("mette", "POST", f"/api/conversations/{cid}/transition", transition)
        for person in PARTICIPANTS:
            for kind, value in (("confidentiality", True), ("keep_shared_notes", True), ("recording", False)):
                self.api(person, "PUT", f"/api/conversations/{cid}/consent", {"kind": kind, "value": value})


# --- weight ---------------------------------------------------------------------------------------


def _served_bytes(url: str, files: tuple[str, ...], encoding: str) -> int:
    """The bytes the server sends for `files` with that Accept-Encoding (checked: it did encode)."""
    total = 0
    with requests.Session() as session:
        for name in files:
            headers = {"Accept-Encoding": encoding}
            response = session.get(f"{url}/static/build/{name}", headers=headers, stream=True, timeout=30)
            response.raise_for_status()
            if response.headers.get("Content-Encoding") != encoding:
                raise RuntimeError(f"{name} was not sent with {encoding}: {response.headers}")
            total += int(response.headers["Content-Length"])
            response.close()
    return total


def weight_rows(url: str) -> list[Row]:
    manifest = BuildManifest(BUILD_DIR)
    baseline_files = manifest.entry(BASELINE_ENTRY)
    if baseline_files is None:
        raise RuntimeError("the front end is not built: run `npm run build` in web/")
    rows = []
    for encoding, label in (("gzip", "gzipped"), ("br", "brotli")):
        baseline_kb = _served_bytes(url, baseline_files.all, encoding) / 1000
        for surface in SURFACES:
            files = manifest.entry(f"tab:{surface}")
            assert files is not None
            kb = _served_bytes(url, files.all, encoding) / 1000
            goal, met = "", None
            if surface == "sidepanel" and encoding == "gzip":
                goal, met = f"< {SIDE_PANEL_BEFORE_KB} KB (one bundle before)", kb < SIDE_PANEL_BEFORE_KB
            rows.append(
                Row(
                    SECTION,
                    f"{surface}: JS and CSS loaded first, {label}",
                    kb,
                    "KB",
                    BASELINE,
                    baseline_kb,
                    goal,
                    met,
                    note=f"{len(files.all)} files",
                )
            )
    return rows


# --- tab start -----------------------------------------------------------------------------------


def _side_panels_ready(page) -> float:
    """Waits until both side panels reported success; the later one's time (ms since page start)."""
    page.wait_for_function(
        """(participants) => participants.every((p) => (window.simulatorLog || []).some((e) =>
            e.participant === p && e.frameContext === "sidePanel"
            && e.func === "appInitialization.success"))""",
        arg=list(PARTICIPANTS),
        timeout=STEP_TIMEOUT_MS,
        polling=50,
    )
    log = page.evaluate("window.simulatorLog")
    failures = [e for e in log if e["func"] == "appInitialization.failure"]
    if failures:
        raise RuntimeError(f"a side panel failed to load: {failures}")
    return max(
        next(e["at"] for e in log if e["participant"] == p and e["func"] == "appInitialization.success")
        for p in PARTICIPANTS
    )


# In a side panel's frame: when its last file from /static/build/ had arrived, on the wall clock.
CODE_LOADED = """() => performance.timeOrigin + Math.max(0, ...performance.getEntriesByType("resource")
    .filter((entry) => new URL(entry.name).pathname.startsWith("/static/build/"))
    .map((entry) => entry.responseEnd))"""


def _conversation_shown(page) -> tuple[float, float]:
    """Waits until both side panels show the conversation: the later one's time, and when the later
    one's code (JS, CSS) had arrived (ms since the simulator page's start)."""
    origin = page.evaluate("performance.timeOrigin")
    shown, code = [], []
    for participant in PARTICIPANTS:
        selector = f'iframe[data-participant="{participant}"][data-frame-context="sidePanel"]'
        page.frame_locator(selector).get_by_test_id("conversation-header").first.wait_for(
            timeout=STEP_TIMEOUT_MS
        )
        handle = page.locator(selector).element_handle()
        frame = handle.content_frame() if handle else None
        assert frame is not None
        frame.wait_for_function("() => window.__musShown !== undefined", timeout=STEP_TIMEOUT_MS, polling=50)
        shown.append(frame.evaluate("window.__musShown") - origin)
        code.append(frame.evaluate(CODE_LOADED) - origin)
    return max(shown), max(code)


def start_rows(url: str, meeting: str, runs: int, deadline: float) -> list[Row]:
    from playwright.sync_api import sync_playwright

    app_url = f"{url}/simulator/?meeting={meeting}&locale=da"
    baseline_url = f"{app_url}&baseline=teams-js"
    times: dict[str, list[float]] = {
        f"{what} {temperature}": []
        for what in ("ready", "shown", "code", "base")
        for temperature in ("cold", "warm")
    }
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            # One unmeasured round first: the server's first requests (imports, caches) are not the tab's.
            measured = [(kind, False) for _ in range(runs) for kind in ("app", "base")]
            plan = [("app", True), ("base", True), *measured]
            for kind, warmup in plan:
                if time.monotonic() > deadline:
                    break
                context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="da-DK")
                try:
                    context.add_init_script(MARK_SHOWN)
                    page = context.new_page()
                    for temperature in ("cold", "warm"):
                        page.goto(app_url if kind == "app" else baseline_url, wait_until="commit")
                        ready = _side_panels_ready(page)
                        if kind == "app":
                            shown, code = _conversation_shown(page)
                            if not warmup:
                                times[f"ready {temperature}"].append(ready)
                                times[f"shown {temperature}"].append(shown)
                                times[f"code {temperature}"].append(code)
                        elif not warmup:
                            times[f"base {temperature}"].append(ready)
                finally:
                    context.close()
        finally:
            browser.close()
    done = min(len(v) for v in times.values())
    if done == 0:
        raise RuntimeError("no complete run within the time limit")
    median = {k: statistics.median(v[:done]) for k, v in times.items()}
    rows = []
    for temperature in ("cold", "warm"):
        base = median[f"base {temperature}"]
        for what, key in (("both side panels ready", "ready"), ("both show the conversation", "shown")):
            value = median[f"{key} {temperature}"]
            goal, met = "", None
            if temperature == "cold":
                goal, met = f"≤ baseline + {WITHIN_MS} ms", value <= base + WITHIN_MS
            rows.append(
                Row(
                    SECTION,
                    f"{what}, {temperature}",
                    value,
                    "ms",
                    f"{BASELINE}, {temperature} (both side panels ready)",
                    base,
                    goal,
                    met,
                    note=f"median of {done}, +{value - base:.0f} ms",
                )
            )
        # Where the time goes: the side panels' own code had arrived by then; the rest is the API's
        # answers (token, /api/me, the conversation), which the app waits for.
        code = median[f"code {temperature}"]
        rows.append(
            Row(
                SECTION,
                f"both side panels' JS and CSS arrived, {temperature}",
                code,
                "ms",
                f"{BASELINE}, {temperature} (both side panels ready)",
                base,
                note=f"median of {done}; after it the side panels wait on the API",
            )
        )
    return rows


def run(*, quick: bool = False) -> list[Row]:
    deadline = time.monotonic() + TIME_LIMIT_S
    with tempfile.TemporaryDirectory(prefix="mus-bench-web-") as folder:
        work = Path(folder)
        env = _demo_env(work)
        started = time.monotonic()
        _run(["db", "upgrade"], env)
        _run(["seed-demo"], env)
        print(f"bench/web: database ready in {time.monotonic() - started:.0f} s", file=sys.stderr)
        server = Server(env, work / "server.log", workers=1, threads=16)
        try:
            server.start()
            rows = weight_rows(server.url)
            meeting = f"bench{uuid.uuid4().hex[:8]}"
            Demo(server.url).meeting_in_progress(meeting)
            rows += start_rows(server.url, meeting, 3 if quick else 9, deadline)
        finally:
            with contextlib.suppress(Exception):
                server.stop()
            server.kill()
    return rows


if __name__ == "__main__":
    print(markdown(run(quick="--quick" in sys.argv)))
