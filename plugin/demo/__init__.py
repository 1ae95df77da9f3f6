"""Demo mode (MUS_DEMO=1, loopback only): a made-up organisation on this computer. It starts the
local stand-ins of Entra ID and Microsoft Graph and points the app's identity settings at them, and
adds the demo people's token endpoint, the Teams simulator and the landing page's demo section.
The only part of the product that imports the stand-ins (`m365_standins`, a package of its own)."""

from __future__ import annotations

from flask import Flask

from .people import DEMO_BY_KEY


def init_app(app: Flask) -> None:
    from . import cloud, idp, simulator  # cloud says in one line how to get missing stand-ins

    settings = app.extensions["mus.settings"]
    local = cloud.start(settings)
    app.extensions["mus.demo_cloud"] = local
    app.extensions["mus.settings"] = local.settings_for(settings)
    app.register_blueprint(idp.bp)
    app.register_blueprint(simulator.bp)
    app.extensions.setdefault("mus.landing_sections", []).append(
        ("demo/landing.html", {"manager": DEMO_BY_KEY["mette"].name, "employee": DEMO_BY_KEY["jonas"].name})
    )
