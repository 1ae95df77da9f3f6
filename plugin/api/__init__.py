"""The HTTP layer: thin blueprints that parse, call one service and serialise."""

from __future__ import annotations

from flask import Flask

from ..identity.recent import RecentAnswers
from . import (
    admin,
    agreements,
    checkins,
    conversations,
    errors,
    goals,
    health,
    inputs,
    limits,
    live,
    my_data,
    my_rights,
    openapi,
    organisation,
    people,
    preparation,
    reminders,
    team,
)


def init_app(app: Flask) -> None:
    errors.init_app(app)
    limits.init_app(app)  # rate limits on every route, the sign-in pages included
    inputs.init_app(app)  # before the blueprints: their `<int:...>` ids are bounded
    app.extensions["mus.directory_answers"] = RecentAnswers()  # /me's directory part, per person
    for blueprint in (
        health.bp,
        openapi.bp,
        conversations.bp,
        preparation.bp,
        goals.bp,
        agreements.bp,
        admin.bp,
        organisation.bp,
        my_data.bp,
        live.bp,
        my_rights.bp,
        reminders.bp,
        team.bp,
        checkins.bp,
        people.bp,
    ):
        app.register_blueprint(blueprint)
