"""Outages mid-run: Redis stopped (Microsoft 365 features, planning for a meeting, a goal edit, the live
stream all answer without a server error and edits are kept), the database unable to write (writes
answer 503 in the error shape, nothing is half-written, `/readyz` says so) and the database
unreachable."""

from __future__ import annotations

import contextlib
import resource
import signal
import socket
import subprocess
import threading
import time

import pytest
import redis
from sqlalchemy import create_engine, event, make_url, text

import plugin.live
from plugin.storage.db import db
from tests.conftest import ApiClient, built_app, make_settings
from tests.support import m365
from tests.support.live import WAIT_SECONDS, SseParser, new_prefix, read_until
from tests.support.m365 import oid
from tests.support.openapi_check import OpenApiChecker


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(check, what: str, timeout: float = WAIT_SECONDS):
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception:
            if time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


class PrivateRedis:
    """A redis-server of this test alone, on a free port (the shared one on 6379 is never stopped)."""

    def __init__(self, folder) -> None:
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            cwd=folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        _wait_for(client.ping, "the private redis-server")
        self.client = client

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=WAIT_SECONDS)
        self.client.close()


@pytest.fixture(scope="module")
def cloud(tmp_path_factory):
    cloud = m365.start_cloud(tmp_path_factory.mktemp("m365-outage"))
    yield cloud
    cloud.close()


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def redis_app(cloud, authority, postgres_url, tmp_path, private_redis):
    url = postgres_url or f"sqlite:///{tmp_path / 'outage.sqlite3'}"
    settings = m365.cloud_settings(
        make_settings(authority, url, tmp_path / "instance"),
        cloud,
        redis_url=private_redis.url,
        redis_prefix=new_prefix(),
    )
    cloud.graph.outage(False)
    with built_app(settings, postgres_url, with_directory=False) as app:  # the Graph stand-in answers
        app.config["MUS_LIVE_KEEPALIVE_SECONDS"] = 0.05
        yield app
        plugin.live.shutdown(app)


def _call(app, token, method="GET", path="/api/me", **kwargs):
    headers = {"Authorization": f"Bearer {token}", "Accept-Language": "en"}
    return app.test_client().open(path, method=method, headers=headers, **kwargs)


def _version(app, token, cid: int) -> int:
    return _call(app, token, "GET", f"/api/conversations/{cid}").get_json()["version"]


def _plan(app, token, meeting: str):
    body = {
        "employee": {"object_id": oid("employee")},
        "manager": {"object_id": oid("manager")},
        "meeting": {"meeting_id": meeting, "chat_id": f"19:{meeting}@thread.v2"},
    }
    return _call(app, token, "POST", "/api/conversations", json=body)


def test_redis_stopped_mid_run_degrades_microsoft_365_and_keeps_edits(redis_app, cloud, private_redis):
    manager, employee = cloud.sso("manager"), cloud.sso("employee")
    before = _call(redis_app, employee)
    assert before.status_code == 200, before.get_json()
    assert before.get_json()["directory"] == "ok"
    prefix = redis_app.extensions["mus.settings"].redis_prefix
    assert private_redis.client.keys(f"{prefix}tokencache:*")  # the token caches live in this Redis
    planned = _plan(redis_app, manager, "MSoxUmVkaXNVcA")
    assert planned.status_code == 201, planned.get_json()
    cid = planned.get_json()["id"]

    private_redis.stop()

    # Microsoft 365 features: the token cache is a miss, the exchange is asked again; no 500.
    me = _call(redis_app, employee)
    assert me.status_code == 200, me.get_json()
    assert me.get_json()["display_name"] == "Jonas Medarbejder"
    assert me.get_json()["directory"] == "ok"
    again = _plan(redis_app, manager, "MSoyUmVkaXNEb3du")
    assert again.status_code == 201, again.get_json()
    assert again.get_json()["relationship_check"] == "directory"

    # Edits are saved and read back.
    goal = _call(redis_app, manager, "POST", f"/api/conversations/{cid}/goals", json={"title": "Lære Rust"})
    assert goal.status_code == 201, goal.get_json()
    edited = _call(
        redis_app,
        manager,
        "PATCH",
        f"/api/goals/{goal.get_json()['id']}",
        json={"version": goal.get_json()["version"], "specific": "Skrive en lille tjeneste i Rust"},
    )
    assert edited.status_code == 200, edited.get_json()
    read = _call(redis_app, employee, "GET", f"/api/goals/{goal.get_json()['id']}")
    assert read.get_json()["specific"] == "Skrive en lille tjeneste i Rust"

    # The live stream still opens (this process's own events), presence says it is unavailable.
    response = redis_app.test_client().get(
        f"/api/conversations/{cid}/live", headers={"Authorization": f"Bearer {employee}"}, buffered=False
    )
    assert response.status_code == 200
    chunks, parser, seen = iter(response.response), SseParser(), []
    read_until(chunks, parser, lambda s: any(e.event == "ready" for e in s), seen)
    renamed = _call(
        redis_app,
        manager,
        "PATCH",
        f"/api/conversations/{cid}",
        json={"title": "MUS uden Redis", "version": _version(redis_app, manager, cid)},
    )
    assert renamed.status_code == 200, renamed.get_json()
    read_until(chunks, parser, lambda s: any(e.event == "conversation.updated" for e in s), seen)
    response.close()
    presence = _call(redis_app, manager, "PUT", f"/api/conversations/{cid}/presence", json={})
    assert presence.status_code == 503
    assert presence.get_json()["error"]["code"] == "live_unavailable"


