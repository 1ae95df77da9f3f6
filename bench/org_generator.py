"""A generated large organisation for the growth benchmark (bench/growth.py): N employees, N/10
managers, and years of history for every manager/employee pair: a yearly MUS (agreed, with a locked
agreement, two goals, a development action, a follow-up date, an agenda and a shared wellbeing
pulse) and a monthly check-in in between (both parts done, closed, progress on the year's goals).

It writes straight into the storage layer's tables (the models' `Table`s, their column names and
order), in batches: SQLAlchemy Core `executemany` on SQLite, `COPY ... FROM STDIN` (psycopg) on
PostgreSQL. Sealed columns hold exactly what the app stores (`plugin.storage.sealed.seal_text`:
`mus1:` + a Fernet token under the configured keyring). Sealing costs ~20 µs a value, so a text that
repeats (a title, a note, an agreement's snapshot) is sealed once and its token reused; values that
name rows (the goals of a check-in part) are sealed one by one. The directory the app reads (the
Graph stand-in's `Directory`) gets the same people, managers and departments.

Not part of the product: nothing in `plugin/` imports it."""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, text  # noqa: E402

from plugin.storage import (  # noqa: E402
    AgendaItem,
    AgreementDecision,
    AgreementVersion,
    CheckinClosure,
    CheckinResponse,
    Conversation,
    DevelopmentAction,
    FollowUp,
    Goal,
    GoalProgress,
    GoalSuccess,
    Person,
    Tenant,
    WellbeingPulse,
)
from plugin.storage.sealed import seal_text  # noqa: E402

BATCH = 20_000
YEAR = timedelta(days=365)
MONTH = timedelta(days=365 / 12)


def person_oid(tenant_id: str, index: int) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"mus-growth/{tenant_id}/{index}"))


