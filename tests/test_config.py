"""Settings are built from the environment in exactly one place; `create_app` never reads it."""

from __future__ import annotations

import pytest

from plugin import create_app, engine_options
from plugin.config import (
    DEFAULT_AUTHORITY,
    DEFAULT_GRAPH,
    DEMO_CLIENT_ID,
    DEMO_TENANT_ID,
    ConfigError,
    Settings,
    settings_from_env,
)

DATA_KEY = "3q2HNU5fWf4Z9Q2b8cXlY1V0mX1uJz6b7Y9ZrYk4pQk="  # a Fernet key for these tests only
BASE = {"MUS_SECRET_KEY": "s3cret", "MUS_CLIENT_ID": "client-123", "MUS_DATA_KEYS": DATA_KEY}
MUS_VARS = (
    "MUS_DEMO",
    "MUS_INSTANCE_PATH",
    "MUS_DATABASE_URL",
    "MUS_CLIENT_ID",
    "MUS_CLIENT_SECRET",
    "MUS_SECRET_KEY",
    "MUS_DATA_KEYS",
    "MUS_TENANTS",
    "MUS_APP_DOMAIN",
    "MUS_AUTHORITY_HOST",
    "MUS_GRAPH_URL",
    "MUS_REDIS_URL",
    "MUS_ADMIN_ROLE",
    "MUS_RETENTION_DAYS",
    "MUS_PURGE_INTERVAL_MINUTES",
    "REQUESTS_CA_BUNDLE",
)


@pytest.fixture
def clean_env(monkeypatch):
    for name in MUS_VARS:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_defaults(tmp_path):
    s = settings_from_env(BASE, instance_path=str(tmp_path))
    assert s.database_url == f"sqlite:///{tmp_path / 'mus.sqlite3'}"
    assert s.instance_path == str(tmp_path)
    assert s.authority_host == DEFAULT_AUTHORITY == "https://login.microsoftonline.com"
    assert s.graph_url == DEFAULT_GRAPH == "https://graph.microsoft.com"
    assert s.v1_issuer_host == "https://sts.windows.net"
    assert s.secret_key == "s3cret"
    assert s.client_id == "client-123"
    assert s.client_secret == ""
    assert s.app_domain == "localhost"
    assert s.tenants == frozenset()
    assert not s.allows_tenant("any-tenant")
    assert s.demo is False
    assert s.redis_url is None
    assert s.admin_role == "MUS.Admin"
    assert s.retention_days == 30
    assert s.ca_bundle is None
    assert s.testing is False


def test_instance_folder_defaults_to_the_working_directory(clean_env, tmp_path):
    clean_env.chdir(tmp_path)
    s = settings_from_env(BASE)
    assert s.instance_path == str(tmp_path / "instance")
    assert s.database_url == f"sqlite:///{tmp_path / 'instance' / 'mus.sqlite3'}"


def test_instance_folder_from_the_environment(tmp_path):
    s = settings_from_env({**BASE, "MUS_INSTANCE_PATH": str(tmp_path / "data")})
    assert s.database_url == f"sqlite:///{tmp_path / 'data' / 'mus.sqlite3'}"
    # An explicit argument wins over the variable.
    s = settings_from_env({**BASE, "MUS_INSTANCE_PATH": "/elsewhere"}, instance_path=str(tmp_path))
    assert s.instance_path == str(tmp_path)


def test_reads_os_environ_when_no_mapping_is_given(clean_env, tmp_path):
    clean_env.setenv("MUS_SECRET_KEY", "from-env")
    clean_env.setenv("MUS_CLIENT_ID", "env-client")
    clean_env.setenv("MUS_DATA_KEYS", DATA_KEY)
    clean_env.setenv("MUS_DATABASE_URL", "postgresql+psycopg://db.example/mus")
    s = settings_from_env(instance_path=str(tmp_path))
    assert (s.secret_key, s.client_id, s.database_url) == (
        "from-env",
        "env-client",
        "postgresql+psycopg://db.example/mus",
    )


