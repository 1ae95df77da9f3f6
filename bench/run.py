"""`make bench`: every part of the benchmark, one table (bench/table.py), also written to bench/latest.md.

    .venv/bin/python bench/run.py [--quick] [--only http,live,...]

Parts, each a module with `run(*, quick) -> list[Row]` that starts and stops what it needs:
http (bench/throughput.py), live, scaleout, memory, web and growth. A part whose module is not there
is "not measured". Each part runs in a child process of its own with what is left of the overall
time limit (40 minutes; 8 with --quick): on a time-out the child is told to stop (SIGTERM, so its
servers and databases are cleaned up), then killed. Exits non-zero only when a part crashed or ran
out of time, never for a missed goal: the table says which goals were met."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.table import Row, markdown  # noqa: E402

# Part name -> module. bench/throughput.py is the "http" part (a bench/http.py would shadow the
# standard library's http package for every script run from bench/).
PARTS = {
    "http": "bench.throughput",
    "live": "bench.live",
    "scaleout": "bench.scaleout",
    "memory": "bench.memory",
    "web": "bench.web",
    "growth": "bench.growth",
}
# The table's sections in this order; the others (web, growth, ...) after them, as they come.
SECTIONS = ("http", "live", "scale-out", "memory")
TOTAL_SECONDS = {False: 40 * 60, True: 8 * 60}  # growth alone: ~16 min (a 10,000-person org, twice)
STOP_GRACE_SECONDS = 45  # after SIGTERM, for the part's cleanup
LATEST = ROOT / "bench" / "latest.md"


def present(part: str) -> bool:
    return importlib.util.find_spec(PARTS[part]) is not None


def run_part_here(part: str, quick: bool, out: Path) -> None:
    """In the child: run one part and write its rows as JSON. SIGTERM ends it through the `finally`
    blocks that stop its servers and drop its database."""

    def stop(signum, frame):
        raise SystemExit(f"{part}: stopped (out of time)")

    signal.signal(signal.SIGTERM, stop)
    module = importlib.import_module(PARTS[part])
    rows = module.run(quick=quick)
    out.write_text(json.dumps([asdict(row) for row in rows]))


def run_part(part: str, quick: bool, seconds: float) -> list[Row]:
    """Runs a part in a child process; raises on a crash or a time-out."""
    with tempfile.TemporaryDirectory(prefix="mus-bench-run-") as folder:
        out = Path(folder) / "rows.json"
        args = [sys.executable, str(Path(__file__).resolve()), "--part", part, "--out", str(out)]
        child = subprocess.Popen([*args, *(["--quick"] if quick else [])], cwd=ROOT)
        try:
            code = child.wait(timeout=max(1.0, seconds))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGTERM)
            try:
                child.wait(timeout=STOP_GRACE_SECONDS)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            raise TimeoutError(f"{part} ran out of its {seconds:.0f} s") from None
        if code != 0 or not out.exists():
            raise RuntimeError(f"{part} crashed (exit code {code}; its output is above)")
        return [Row(**fields) for fields in json.loads(out.read_text())]


def grouped(rows: list[Row]) -> list[Row]:
    """The rows by section (the memory figures come from two parts), each section in its own order."""
    first: dict[str, int] = {}
    for row in rows:
        first.setdefault(row.section, len(SECTIONS) + len(first))
    order = {name: n for n, name in enumerate(SECTIONS)}
    return sorted(rows, key=lambda row: order.get(row.section, first[row.section]))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="short runs, for development")
    parser.add_argument("--only", default="", help=f"comma-separated parts: {', '.join(PARTS)}")
    parser.add_argument("--part", help=argparse.SUPPRESS)  # internal: run one part in this process
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        run_part_here(args.part, args.quick, Path(args.out))
        return 0

    chosen = [p.strip() for p in args.only.split(",") if p.strip()] or list(PARTS)
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        parser.error(f"unknown part(s): {', '.join(unknown)} (parts: {', '.join(PARTS)})")
    deadline = time.monotonic() + TOTAL_SECONDS[args.quick]
    rows: list[Row] = []
    missing: list[str] = []
    failed: list[str] = []
    for part in chosen:
        if not present(part):
            print(f"not measured: {part}", flush=True)
            missing.append(part)
            continue
        left = deadline - time.monotonic()
        if left < 30:
            print(f"not measured: {part} (the overall time limit is used up)", flush=True)
            failed.append(f"{part} (no time left)")
            continue
        print(f"--- {part}", flush=True)
        started = time.monotonic()
        try:
            rows += run_part(part, args.quick, left)
        except Exception as exc:
            traceback.print_exception(exc, limit=1)
            failed.append(f"{part} ({exc})")
        print(f"--- {part}: {time.monotonic() - started:.0f} s", flush=True)

    table = markdown(grouped(rows))
    footer = []
    if missing:
        footer.append(f"Not measured: {', '.join(missing)}.")
    if failed:
        footer.append(f"Failed: {'; '.join(failed)}.")
    if args.quick:
        footer.append("A quick run (--quick): shorter loads and fewer live connections than the goals name.")
    text = "\n\n".join([table, *footer]) + "\n"
    print()
    print(text, end="")
    if not args.only:
        LATEST.write_text(text)
        print(f"(written to {LATEST.relative_to(ROOT)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