# --- the database -----------------------------------------------------------------------------------


class OutageChecker(OpenApiChecker):
    """The OpenAPI check, except for the outage's own 503 (checked by the test itself)."""

    def check(self, method: str, path: str, status: int, body) -> None:
        if status != 503:
            super().check(method, path, status, body)


@pytest.fixture
def api_for(people):
    def make(app) -> ApiClient:
        client = app.test_client()
        return ApiClient(client, OutageChecker(client.get("/api/openapi.json").get_json()), None)

    return make


@contextlib.contextmanager
def full_disk():
    """Every write of this process to a file fails as on a full filesystem (RLIMIT_FSIZE 0: a write
    is refused with EFBIG; SQLite reports it as SQLITE_FULL). Reads go on."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def _assert_unavailable(response, code="database_unavailable"):
    assert response.status_code == 503, response.get_data(as_text=True)
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"] and error["message"] != code


def _rename(api, person, cid, title):
    version = api.as_(person).get(f"/api/conversations/{cid}").get_json()["version"]
    return api.as_(person).patch(f"/api/conversations/{cid}", json={"title": title, "version": version})


def _snapshot(api, person, cid):
    conversation = api.as_(person).get(f"/api/conversations/{cid}").get_json()
    listed = api.as_(person).get("/api/conversations").get_json()
    return conversation["title"], len(conversation["agenda"]), len(listed["items"])


def test_sqlite_on_a_full_disk_refuses_writes_with_503_and_readyz_says_so(
    authority, tmp_path, api_for, people, postgres_url
):
    # SQLite in both runs: PostgreSQL's disk belongs to another process (its outage is the next test).
    settings = make_settings(authority, f"sqlite:///{tmp_path / 'full.sqlite3'}", tmp_path / "instance")
    with built_app(settings, None) as app:
        api = api_for(app)
        manager, employee = people["manager"], people["employee"]
        assert app.test_client().get("/readyz").status_code == 200
        planned = api.as_(manager).post("/api/conversations", json={"employee": {"object_id": employee.oid}})
        assert planned.status_code == 201
        cid = planned.get_json()["id"]
        before = _snapshot(api, manager, cid)

        with full_disk():
            ready = app.test_client().get("/readyz", headers={"Accept-Language": "en"})
            assert app.test_client().get("/healthz").status_code == 200  # the process is up
            renamed = _rename(api, manager, cid, "Aldrig gemt")
            added = api.as_(manager).post(f"/api/conversations/{cid}/agenda", json={"title": "Aldrig gemt"})
            another = api.as_(manager).post(
                "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
            )
            still_read = _snapshot(api, manager, cid)
        _assert_unavailable(ready, "database_not_writable")
        assert "disk" in ready.get_json()["error"]["message"]
        for refused in (renamed, added, another):
            _assert_unavailable(refused)
        assert still_read == before  # reads go on while writes are refused

        # Space again: nothing of the refused writes is there, half or whole, and writes work.
        assert _snapshot(api, manager, cid) == before
        assert app.test_client().get("/readyz").status_code == 200
        assert _rename(api, manager, cid, "Gemt").status_code == 200


class ClosableProxy:
    """A TCP proxy in front of the database server: closing it is the database going away mid-run
    (every open connection is cut, new ones are refused); opening it again on the same port is the
    database coming back."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = _free_port()
        self._sockets: list[socket.socket] = []
        self._listener: socket.socket | None = None
        self._lock = threading.Lock()

    def open(self) -> None:
        listener = socket.create_server(("127.0.0.1", self.port))
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                sink.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(OSError):  # wakes the blocked accept(); close() alone does not
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