def test_explicit_values(tmp_path):
    s = settings_from_env(
        {
            **BASE,
            "MUS_DATABASE_URL": "postgresql+psycopg://u@h/db",
            "MUS_CLIENT_SECRET": "cs",
            "MUS_APP_DOMAIN": "mus.example.dk",
            "MUS_AUTHORITY_HOST": "https://login.example.com/",
            "MUS_GRAPH_URL": "https://graph.example.com/",
            "MUS_REDIS_URL": "redis://localhost:6379/0",
            "MUS_ADMIN_ROLE": "HR",
            "MUS_RETENTION_DAYS": "14",
            "MUS_PURGE_INTERVAL_MINUTES": "0",
        },
        instance_path=str(tmp_path),
    )
    assert s.database_url == "postgresql+psycopg://u@h/db"
    assert s.client_secret == "cs"
    assert s.app_domain == "mus.example.dk"
    assert s.authority_host == "https://login.example.com"  # trailing slash removed
    assert s.graph_url == "https://graph.example.com"
    assert s.redis_url == "redis://localhost:6379/0"
    assert s.admin_role == "HR"
    assert s.retention_days == 14
    assert s.purge_interval_minutes == 0  # the in-process retention run switched off (cron instead)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("", frozenset()),
        ("AAAA-1111", frozenset({"aaaa-1111"})),
        (" a , B ,, c ", frozenset({"a", "b", "c"})),
        ("*", frozenset({"*"})),
    ],
)
def test_tenant_list(tmp_path, value, expected):
    s = settings_from_env({**BASE, "MUS_TENANTS": value}, instance_path=str(tmp_path))
    assert s.tenants == expected


def test_tenant_list_is_what_allows_tenants(tmp_path):
    s = settings_from_env({**BASE, "MUS_TENANTS": "a,b"}, instance_path=str(tmp_path))
    assert s.allows_tenant("a") and s.allows_tenant("b")
    assert not s.allows_tenant("c")
    anyone = settings_from_env({**BASE, "MUS_TENANTS": "*"}, instance_path=str(tmp_path))
    assert anyone.allows_tenant("c") and anyone.allows_tenant("whatever")


@pytest.mark.parametrize("flag", ["1", "true", "TRUE", "yes", "on", " On "])
def test_demo_mode_fills_in_the_demo_tenant_client_and_secret(tmp_path, flag):
    s = settings_from_env({"MUS_DEMO": flag, "MUS_TENANTS": "x"}, instance_path=str(tmp_path))
    assert s.demo is True
    assert s.client_id == DEMO_CLIENT_ID
    assert s.tenants == frozenset({"x", DEMO_TENANT_ID})
    assert s.allows_tenant(DEMO_TENANT_ID)
    assert s.secret_key  # a secret is made up for the demo


def test_demo_mode_keeps_given_values(tmp_path):
    s = settings_from_env({**BASE, "MUS_DEMO": "1"}, instance_path=str(tmp_path))
    assert (s.client_id, s.secret_key) == ("client-123", "s3cret")


@pytest.mark.parametrize("flag", ["", "0", "false", "no", "off", "demo"])
def test_not_demo_mode(tmp_path, flag):
    s = settings_from_env({**BASE, "MUS_DEMO": flag}, instance_path=str(tmp_path))
    assert s.demo is False
    assert DEMO_TENANT_ID not in s.tenants


@pytest.mark.parametrize("missing", ["MUS_SECRET_KEY", "MUS_CLIENT_ID"])
def test_outside_demo_mode_secret_and_client_id_are_required(tmp_path, missing):
    env = {k: v for k, v in BASE.items() if k != missing}
    with pytest.raises(ConfigError, match=missing):
        settings_from_env(env, instance_path=str(tmp_path))
    with pytest.raises(ConfigError, match="demo"):
        settings_from_env({**env, missing: ""}, instance_path=str(tmp_path))


