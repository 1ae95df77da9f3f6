"""The `mus` command: run, serve, db (migrations), purge, keys, seed-demo, package, shell, routes.

Every command is declared here, so `mus --help` lists them all without building the app; a command
that needs the app builds it from the environment when it runs, and a missing or bad setting is one
line naming it."""

from __future__ import annotations

import ipaddress
import os
import socket

import click
from flask import Flask
from flask.cli import FlaskGroup, ScriptInfo, routes_command, shell_command, with_appcontext
from flask_migrate.cli import db as db_command

from .config import ConfigError, settings_from_env
from .demo.cli import seed_demo_command


def _app_from_env() -> Flask:
    from . import create_app

    try:
        return create_app(settings_from_env())
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(ipaddress.ip_address(a[4][0]).is_loopback for a in socket.getaddrinfo(host, None))
        except OSError:
            return False


def _refuse_demo_off_loopback(app: Flask, host: str) -> None:
    if app.extensions["mus.settings"].demo and not is_loopback(host):
        raise click.UsageError(f"demo mode only listens on a loopback address (127.0.0.1, ::1), not {host!r}")


@click.command("run", help="Start the development server.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--demo", is_flag=True, help="Demo mode: demo sign-in, seed data and Teams simulator.")
@click.pass_context
def run_command(ctx: click.Context, host: str, port: int, demo: bool) -> None:
    if demo:
        os.environ["MUS_DEMO"] = "1"
    app = ctx.ensure_object(ScriptInfo).load_app()
    _refuse_demo_off_loopback(app, host)
    from werkzeug.serving import run_simple

    from .scheduler import start_background

    start_background(app)  # the retention run (MUS_PURGE_INTERVAL_MINUTES) and the jobs (MUS_JOBS)

    # app.run() refuses to start inside the flask CLI; the development server itself is what we want.
    run_simple(host, port, app, use_reloader=False, use_debugger=False, threaded=True)