@dataclass(frozen=True)
class OrgSpec:
    """`employees` people, one in ten of them a manager. Person 0 heads the organisation; managers
    1..M-1 report to manager i // 10; everyone else to manager i % M, so that a manager with an index
    of M // 10 or more leads exactly the non-managers of their residue (about 9 people)."""

    tenant_id: str
    employees: int
    years: int = 10
    checkins_per_year: int = 11
    checkin_years: int | None = None  # the last years with monthly check-ins (None: every year)

    @property
    def managers(self) -> int:
        return max(1, self.employees // 10)

    def manager_of(self, index: int) -> int | None:
        if index == 0:
            return None
        if index < self.managers:
            return index // 10
        return index % self.managers

    def team_manager(self) -> int:
        """A manager whose reports are only employees (no managers), about nine of them."""
        return max(1, self.managers // 10) if self.managers > 1 else 0

    def reports_of(self, manager: int) -> list[int]:
        return [i for i in range(1, self.employees) if self.manager_of(i) == manager]

    def name(self, index: int) -> str:
        return f"Person{index:05d} Growth"

    def email(self, index: int) -> str:
        return f"person{index:05d}@growth.example"

    def department(self, index: int) -> str:
        manager = index if index < self.managers else self.manager_of(index)
        return f"Unit {(manager or 0) // 10:03d}"


def install_directory(directory, spec: OrgSpec) -> None:
    """The people, their managers and departments in a stand-in `Directory` (what Graph answers)."""
    for index in range(spec.employees):
        manager = spec.manager_of(index)
        directory.add_user(
            spec.tenant_id,
            person_oid(spec.tenant_id, index),
            spec.name(index),
            spec.email(index),
            manager_id=person_oid(spec.tenant_id, manager) if manager is not None else None,
            department=spec.department(index),
            job_title="Manager" if index < spec.managers else "Specialist",
        )


# --- the rows ------------------------------------------------------------------------------------------


def _stamp(moment: datetime) -> str:
    """UTCDateTime as stored (naive UTC); the same text SQLite's DateTime writes, and one PG parses."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class _Seals:
    """Seal a repeating text once (the token opens like any other)."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}
        self.sealed = 0

    def __call__(self, plain: str) -> str:
        if not plain:
            return plain
        token = self._tokens.get(plain)
        if token is None:
            token = self._tokens[plain] = seal_text(plain)
            self.sealed += 1
        return token

    def json(self, value) -> str:
        return self(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def unique_json(self, value) -> str:
        self.sealed += 1
        return seal_text(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


# Each table: the columns filled, in the order the tuples hold them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "tenants": ("id", "created_at"),
    "people": (
        "id", "tenant_id", "object_id", "display_name", "email", "locale", "signed_in_at", "created_at",
    ),
    "conversations": (
        "id", "tenant_id", "kind", "status", "employee_id", "manager_id", "created_by_id",
        "template_key", "title", "scheduled_at", "meeting_ended_at", "agreement_number",
        "relationship_check", "duration_minutes", "calendar_status", "calendar_attempts",
        "created_at", "updated_at", "version",
    ),
    "agenda_items": (
        "id", "conversation_id", "position", "section_key", "title", "tools", "notes", "updated_at",
        "version",
    ),
    "agreement_versions": (
        "id", "conversation_id", "number", "snapshot", "created_by_id", "created_at", "locked_at",
    ),
    "agreement_decisions": (
        "id", "version_id", "party", "person_id", "decision", "comment", "disagreement", "decided_at",
    ),
    "goals": (
        "id", "tenant_id", "conversation_id", "employee_id", "manager_id", "title", "specific",
        "measure", "achievable", "relevance", "deadline", "status", "created_by_id", "created_at",
        "updated_at", "version",
    ),
    "goal_progress": ("id", "goal_id", "conversation_id", "author_id", "percent", "note", "created_at"),
    "goal_successes": ("goal_id", "note", "marked_by_id", "conversation_id", "marked_at"),
    "development_actions": (
        "id", "conversation_id", "goal_id", "kind", "title", "owner_id", "resources", "due_date",
        "status", "created_at", "updated_at", "version",
    ),
    "follow_ups": ("id", "conversation_id", "title", "due_on", "created_by_id", "created_at", "version"),
    "wellbeing_pulses": ("id", "conversation_id", "author_id", "score", "shared", "comment", "created_at"),
    "checkin_responses": (
        "id", "conversation_id", "person_id", "party", "state", "goals", "blockers", "pulse_score",
        "pulse_comment", "pulse_shared", "next_steps", "created_at", "updated_at", "done_at", "version",
    ),
    "checkin_closures": ("conversation_id", "closed_by_id", "closed_at"),
}  # fmt: skip

# The models the tables belong to (so that a renamed table or column fails here, not in the bench).
MODELS = {
    m.__tablename__: m
    for m in (
        Tenant, Person, Conversation, AgendaItem, AgreementVersion, AgreementDecision, Goal,
        GoalProgress, GoalSuccess, DevelopmentAction, FollowUp, WellbeingPulse, CheckinResponse,
        CheckinClosure,
    )
}  # fmt: skip
ORDER = tuple(COLUMNS)  # parents before children


@dataclass
class _Ids:
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def next(self, table: str) -> int:
        self.counters[table] += 1
        return self.counters[table]


@dataclass
class Generated:
    spec: OrgSpec
    rows: dict[str, int]
    seconds: float
    sealed: int

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _rows(spec: OrgSpec, now: datetime, seal: _Seals) -> Iterator[tuple[str, tuple]]:
    """(table, row) for the whole organisation, parents first within each pair."""
    ids = _Ids()
    tenant = spec.tenant_id
    created = _stamp(now - YEAR * (spec.years + 1))
    yield "tenants", (tenant, created)
    for index in range(spec.employees):
        yield "people", (
            index + 1, tenant, person_oid(tenant, index), spec.name(index), spec.email(index),
            "da-dk", _stamp(now - timedelta(days=index % 30)), created,
        )  # fmt: skip
    agenda_titles = [
        seal.json({"da": "Trivsel", "en": "Wellbeing"}),
        seal.json({"da": "Mål og udvikling", "en": "Goals and development"}),
    ]
    snapshot = seal.json({"goals": [], "actions": [], "follow_ups": [], "summaries": []})
    tools = json.dumps([])
    for index in range(1, spec.employees):
        employee = index + 1
        manager = spec.manager_of(index) + 1
        base = now - YEAR * spec.years + timedelta(days=index % 28, hours=9)
        for year in range(spec.years):
            at = base + YEAR * year
            if at > now:
                break
            yield from _mus_year(ids, seal, spec, now, at, employee, manager, agenda_titles, snapshot, tools)


def _mus_year(ids, seal, spec, now, at, employee, manager, agenda_titles, snapshot, tools):
    tenant = spec.tenant_id
    stamp, ended = _stamp(at), _stamp(at + timedelta(hours=1))
    agreed = _stamp(at + timedelta(days=3))
    mus = ids.next("conversations")
    yield "conversations", (
        mus, tenant, "mus", "agreed", employee, manager, manager, "mus-default",
        seal(f"MUS {at.year}"), stamp, ended, 1, "directory", 60, "none", 0, stamp, agreed, 5,
    )  # fmt: skip
    for position, title in enumerate(agenda_titles):
        yield "agenda_items", (
            ids.next("agenda_items"), mus, position, f"section-{position}", title, tools,
            seal("Vi talte om året, der gik, og om det næste."), ended, 2,
        )  # fmt: skip
    version = ids.next("agreement_versions")
    yield "agreement_versions", (version, mus, 1, snapshot, manager, ended, agreed)
    for party, person in (("employee", employee), ("manager", manager)):
        yield "agreement_decisions", (
            ids.next("agreement_decisions"), version, party, person, "approved", "", False, agreed,
        )  # fmt: skip
    latest = at + YEAR > now  # this year's goals are still open
    goals = []
    for number in (1, 2):
        goal = ids.next("goals")
        goals.append(goal)
        status = "active" if latest else "achieved"
        yield "goals", (
            goal, tenant, mus, employee, manager, seal(f"Mål {number} for {at.year}"),
            seal("Konkret og målbart"), seal("Aftalt milepæl"), seal("Ja, med støtte"),
            seal("Vigtigt for teamet"), (at + YEAR).date().isoformat(), status, manager, stamp,
            agreed, 1,
        )  # fmt: skip
        if not latest:
            yield "goal_successes", (goal, seal("Nået som aftalt"), manager, mus, _stamp(at + YEAR - MONTH))
    yield "development_actions", (
        ids.next("development_actions"), mus, goals[0], "course", seal("Kursus i faglig udvikling"),
        employee, seal("Kursusbudget"), (at + YEAR / 2).date().isoformat(),
        "planned" if latest else "done", stamp, agreed, 1,
    )  # fmt: skip
    yield "follow_ups", (
        ids.next("follow_ups"), mus, seal("Opfølgning på målene"), (at + YEAR / 2).date().isoformat(),
        manager, agreed, 1,
    )  # fmt: skip
    yield "wellbeing_pulses", (ids.next("wellbeing_pulses"), mus, employee, 3 + at.year % 3, True, "", ended)
    if spec.checkin_years is not None and at + YEAR * spec.checkin_years < now:
        return
    for month in range(1, spec.checkins_per_year + 1):
        when = at + MONTH * month
        yield from _checkin(ids, seal, spec, now, when, employee, manager, goals, month)
        if when > now:
            break


def _checkin(ids, seal, spec, now, when, employee, manager, goals, month):
    checkin = ids.next("conversations")
    stamp = _stamp(when)
    if when > now:  # the next one, planned
        yield "conversations", (
            checkin, spec.tenant_id, "checkin", "planned", employee, manager, manager,
            "checkin-default", seal("Check-in"), stamp, None, 0, "directory", 30, "none", 0,
            _stamp(now - MONTH), _stamp(now - MONTH), 1,
        )  # fmt: skip
        return
    done = _stamp(when + timedelta(days=1))
    yield "conversations", (
        checkin, spec.tenant_id, "checkin", "agreed", employee, manager, manager, "checkin-default",
        seal("Check-in"), stamp, _stamp(when + timedelta(minutes=30)), 0, "directory", 30, "none", 0,
        stamp, done, 3,
    )  # fmt: skip
    percent = min(100, month * 9)
    answers = [{"goal_id": goal, "percent": percent, "note": ""} for goal in goals]
    for party, person in (("employee", employee), ("manager", manager)):
        yield "checkin_responses", (
            ids.next("checkin_responses"), checkin, person, party, "done",
            seal.unique_json(answers) if party == "employee" else None, seal("Ingen lige nu"),
            3 if party == "employee" else None, "", party == "employee", seal("Fortsæt som aftalt"),
            stamp, done, done, 3,
        )  # fmt: skip
    yield "checkin_closures", (checkin, manager, done)
    for goal in goals:
        yield "goal_progress", (ids.next("goal_progress"), goal, checkin, employee, percent, "", done)


# --- writing -------------------------------------------------------------------------------------------


def _check_columns() -> None:
    for name, columns in COLUMNS.items():
        table = MODELS[name].__table__
        missing = [c for c in columns if c not in table.c]
        if missing:
            raise RuntimeError(f"{name}: no columns {missing}")


def generate(engine: Engine, spec: OrgSpec, *, now: datetime | None = None, batch: int = BATCH) -> Generated:
    """Write the organisation into an empty schema (the app's tables, created by migrations or
    `create_all`). The keyring must be configured (`plugin.storage.sealed.configure`)."""
    _check_columns()
    now = now or datetime.now(UTC)
    seal = _Seals()
    started = time.perf_counter()
    buffers: dict[str, list[tuple]] = defaultdict(list)
    counts: dict[str, int] = defaultdict(int)
    postgres = engine.dialect.name == "postgresql"
    if not postgres:  # a bulk load: no fsync, the journal in memory, a large page cache
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=MEMORY")
    with engine.begin() as conn:
        if not postgres:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
            conn.exec_driver_sql("PRAGMA cache_size=-400000")
        else:  # the rows are consistent by construction: no foreign-key triggers while loading
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
        write = _copy_writer(conn) if postgres else _executemany_writer(conn)

        def flush(upto: int) -> None:
            # Parents first: every table before `upto` in ORDER is flushed when a child is.
            for name in ORDER[: upto + 1]:
                if buffers[name]:
                    write(name, buffers[name])
                    counts[name] += len(buffers[name])
                    buffers[name] = []

        for name, row in _rows(spec, now, seal):
            buffer = buffers[name]
            buffer.append(row)
            if len(buffer) >= batch:
                flush(ORDER.index(name))
        flush(len(ORDER) - 1)
        if postgres:
            for name in ORDER:
                if "id" in COLUMNS[name] and MODELS[name].__table__.c.id.autoincrement is not False:
                    if name == "tenants":
                        continue
                    sequence = f"pg_get_serial_sequence('{name}', 'id')"
                    conn.execute(text(f"SELECT setval({sequence}, GREATEST(MAX(id), 1)) FROM {name}"))
            conn.exec_driver_sql("ANALYZE")
    if not postgres:
        with engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    return Generated(spec, dict(counts), time.perf_counter() - started, seal.sealed)


def _executemany_writer(conn):
    statements = {
        name: f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        for name, cols in COLUMNS.items()
    }

    def write(name: str, rows: list[tuple]) -> None:
        conn.exec_driver_sql(statements[name], rows)

    return write


def _copy_writer(conn):
    cursor = conn.connection.driver_connection.cursor()

    def write(name: str, rows: list[tuple]) -> None:
        with cursor.copy(f"COPY {name} ({', '.join(COLUMNS[name])}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    return write


def _self_test(employees: int) -> None:  # pragma: no cover - a quick manual check
    import tempfile

    from sqlalchemy import create_engine

    from plugin.storage import sealed
    from plugin.storage.db import db

    sealed.configure([sealed.generate_key()])
    url = sys.argv[2] if len(sys.argv) > 2 else f"sqlite:///{tempfile.mkdtemp()}/growth.sqlite3"
    engine = create_engine(url)
    db.metadata.create_all(engine)
    made = generate(engine, OrgSpec("aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa", employees))
    print(f"{made.total_rows:,} rows in {made.seconds:.1f} s ({made.sealed:,} values sealed): {made.rows}")


if __name__ == "__main__":  # pragma: no cover
    _self_test(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
