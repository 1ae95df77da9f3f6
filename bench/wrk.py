"""wrk (Debian's /usr/bin/wrk) driven by a generated Lua script: the Authorization header, for writes
a body per request (read from a file, each request its own) and a unique Idempotency-Key, and a
done() hook that prints the latency percentiles and the responses by status class as JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CONNECTIONS, THREADS = 50, 2

_SCRIPT = r"""
local method, token, bodies_file = %(method)s, %(token)s, %(bodies)s
local threads, counter = {}, 0
local lines, index = {}, 0
local paths = %(paths)s

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  s2xx, s4xx, s5xx, sother, codes = 0, 0, 0, 0, {}
  if bodies_file ~= "" then
    local n = 0
    for line in io.lines(bodies_file) do
      if n %% %(threads)d == tid then table.insert(lines, line) end
      n = n + 1
    end
  end
end

function request()
  counter = counter + 1
  local headers = {}
  if token ~= "" then headers["Authorization"] = "Bearer " .. token end
  local path, body = paths[(counter %% #paths) + 1], nil
  if method ~= "GET" then
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = string.format("wrk-%%d-%%d-%%s", tid, counter, %(run)s)
    if #lines > 0 then
      index = (index %% #lines) + 1
      local tab = string.find(lines[index], "\t", 1, true)
      path, body = string.sub(lines[index], 1, tab - 1), string.sub(lines[index], tab + 1)
    else
      body = '{"title": "hello", "n": 1}'
    end
  end
  return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
  if status < 200 or status >= 300 then codes[status] = (codes[status] or 0) + 1 end
  if status >= 200 and status < 300 then s2xx = s2xx + 1
  elseif status >= 500 then s5xx = s5xx + 1
  elseif status >= 400 then s4xx = s4xx + 1
  else sother = sother + 1 end
end

function done(summary, latency, requests)
  local t = {s2xx = 0, s4xx = 0, s5xx = 0, sother = 0}
  all_codes = {}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
    for code, n in pairs(thread:get("codes") or {}) do all_codes[code] = (all_codes[code] or 0) + n end
  end
  local listed = {}
  for code, n in pairs(all_codes) do table.insert(listed, string.format('"%%d": %%d', code, n)) end
  io.write(string.format(
    'WRK {"requests": %%d, "duration_us": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, ' ..
    '"connect_errors": %%d, "read_errors": %%d, "write_errors": %%d, "timeouts": %%d, ' ..
    '"s2xx": %%d, "s4xx": %%d, "s5xx": %%d, "sother": %%d, "codes": {%%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, t.s2xx, t.s4xx, t.s5xx, t.sother, table.concat(listed, ", ")))
end
"""


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    ok: int
    client_errors: int
    server_errors: int
    other: int
    socket_errors: int
    codes: dict[str, int]

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def not_2xx(self) -> int:
        return self.client_errors + self.server_errors + self.other

    def note(self) -> str:
        parts = [f"p50 {self.p50_ms:.1f} ms, p99 {self.p99_ms:.1f} ms"]
        if self.not_2xx:
            statuses = ", ".join(f"{n}x {code}" for code, n in sorted(self.codes.items()))
            parts.append(f"{self.not_2xx} of {self.requests} not 2xx: {statuses}")
        if self.socket_errors:
            parts.append(f"{self.socket_errors} socket errors")
        return "; ".join(parts)


def _lua(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal for our values


def run(
    base: str,
    paths: list[str],
    *,
    method: str = "GET",
    token: str = "",
    bodies: list[tuple[str, str]] | None = None,
    seconds: float = 10,
    run_id: str = "0",
) -> Result:
    """`wrk -t2 -c50 -d<seconds>s` against `base`, cycling through `paths` (GET) or `bodies` (path,
    JSON body: one per request, shared out between wrk's threads; a run that needs more requests
    than there are bodies starts over, which the note shows)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise RuntimeError("wrk is not installed (apt-get install wrk)")
    with tempfile.TemporaryDirectory(prefix="mus-bench-wrk-") as folder:
        bodies_file = ""
        if bodies:
            bodies_file = str(Path(folder) / "bodies.txt")
            Path(bodies_file).write_text("".join(f"{path}\t{body}\n" for path, body in bodies))
        script = Path(folder) / "script.lua"
        script.write_text(
            _SCRIPT
            % {
                "method": _lua(method),
                "token": _lua(token),
                "bodies": _lua(bodies_file),
                "paths": "{" + ", ".join(_lua(p) for p in paths) + "}",
                "threads": THREADS,
                "run": _lua(run_id),
            }
        )
        done = subprocess.run(
            [
                wrk,
                f"-t{THREADS}",
                f"-c{CONNECTIONS}",
                f"-d{seconds:.0f}s",
                "--timeout",
                "10s",
                "-s",
                str(script),
                base,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
        )
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRK ")), None)
    if done.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout[-1000:]} {done.stderr[-1000:]}")
    data = json.loads(line[4:])
    return Result(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        ok=data["s2xx"],
        client_errors=data["s4xx"],
        server_errors=data["s5xx"],
        other=data["sother"],
        codes=data["codes"],
        socket_errors=data["connect_errors"] + data["read_errors"] + data["write_errors"] + data["timeouts"],
    )