@click.command("serve", help="Start the production WSGI server (gunicorn).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Worker processes. Default: 2 with MUS_REDIS_URL, else 1 (processes share live events via Redis).",
)
@click.option(
    "--threads",
    default=1280,
    show_default=True,
    type=click.IntRange(1, 4096),
    help="Threads per worker: every open live connection (one per tab) holds one.",
)
@click.pass_context
def serve_command(ctx: click.Context, host: str, port: int, workers: int | None, threads: int) -> None:
    from gunicorn.app.base import BaseApplication

    from . import live
    from .scheduler import start_background

    app = ctx.ensure_object(ScriptInfo).load_app()
    _refuse_demo_off_loopback(app, host)
    shared = bool(app.extensions["mus.settings"].redis_url)
    if workers is None:
        workers = 2 if shared else 1
    if workers > 1 and not shared:
        raise click.UsageError(
            "several workers share live events and presence through Redis: set MUS_REDIS_URL"
        )
    # Every open live stream holds a thread: keep some for the API calls (503 live_busy beyond).
    app.extensions["mus.live"].max_streams = max(1, threads - max(8, threads // 8))

    options = gunicorn_options(host, port, workers, threads)

    class Server(BaseApplication):
        def load_config(self) -> None:
            for name, value in options.items():
                self.cfg.set(name, value)
            self.cfg.set("worker_class", live.gunicorn_worker_class)  # gthread; ends live streams on stop
            # Each worker runs the retention scheduler (the lease in the database lets one purge)
            # and the jobs (each claims its work in the database).
            self.cfg.set("post_worker_init", lambda worker: start_background(app))

        def load(self):
            return app

    Server().run()


# A worker whose main loop has not reported to gunicorn's arbiter for this long is hung and is
# replaced. With the threaded worker the main loop reports every second whatever its threads do, so
# live streams open for hours are fine; the timeout is well above the streams' 15 s keep-alive.
WORKER_TIMEOUT_SECONDS = 60
# On SIGTERM a worker ends its live streams at once (the tabs reconnect elsewhere) and then has this
# long to finish the API calls in flight.
GRACEFUL_TIMEOUT_SECONDS = 30


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict[str, object]:
    """The gunicorn settings `mus serve` runs with (besides the worker class and its hooks)."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        # Room for idle keep-alive connections besides one thread per active request or stream.
        "worker_connections": threads + max(64, threads // 4),
        "timeout": WORKER_TIMEOUT_SECONDS,
        "graceful_timeout": GRACEFUL_TIMEOUT_SECONDS,
    }


@click.command("purge", help="Remove content past its retention rule (see the privacy page).")
@with_appcontext
def purge_command() -> None:
    from .services import retention
    from .storage.setup import new_unit_of_work

    report = retention.do_purge(new_unit_of_work())
    if not report.ran:
        click.echo("another process is purging now (the retention lease is held); nothing done")
        return
    click.echo(
        f"removed shared notes of {report.notes_cleared} agenda items and "
        f"{report.drafts_deleted} unapproved agreement drafts; "
        f"{report.conversations_deleted} unfinished conversations, {report.pulses_deleted} pulses, "
        f"{report.preparation_deleted} preparation items, {report.events_deleted} live events and "
        f"{report.responses_deleted} stored responses"
    )


@click.group("keys", help="The keys that encrypt conversation content at rest (MUS_DATA_KEYS).")
def keys_command() -> None:
    pass


@keys_command.command("generate", help="Print a new data key (put it first in MUS_DATA_KEYS).")
def generate_key_command() -> None:
    from .storage.sealed import generate_key

    click.echo(generate_key())


@keys_command.command(
    "reencrypt",
    help="Rewrite every encrypted value (and any plaintext left) under the current key, the first of "
    "MUS_DATA_KEYS, in batches. Safe to run again and while the app runs; afterwards the older keys "
    "can be dropped.",
)
@click.option(
    "--batch", default=500, show_default=True, type=click.IntRange(1, 100_000), help="Rows a commit."
)
@with_appcontext
def reencrypt_command(batch: int) -> None:
    from .storage import sealed
    from .storage.db import db

    total = 0
    with db.engine.connect() as conn:
        for column in sealed.sealed_columns(db.metadata):
            count = sealed.reseal(conn, column, batch=batch, commit=conn.commit)
            conn.commit()
            if count:
                click.echo(f"{column.table}.{column.column}: {count}")
            total += count
    click.echo(f"re-encrypted {total} values under the current key")


@click.command("package", help="Write the Teams app package (manifest, localization, icons) as a zip.")
@click.option("--app-id", required=True, help="The Teams app id (a GUID).")
@click.option("--domain", required=True, help="The app's public host name, e.g. mus.example.dk.")
@click.option("--client-id", required=True, help="The Entra app registration's client id (a GUID).")
@click.option("--version", "app_version", default="1.0.0", show_default=True, help="Package version X.Y.Z.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The zip to write.")
def package_command(app_id: str, domain: str, client_id: str, app_version: str, output: str) -> None:
    from .teams_package import PackageError, build_package

    try:
        path = build_package(
            app_id=app_id, domain=domain, client_id=client_id, version=app_version, output=output
        )
    except PackageError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"wrote {path}")


class MusGroup(FlaskGroup):
    """Flask's command group without its look into the app for more commands: listing the commands
    or finding one never builds the app (which needs the settings)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return click.Group.list_commands(self, ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return click.Group.get_command(self, ctx, cmd_name)


main = MusGroup(
    name="mus",
    help="MUS for Microsoft Teams.",
    create_app=_app_from_env,
    add_default_commands=False,
    add_version_option=False,
    load_dotenv=False,
    set_debug_flag=False,
)
for command in (
    run_command,
    serve_command,
    db_command,
    purge_command,
    keys_command,
    seed_demo_command,
    package_command,
    shell_command,
    routes_command,
):
    main.add_command(command)
