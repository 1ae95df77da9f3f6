"""`mus serve`: gunicorn's worker timeout is set (a hung worker is replaced) and fits live streams."""

from __future__ import annotations

from gunicorn.config import Config

from plugin.cli import gunicorn_options
from plugin.live.stream import KEEPALIVE_SECONDS


def test_the_worker_timeout_is_set_and_above_the_live_keep_alive():
    options = gunicorn_options("127.0.0.1", 8000, 2, 64)
    assert options["timeout"] > 0  # 0 would never replace a hung worker
    assert options["timeout"] >= 2 * KEEPALIVE_SECONDS
    assert 0 < options["graceful_timeout"] <= options["timeout"]
    config = Config()
    for name, value in options.items():
        config.set(name, value)  # every option is one gunicorn knows, with a value it accepts
    assert config.timeout == options["timeout"]
    assert config.bind == ["127.0.0.1:8000"]
    assert gunicorn_options("::1", 8000, 1, 8)["bind"] == "[::1]:8000"
