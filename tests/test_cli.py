from __future__ import annotations

import pytest
from click.testing import CliRunner

from plugin.cli import is_loopback, main


@pytest.mark.parametrize(
    "host,expected",
    [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("10.0.0.5", False)],
)
def test_is_loopback(host, expected):
    assert is_loopback(host) is expected


@pytest.fixture
def demo_env(monkeypatch, tmp_path):
    monkeypatch.setenv("MUS_DEMO", "1")
    monkeypatch.setenv("MUS_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("MUS_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    return tmp_path


@pytest.mark.parametrize("command", ["run", "serve"])
def test_demo_mode_refuses_a_public_address(demo_env, command):
    result = CliRunner().invoke(main, [command, "--host", "0.0.0.0", "--port", "5999"])
    assert result.exit_code == 2
    assert "loopback" in result.output


def test_db_upgrade_then_seed_demo_is_idempotent(demo_env):
    runner = CliRunner()
    upgraded = runner.invoke(main, ["db", "upgrade"])
    assert upgraded.exit_code == 0, upgraded.output
    first = runner.invoke(main, ["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "created" in first.output
    second = runner.invoke(main, ["seed-demo"])
    assert "already present" in second.output


def test_seed_demo_refuses_outside_demo_mode(monkeypatch, tmp_path):
    monkeypatch.setenv("MUS_SECRET_KEY", "s")
    monkeypatch.setenv("MUS_CLIENT_ID", "c")
    monkeypatch.setenv("MUS_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("MUS_DEMO", raising=False)
    result = CliRunner().invoke(main, ["seed-demo"])
    assert result.exit_code == 2
    assert "demo mode" in result.output


def test_missing_configuration_is_a_clear_error(monkeypatch, tmp_path):
    for name in ("MUS_DEMO", "MUS_SECRET_KEY", "MUS_CLIENT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MUS_INSTANCE_PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["routes"])
    assert result.exit_code != 0
    assert "MUS_SECRET_KEY" in result.output