def test_database_gone_mid_run_answers_503_and_keeps_nothing_half_written(
    authority, tmp_path, api_for, people, postgres_url
):
    """On PostgreSQL the server goes away behind a proxy; on SQLite the database file's directory
    goes away (the file cannot be opened)."""
    manager, employee = people["manager"], people["employee"]
    if postgres_url:
        url = make_url(postgres_url)
        proxy = ClosableProxy(url.host or "127.0.0.1", url.port or 5432)
        proxy.open()
        app_url = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    else:
        proxy = None
        app_url = f"sqlite:///{tmp_path / 'gone' / 'mus.sqlite3'}"
        (tmp_path / "gone").mkdir()
    settings = make_settings(authority, app_url, tmp_path / "instance")
    with built_app(settings, postgres_url) as app:
        api = api_for(app)
        planned = api.as_(manager).post("/api/conversations", json={"employee": {"object_id": employee.oid}})
        assert planned.status_code == 201
        cid = planned.get_json()["id"]
        before = _snapshot(api, manager, cid)
        version = api.as_(manager).get(f"/api/conversations/{cid}").get_json()["version"]

        if proxy is not None:
            proxy.close()
        else:  # open connections keep the file: new ones cannot open it
            (tmp_path / "gone").rename(tmp_path / "moved")
            with app.app_context():
                db.engine.dispose()
        try:
            _assert_unavailable(app.test_client().get("/readyz"))
            _assert_unavailable(
                api.as_(manager).patch(
                    f"/api/conversations/{cid}", json={"title": "Tabt", "version": version}
                )
            )
            _assert_unavailable(
                api.as_(manager).post(
                    "/api/conversations", json={"employee": {"object_id": people["colleague"].oid}}
                )
            )
        finally:
            if proxy is not None:
                proxy.open()
            else:
                (tmp_path / "moved").rename(tmp_path / "gone")

        assert _wait_for(lambda: app.test_client().get("/readyz").status_code == 200, "the database back")
        assert _snapshot(api, manager, cid) == before
        assert api.as_(employee).get(f"/api/conversations/{cid}").get_json()["title"] == before[0]
    if proxy is not None:
        proxy.close()


def test_a_read_only_database_is_not_ready_and_refuses_writes_with_503(app, postgres_url, api_for, people):
    """A database that answers but refuses writes (a read-only PostgreSQL standby or a read-only
    SQLite connection) is not ready, and a change answers 503 (never 500) and is not kept."""
    api = api_for(app)
    manager, employee = people["manager"], people["employee"]
    planned = api.as_(manager).post("/api/conversations", json={"employee": {"object_id": employee.oid}})
    assert planned.status_code == 201, planned.get_json()
    base = f"/api/conversations/{planned.get_json()['id']}"
    before = api.as_(manager).get(base).get_json()["agenda"]
    with app.app_context():
        if postgres_url:
            name = make_url(postgres_url).database
            admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
            db.engine.dispose()
        else:

            @event.listens_for(db.engine, "connect")
            def read_only(dbapi_connection, record):
                dbapi_connection.execute("PRAGMA query_only = ON")

            db.engine.dispose()
    try:
        response = app.test_client().get("/readyz")
        _assert_unavailable(response, "database_not_writable")
        refused = api.as_(manager).post(f"{base}/agenda", json={"title": "Skrives ikke"})
        _assert_unavailable(refused, "database_unavailable")
    finally:
        with app.app_context():
            if postgres_url:
                with admin.connect() as conn:
                    conn.execute(text(f'ALTER DATABASE "{name}" RESET default_transaction_read_only'))
                admin.dispose()
            else:
                event.remove(db.engine, "connect", read_only)
            db.engine.dispose()
    assert app.test_client().get("/readyz").status_code == 200
    assert api.as_(manager).get(base).get_json()["agenda"] == before  # nothing of the refused change
