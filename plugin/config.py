"""Settings: one frozen object, built from the environment in exactly one place
(`settings_from_env`). `create_app` never reads the environment itself."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

DEMO_TENANT_ID = "8f4c2d1e-6b7a-4c3d-9e8f-0a1b2c3d4e5f"
DEMO_CLIENT_ID = "5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d"
DEFAULT_AUTHORITY = "https://login.microsoftonline.com"
DEFAULT_GRAPH = "https://graph.microsoft.com"


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class RateLimits:
    """Rate limits (flask-limiter notation, several joined by ";"), set so that a person at work never
    meets them (typing shared notes sends a batch every ~120 ms; changes made offline are sent at
    once when the connection is back) while one token cannot flood the app. Each is configurable as
    MUS_RATE_LIMIT_<NAME>, e.g. MUS_RATE_LIMIT_WRITES_PERSON="600 per minute"."""

    writes_person: str = "150 per 10 seconds;1200 per minute"
    writes_tenant: str = "12000 per minute"
    reads_person: str = "3000 per minute"
    conversations_person: str = "30 per hour"
    conversations_tenant: str = "1000 per hour"
    signin_address: str = "120 per minute"
    graph_person: str = "120 per minute"  # calls that exchange the person's token (on-behalf-of)
    live_opens_person: str = "60 per minute"
    live_streams_person: int = 8  # open live streams of one person in one process (the oldest ends)


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    secret_key: str = ""
    # Keys sealing conversation content at rest (plugin.storage.sealed): the first seals new values,
    # the rest still open old ones. Empty: derived from secret_key, in demo mode and tests only.
    data_keys: tuple[str, ...] = ()
    client_id: str = ""
    client_secret: str = ""
    app_domain: str = "localhost"
    # The Teams app's id (the manifest's `id`, `mus package --app-id`), for deep links and the tab in a
    # meeting chat; empty: the client id (the same GUID when the app was registered that way).
    teams_app_id: str = ""
    tenants: frozenset[str] = field(default_factory=frozenset)  # empty: none; {"*"}: any
    authority_host: str = DEFAULT_AUTHORITY
    graph_url: str = DEFAULT_GRAPH
    v1_issuer_host: str = "https://sts.windows.net"
    redis_url: str | None = None
    redis_prefix: str = "mus:"
    proxy_hops: int = 0  # reverse proxies in front of the app whose X-Forwarded-* headers are trusted
    # Database connections per worker process (PostgreSQL): kept open, and opened beyond when busy.
    # Their sum should cover the API requests a worker runs at once (gunicorn threads not holding
    # live streams); a request beyond waits for a connection.
    db_pool_size: int = 20
    db_max_overflow: int = 20
    demo: bool = False
    admin_role: str = "MUS.Admin"
    rate_limits: RateLimits = field(default_factory=RateLimits)
    retention_days: int = 30  # the organisation's retention period (plugin.domain.retention)
    purge_interval_minutes: int = 60  # the in-process retention run (mus serve, mus run); 0: off
    # Reminders (plugin.services.reminders): the Teams app id makes the deep link into the personal
    # tab; the sender is the mailbox (UPN or object id) of the e-mail fallback, empty: no e-mail.
    reminder_sender: str = ""
    jobs: bool = True  # the in-process background jobs (calendar, reminders); off when cron runs them
    max_request_bytes: int = 1024 * 1024
    max_text_bytes: int = 64 * 1024
    token_leeway_seconds: int = 60
    ca_bundle: str | None = None
    instance_path: str | None = None
    testing: bool = False

    def allows_tenant(self, tenant_id: str) -> bool:
        return "*" in self.tenants or tenant_id in self.tenants

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _tenants(value: str | None) -> frozenset[str]:
    return frozenset(t.strip().lower() for t in (value or "").split(",") if t.strip())


def _count(value: str | None, name: str) -> int:
    try:
        number = int(value or 0)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number") from exc
    if number < 0:
        raise ConfigError(f"{name} must not be negative")
    return number


def _data_keys(value: str | None, demo: bool) -> tuple[str, ...]:
    keys = tuple(k.strip() for k in (value or "").split(",") if k.strip())
    if not keys and not demo:
        raise ConfigError(
            "MUS_DATA_KEYS must be set (outside demo mode): the keys that encrypt conversation content, "
            "comma-separated, newest first; make one with `mus keys generate`"
        )
    from cryptography.fernet import Fernet

    for index, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except (ValueError, TypeError) as exc:
            raise ConfigError(
                f"MUS_DATA_KEYS: key {index} is not a Fernet key (32 url-safe base64-encoded bytes; "
                "make one with `mus keys generate`)"
            ) from exc
    return keys


# Demo mode is one person on their own machine playing both parties (refused off loopback): they
# may plan as many conversations as they like to try the app.
DEMO_RATE_LIMITS = {"conversations_person": "1000 per hour"}


def _rate_limits(env: Mapping[str, str], demo: bool) -> RateLimits:
    from limits import parse_many

    values: dict[str, object] = dict(DEMO_RATE_LIMITS) if demo else {}
    for name in RateLimits.__dataclass_fields__:
        variable = f"MUS_RATE_LIMIT_{name.upper()}"
        raw = (env.get(variable) or "").strip()
        if not raw:
            continue
        if name == "live_streams_person":
            values[name] = _count(raw, variable) or 1
            continue
        try:
            parse_many(raw)
        except ValueError as exc:
            raise ConfigError(f"{variable} must be a rate such as '600 per minute'") from exc
        values[name] = raw
    return RateLimits(**values)


def settings_from_env(
    environ: Mapping[str, str] | None = None, *, instance_path: str | None = None
) -> Settings:
    env = os.environ if environ is None else environ
    demo = _flag(env.get("MUS_DEMO"))
    instance = instance_path or env.get("MUS_INSTANCE_PATH") or str(Path.cwd() / "instance")
    database_url = env.get("MUS_DATABASE_URL") or f"sqlite:///{Path(instance) / 'mus.sqlite3'}"
    client_id = env.get("MUS_CLIENT_ID") or (DEMO_CLIENT_ID if demo else "")
    tenants = _tenants(env.get("MUS_TENANTS"))
    if demo:
        tenants = tenants | {DEMO_TENANT_ID}
    secret = env.get("MUS_SECRET_KEY") or ""
    if not secret:
        if not demo:
            raise ConfigError("MUS_SECRET_KEY must be set (outside demo mode)")
        secret = "demo-only-secret-key-not-for-production"
    if not demo and not client_id:
        raise ConfigError("MUS_CLIENT_ID must be set (outside demo mode)")
    data_keys = _data_keys(env.get("MUS_DATA_KEYS"), demo)
    try:
        retention_days = int(env.get("MUS_RETENTION_DAYS") or 30)
    except ValueError as exc:
        raise ConfigError("MUS_RETENTION_DAYS must be a whole number of days") from exc
    if retention_days < 1:
        raise ConfigError("MUS_RETENTION_DAYS must be at least 1 day")
    purge_interval = _count(env.get("MUS_PURGE_INTERVAL_MINUTES") or "60", "MUS_PURGE_INTERVAL_MINUTES")
    return Settings(
        database_url=database_url,
        secret_key=secret,
        data_keys=data_keys,
        client_id=client_id,
        client_secret=env.get("MUS_CLIENT_SECRET") or "",
        app_domain=env.get("MUS_APP_DOMAIN") or "localhost",
        teams_app_id=(env.get("MUS_TEAMS_APP_ID") or "").strip().lower(),
        tenants=tenants,
        authority_host=(env.get("MUS_AUTHORITY_HOST") or DEFAULT_AUTHORITY).rstrip("/"),
        graph_url=(env.get("MUS_GRAPH_URL") or DEFAULT_GRAPH).rstrip("/"),
        redis_url=env.get("MUS_REDIS_URL") or None,
        redis_prefix=env.get("MUS_REDIS_PREFIX") or "mus:",
        proxy_hops=_count(env.get("MUS_PROXY_HOPS"), "MUS_PROXY_HOPS"),
        db_pool_size=_count(env.get("MUS_DB_POOL_SIZE") or "20", "MUS_DB_POOL_SIZE"),
        db_max_overflow=_count(env.get("MUS_DB_MAX_OVERFLOW") or "20", "MUS_DB_MAX_OVERFLOW"),
        demo=demo,
        admin_role=env.get("MUS_ADMIN_ROLE") or "MUS.Admin",
        rate_limits=_rate_limits(env, demo),
        retention_days=retention_days,
        purge_interval_minutes=purge_interval,
        reminder_sender=(env.get("MUS_REMINDER_SENDER") or "").strip(),
        jobs=_flag(env.get("MUS_JOBS") or "1"),
        ca_bundle=env.get("REQUESTS_CA_BUNDLE") or None,
        instance_path=instance,
    )
