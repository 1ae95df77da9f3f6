"""`mus seed-demo`: the demo organisation's conversations (demo mode only)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext


@click.command("seed-demo", help="Create the demo organisation's conversations (demo mode only; idempotent).")
@with_appcontext
def seed_demo_command() -> None:
    from ..storage.setup import new_unit_of_work
    from .seed import do_seed

    if not current_app.extensions["mus.settings"].demo:
        raise click.UsageError("seed-demo only runs in demo mode (MUS_DEMO=1)")
    created = do_seed(new_unit_of_work())
    click.echo("demo data created" if created else "demo data already present")
