"""The growth curve: the side panel, the personal tab, the team overview and HR's coverage on a
near-empty database and on generated organisations of 1x, 10x and 100x (bench/org_generator.py:
100, 1,000 and 10,000 employees, one in ten a manager, 10 years of yearly MUS and monthly check-ins).

    .venv/bin/python bench/growth.py            # SQLite and PostgreSQL, up to 100x (several minutes)
    .venv/bin/python bench/growth.py --quick    # near-empty and 1x only, well under a minute

Each request runs in-process through the Flask test client (the app's whole stack from the WSGI
entry down: token validation with real RS256 tokens from the local Entra ID stand-in's keys, the
endpoint, the services and the database; no HTTP socket), with the people, manager and department
look-ups answered by the Graph stand-in's `Directory` in-process (indexed by manager, so that the
stand-in's own linear scan is not counted). Per size and database: a fresh database (SQLite file, or
a PostgreSQL database created and dropped), the organisation generated, then each scenario warmed up
and timed; the figure is the median. Rows: each time beside the near-empty time of the same
database, goal ≤ 2x; and the SQL statements each scenario issues (goal: no more than near-empty).

The scenarios:
- side panel: GET /api/conversations/{id}, the latest MUS of a pair with 10 years of history;
- personal tab: what "My MUS" loads when it opens, one after the other, as that pair's employee
  (GET /api/me, /api/conversations, /api/me/reminders, /api/me/successes, /api/me/checkins,
  /api/me/audit, /api/handovers, /api/me/erasure; not the follow-ups per conversation);
- team overview: GET /api/team of the pair's manager (about 9 reports);
- HR coverage: GET /api/coverage, and GET /api/coverage/units (the HR screen's two calls) as an admin.

Needs PostgreSQL (PG_ADMIN_URL or MUS_TEST_DATABASE_URL, default
postgresql+psycopg://postgres@127.0.0.1:5432/postgres); without it only SQLite is measured."""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from m365_standins import Directory  # noqa: E402
from sqlalchemy import create_engine, event, make_url, select, text  # noqa: E402

from bench.org_generator import OrgSpec, generate, install_directory, person_oid  # noqa: E402
from bench.table import Row, markdown  # noqa: E402
from plugin import create_app  # noqa: E402
from plugin.config import Settings  # noqa: E402
from plugin.demo.directory_graph import DirectoryGraph  # noqa: E402
from plugin.storage import Conversation, sealed  # noqa: E402
from plugin.storage.db import db  # noqa: E402
from tests.support.idp import APP_DOMAIN, CLIENT_ID, TENANT_A, LocalAuthority  # noqa: E402

