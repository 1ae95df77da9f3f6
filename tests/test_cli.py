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
    monkeypatch.setenv("MUS_DATA_KEYS", "3q2HNU5fWf4Z9Q2b8cXlY1V0mX1uJz6b7Y9ZrYk4pQk=")
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


def test_help_lists_every_command_without_any_configuration(monkeypatch, tmp_path):
    for name in ("MUS_DEMO", "MUS_SECRET_KEY", "MUS_CLIENT_ID", "MUS_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    listed = result.output.split("Commands:", 1)[1].split()
    for command in ("run", "serve", "db", "purge", "keys", "seed-demo", "package", "shell", "routes"):
        assert command in listed


def test_a_missing_setting_is_one_line_naming_it(monkeypatch, tmp_path):
    for name in ("MUS_DEMO", "MUS_SECRET_KEY", "MUS_CLIENT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MUS_INSTANCE_PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["purge"])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert errors == ["Error: MUS_SECRET_KEY must be set (outside demo mode)"]
    assert "Traceback" not in result.output


def test_demo_mode_without_the_stand_ins_says_how_to_get_them(demo_env, monkeypatch):
    import sys

    import plugin.demo

    monkeypatch.setitem(sys.modules, "m365_standins", None)  # as in a production install
    monkeypatch.delitem(sys.modules, "plugin.demo.cloud", raising=False)
    monkeypatch.delattr(plugin.demo, "cloud", raising=False)
    result = CliRunner().invoke(main, ["seed-demo"])
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and "pip install ./standins" in errors[0]
