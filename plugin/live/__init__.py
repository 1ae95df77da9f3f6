"""Live collaboration: the event broker and the presence store (in-process unless Redis is configured,
MUS_REDIS_URL, in which case every process and app instance shares them), the durable event log that
the unit of work writes announced changes to, this process's open streams and their wire format,
and the shared notes' CRDT (see docs/live.md)."""

from __future__ import annotations

from flask import Flask

from .broker import InProcessBroker
from .hub import LiveHub
from .log import LiveEvents
from .presence import MemoryPresenceStore


def init_app(app: Flask) -> None:
    settings = app.extensions["mus.settings"]
    if settings.redis_url:
        from .redis import RedisBroker, RedisPresenceStore

        app.extensions.setdefault("mus.broker", RedisBroker(settings.redis_url, settings.redis_prefix))
        app.extensions.setdefault(
            "mus.presence", RedisPresenceStore(settings.redis_url, settings.redis_prefix)
        )
    else:
        app.extensions.setdefault("mus.broker", InProcessBroker())
        app.extensions.setdefault("mus.presence", MemoryPresenceStore())
    app.extensions.setdefault("mus.live", LiveHub(app, app.extensions["mus.broker"]))
    app.extensions["mus.live"].max_streams_per_person = settings.rate_limits.live_streams_person
    app.extensions["mus.events"] = LiveEvents(app.extensions["mus.broker"])


def shutdown(app: Flask) -> None:
    """Close the open streams, the broker's connections and threads (tests, and a clean exit)."""
    app.extensions["mus.live"].close()
    app.extensions["mus.broker"].close()
    app.extensions["mus.presence"].close()


def gunicorn_worker_class() -> type:
    """gunicorn's threaded worker, which also ends this process's live streams when it is told to
    stop (SIGTERM): the tabs reconnect at once (to another worker or instance) with Last-Event-ID,
    and the worker exits without waiting for the graceful timeout."""
    import threading

    from gunicorn.workers.gthread import ThreadWorker

    class LiveThreadWorker(ThreadWorker):
        def handle_exit(self, sig, frame) -> None:
            super().handle_exit(sig, frame)
            app = getattr(self, "wsgi", None)
            if isinstance(app, Flask) and "mus.live" in app.extensions:
                # Not in the signal handler itself: the hub takes locks.
                threading.Thread(target=app.extensions["mus.live"].close, daemon=True).start()

    return LiveThreadWorker