SECTION = "growth"
GOAL = "≤ 2x near-empty"
DEADLINE_SECONDS = 40 * 60  # the whole run stops measuring after this, whatever happens
PG_ADMIN = os.environ.get("PG_ADMIN_URL") or os.environ.get(
    "MUS_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@dataclass(frozen=True)
class Size:
    label: str
    employees: int
    years: int = 10
    checkin_years: int | None = None


NEAR_EMPTY = Size("near-empty", 5, years=1, checkin_years=0)  # a handful of people, one MUS a pair
SIZES = (Size("1x", 100), Size("10x", 1_000), Size("100x", 10_000))
PERSONAL_TAB = (
    "/api/me",
    "/api/conversations",
    "/api/me/reminders",
    "/api/me/successes",
    "/api/me/checkins",
    "/api/me/audit",
    "/api/handovers",
    "/api/me/erasure",
)


class IndexedDirectory(Directory):
    """The stand-in directory with its direct reports looked up by manager (the stand-in scans every
    user; Graph answers from an index: the scan is not the app's time)."""

    def index(self) -> None:
        self._reports: dict[tuple[str, str], list] = {}
        for user in self._users.values():
            if user.manager_id:
                self._reports.setdefault((user.tenant_id, user.manager_id), []).append(user)

    def direct_reports(self, tenant_id: str, object_id: str) -> list:
        return list(self._reports.get((tenant_id.lower(), object_id.lower()), []))


@dataclass
class Measured:
    ms: float
    statements: int
    requests: int


@contextmanager
def _database(backend: str, workdir: Path) -> Iterator[str]:
    if backend == "sqlite":
        path = workdir / f"growth-{uuid.uuid4().hex[:8]}.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            path.unlink(missing_ok=True)
        return
    name = f"mus_growth_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_ADMIN).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _postgres_available() -> bool:
    try:
        engine = create_engine(PG_ADMIN, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
        return True
    except Exception:
        return False


def _settings(url: str, authority: LocalAuthority, workdir: Path, key: str) -> Settings:
    return Settings(
        database_url=url,
        secret_key="growth-bench-secret",
        data_keys=(key,),
        client_id=CLIENT_ID,
        client_secret="growth-bench-client-secret",
        app_domain=APP_DOMAIN,
        tenants=frozenset({TENANT_A}),
        authority_host=authority.url,
        ca_bundle=str(authority.ca_file),
        instance_path=str(workdir / "instance"),
        testing=True,
        jobs=False,
    )


def _install_directory(app, directory: Directory) -> None:
    """Graph is the stand-in directory, in-process, for the person and for the app; what is not in a
    directory (calendars, meetings, the OBO token exchange) is unavailable, as when Graph is down."""
    app.extensions["mus.graph_factory"] = lambda app_, actor, assertion: DirectoryGraph(
        directory, actor.tenant_id, actor.object_id
    )
    app.extensions["mus.app_graph_factory"] = lambda app_, tenant_id: DirectoryGraph(directory, tenant_id, "")


def _timed(client, count: list[int], paths: list[str], token: str, repeats: int) -> Measured:
    headers = {"Authorization": f"Bearer {token}"}

    def once() -> tuple[float, int]:
        before = count[0]
        started = time.perf_counter()
        for path in paths:
            response = client.get(path, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(
                    f"GET {path}: {response.status_code} {response.get_data(as_text=True)[:300]}"
                )
        return (time.perf_counter() - started) * 1000, count[0] - before

    for _ in range(2):  # warm up: key fetch, caches, the pool
        once()
    runs = [once() for _ in range(repeats)]
    return Measured(statistics.median(ms for ms, _ in runs), max(n for _, n in runs), len(paths))


def measure(backend: str, size: Size, authority: LocalAuthority, workdir: Path, repeats: int) -> dict:
    """Generate the organisation of `size` on a fresh database and time each scenario."""
    key = sealed.generate_key()
    sealed.configure([key])
    spec = OrgSpec(TENANT_A, size.employees, years=size.years, checkin_years=size.checkin_years)
    with _database(backend, workdir) as url:
        engine = create_engine(url)
        db.metadata.create_all(engine)
        made = generate(engine, spec)
        engine.dispose()
        directory = IndexedDirectory()
        install_directory(directory, spec)
        directory.index()
        app = create_app(_settings(url, authority, workdir, key))
        _install_directory(app, directory)
        count = [0]
        with app.app_context():
            event.listen(
                db.engine, "before_cursor_execute", lambda *a, **k: count.__setitem__(0, count[0] + 1)
            )
        manager = spec.team_manager()
        employee = spec.reports_of(manager)[0]
        tokens = {
            who: authority.mint(
                tenant=TENANT_A, oid=person_oid(TENANT_A, index), name=spec.name(index), roles=roles
            )
            for who, index, roles in (
                ("employee", employee, None),
                ("manager", manager, None),
                ("admin", 0, ["MUS.Admin"]),
            )
        }
        with app.app_context():
            mus = db.session.scalar(
                select(Conversation.id)
                .where(Conversation.employee_id == employee + 1, Conversation.kind == "mus")
                .order_by(Conversation.id.desc())
                .limit(1)
            )
            db.session.remove()
        client = app.test_client()
        scenarios: dict[str, tuple[list[str], str]] = {
            "side panel": ([f"/api/conversations/{mus}"], "employee"),
            "personal tab": (list(PERSONAL_TAB), "employee"),
            "team overview": (["/api/team"], "manager"),
            "HR coverage": (["/api/coverage"], "admin"),
            "HR coverage per unit": (["/api/coverage/units"], "admin"),
        }
        results = {
            name: _timed(client, count, paths, tokens[who], repeats)
            for name, (paths, who) in scenarios.items()
        }
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    return {"generated": made, "results": results}


def _rows(backend: str, base: dict, size: Size, measured: dict) -> list[Row]:
    made = measured["generated"]
    rows = [
        Row(
            SECTION,
            f"{backend}: generate {size.label}",
            made.seconds,
            "s",
            note=f"{size.employees:,} employees, {made.total_rows:,} rows, "
            f"{made.rows.get('conversations', 0):,} conversations",
        )
    ]
    for name, result in measured["results"].items():
        floor = base["results"][name]
        ratio = result.ms / floor.ms if floor.ms else None
        rows.append(
            Row(
                SECTION,
                f"{backend}: {name} at {size.label}",
                result.ms,
                "ms",
                baseline=f"near-empty ({backend})",
                baseline_value=floor.ms,
                goal=GOAL,
                met=ratio is not None and ratio <= 2,
            )
        )
        rows.append(
            Row(
                SECTION,
                f"{backend}: {name} at {size.label}, SQL statements",
                result.statements,
                "stmts",
                baseline=f"near-empty ({backend})",
                baseline_value=floor.statements,
                goal="≤ near-empty",
                met=result.statements <= floor.statements,
                note=f"{result.requests} requests" if result.requests > 1 else "",
            )
        )
    return rows


def run(*, quick: bool = False, sizes: tuple[Size, ...] | None = None) -> list[Row]:
    started = time.monotonic()
    sizes = sizes or (SIZES[:1] if quick else SIZES)
    repeats = 5 if quick else 11
    backends = ["sqlite"] + (["postgresql"] if _postgres_available() else [])
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="mus-growth-") as tmp:
        workdir = Path(tmp)
        authority = LocalAuthority(workdir)
        try:
            for backend in backends:
                base = measure(backend, NEAR_EMPTY, authority, workdir, repeats)
                for name, result in base["results"].items():
                    rows.append(
                        Row(
                            SECTION,
                            f"{backend}: {name} at near-empty",
                            result.ms,
                            "ms",
                            note=f"{result.statements} SQL statements",
                        )
                    )
                for size in sizes:
                    if time.monotonic() - started > DEADLINE_SECONDS:
                        rows.append(
                            Row(SECTION, f"{backend}: {size.label}", 0, "ms", note="not measured: time limit")
                        )
                        continue
                    rows.extend(
                        _rows(backend, base, size, measure(backend, size, authority, workdir, repeats))
                    )
        finally:
            authority.close()
    return rows


def _sizes_from(argv: list[str]) -> tuple[Size, ...] | None:
    """`--sizes 1x,10x` picks some of the sizes."""
    if "--sizes" not in argv:
        return None
    wanted = argv[argv.index("--sizes") + 1].split(",")
    return tuple(s for s in SIZES if s.label in wanted)


if __name__ == "__main__":
    print(markdown(run(quick="--quick" in sys.argv, sizes=_sizes_from(sys.argv))))