def test_config_error_is_a_value_error():
    assert issubclass(ConfigError, ValueError)


@pytest.mark.parametrize("value", ["thirty", "1.5", "30d", "3 0"])
def test_bad_retention_days(tmp_path, value):
    with pytest.raises(ConfigError, match="MUS_RETENTION_DAYS"):
        settings_from_env({**BASE, "MUS_RETENTION_DAYS": value}, instance_path=str(tmp_path))


@pytest.mark.parametrize("value", ["hourly", "-5", "1.5"])
def test_bad_purge_interval(tmp_path, value):
    with pytest.raises(ConfigError, match="MUS_PURGE_INTERVAL_MINUTES"):
        settings_from_env({**BASE, "MUS_PURGE_INTERVAL_MINUTES": value}, instance_path=str(tmp_path))


def test_purge_interval_defaults_to_an_hour(tmp_path):
    assert settings_from_env(BASE, instance_path=str(tmp_path)).purge_interval_minutes == 60


def test_ca_bundle_from_requests_ca_bundle(tmp_path):
    s = settings_from_env({**BASE, "REQUESTS_CA_BUNDLE": "/etc/ssl/corp.pem"}, instance_path=str(tmp_path))
    assert s.ca_bundle == "/etc/ssl/corp.pem"


def test_settings_are_frozen_and_changed_by_copy():
    s = Settings(client_id="a")
    with pytest.raises(AttributeError):
        s.client_id = "b"  # type: ignore[misc]
    t = s.with_changes(client_id="b")
    assert (s.client_id, t.client_id) == ("a", "b")


def test_create_app_does_not_read_the_environment(monkeypatch, settings):
    monkeypatch.setenv("MUS_DATABASE_URL", "postgresql+psycopg://bogus.invalid/nope")
    monkeypatch.setenv("MUS_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("MUS_DEMO", "1")
    monkeypatch.setenv("MUS_RETENTION_DAYS", "not a number")
    app = create_app(settings)
    assert app.extensions["mus.settings"] is settings
    assert app.config["SQLALCHEMY_DATABASE_URI"] == settings.database_url
    assert app.config["SECRET_KEY"] == settings.secret_key == "test-secret"
    assert "mus.demo_idp" not in app.extensions
    assert not any(rule.rule.startswith("/demo/") for rule in app.url_map.iter_rules())
    assert app.test_client().get("/healthz").status_code == 200


def test_create_app_accepts_a_mapping(tmp_path):
    url = f"sqlite:///{tmp_path / 'sub' / 'm.sqlite3'}"
    app = create_app(
        {
            "database_url": url,
            "secret_key": "k",
            "data_keys": (DATA_KEY,),
            "client_id": "c",
            "instance_path": str(tmp_path),
        }
    )
    assert isinstance(app.extensions["mus.settings"], Settings)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == url
    assert (tmp_path / "sub").is_dir()  # the SQLite folder is made when the app is built


def test_a_server_database_gets_a_pool_for_the_workers_requests(tmp_path):
    pg = {**BASE, "MUS_DATABASE_URL": "postgresql+psycopg://db.example/mus"}
    default = engine_options(settings_from_env(pg, instance_path=str(tmp_path)))
    assert default["pool_size"] + default["max_overflow"] >= 16  # gunicorn's threads in the benchmark
    sized = settings_from_env(
        {**pg, "MUS_DB_POOL_SIZE": "32", "MUS_DB_MAX_OVERFLOW": "8"}, instance_path=str(tmp_path)
    )
    assert (engine_options(sized)["pool_size"], engine_options(sized)["max_overflow"]) == (32, 8)
    with pytest.raises(ConfigError):
        settings_from_env({**pg, "MUS_DB_POOL_SIZE": "many"}, instance_path=str(tmp_path))
    sqlite = engine_options(settings_from_env(BASE, instance_path=str(tmp_path)))
    assert "pool_size" not in sqlite and sqlite["hide_parameters"] is True
