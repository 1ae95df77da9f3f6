"""One table for `make bench`: every figure beside its baseline from the same run, and the ratio.

Each part of the benchmark (bench/http.py, bench/web.py, bench/growth.py, ...) returns `Row`s; the
runner (bench/run.py) prints them as one Markdown table, grouped by section, with the date and the
machine above it."""

from __future__ import annotations

import os
import platform
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Row:
    """One measured figure. `baseline_value` is measured in the same run (the floor of our own stack,
    or the same request on a near-empty database); `ratio` is value / baseline. `goal` says in words
    what the issue asks ("≥ 40 % of the floor", "p95 < 20 ms"), `met` whether this run met it (None:
    no goal, only a figure)."""

    section: str
    what: str
    value: float
    unit: str
    baseline: str = ""
    baseline_value: float | None = None
    goal: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline_value in (None, 0):
            return None
        return self.value / self.baseline_value


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return ""
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.1f}" if abs(value) >= 10 else f"{value:,.2f}"
    return f"{text} {unit}".strip()


def _ratio(row: Row) -> str:
    ratio = row.ratio
    if ratio is None:
        return ""
    return f"{ratio * 100:.0f} %" if row.unit in ("req/s",) else f"{ratio:.2f}x"


def _verdict(met: bool | None) -> str:
    return "" if met is None else ("yes" if met else "**no**")


def machine() -> str:
    cores = os.cpu_count() or 0
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            kib = int(f.readline().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GB"
    except (OSError, ValueError, IndexError):
        memory = ""
    python = platform.python_version()
    return f"{platform.machine()}, {cores} cores{memory}, Python {python}, {platform.system()}"


def markdown(rows: Iterable[Row], *, when: datetime | None = None) -> str:
    rows = list(rows)
    when = when or datetime.now(UTC)
    lines = [
        f"Measured {when:%Y-%m-%d %H:%M} UTC on {machine()}.",
        "",
        "| section | what | baseline (same run) | baseline | value | ratio | goal | met |",
        "|---|---|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        what = f"{row.what} ({row.note})" if row.note else row.what
        lines.append(
            f"| {row.section} | {what} | {row.baseline} | {_number(row.baseline_value, row.unit)} | "
            f"{_number(row.value, row.unit)} | {_ratio(row)} | {row.goal} | {_verdict(row.met)} |"
        )
    return "\n".join(lines)
