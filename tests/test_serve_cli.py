"""`storyline serve`: options, the token rule, and the defaults that keep it private."""

from __future__ import annotations

import pytest
import uvicorn
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


@pytest.fixture()
def runs(monkeypatch) -> list[dict]:
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append({"app": application, **kw}))
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    return calls


def test_defaults_bind_to_loopback_read_only(runs, tmp_path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    (call,) = runs
    assert call["host"] == "127.0.0.1" and call["port"] == 8000
    settings = call["app"].state.settings
    assert settings.allow_ingest is False and settings.db_path == str(tmp_path / "s.db")
    assert "127.0.0.1" in settings.allowed_hosts  # Host header checked on loopback (DNS rebinding)
    assert "read-only" in result.output and "storyline ingest FOLDER" in result.output


def test_other_host_and_port(runs, tmp_path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert runs[0]["host"] == "0.0.0.0" and runs[0]["port"] == 9001
    assert runs[0]["app"].state.settings.allowed_hosts is None  # told to listen widely: any Host


def test_allow_ingest_needs_a_token(runs, tmp_path, monkeypatch) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--allow-ingest"])
    assert result.exit_code == 1 and not runs
    assert "STORYLINE_TOKEN" in result.output and len(result.output.strip().splitlines()) == 1
    monkeypatch.setenv("STORYLINE_TOKEN", "t0ken")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.db"), "--allow-ingest"])
    assert result.exit_code == 0, result.output
    settings = runs[0]["app"].state.settings
    assert settings.allow_ingest and settings.token == "t0ken"
