"""fastapi/cli/serve.py: ``dev`` and ``run`` are one server command with two sets of defaults,
their options declared once (``SERVER_OPTIONS``)."""

from __future__ import annotations

import argparse

import pytest

from fastapi.cli.dev import COMMAND as DEV
from fastapi.cli.run import COMMAND as RUN
from fastapi.cli.serve import SERVER_OPTIONS


def parser_of(command: object, monkeypatch: pytest.MonkeyPatch, port: str | None = None) -> argparse.ArgumentParser:
    if port is None:
        monkeypatch.delenv("PORT", raising=False)
    else:
        monkeypatch.setenv("PORT", port)
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)  # type: ignore[attr-defined]
    return parser


def flags_of(parser: argparse.ArgumentParser) -> list[str]:
    return [action.option_strings[-1] if action.option_strings else action.dest for action in parser._actions]


def test_every_declared_option_is_added_workers_only_to_run(monkeypatch: pytest.MonkeyPatch) -> None:
    declared = ["path", "--host", "--port", "--no-reload", "--reload-dir", "--workers", "--root-path"]
    declared += ["--app", "--entrypoint", "--no-proxy-headers", "--forwarded-allow-ips", "--verbose"]
    assert [option.flags[-1] for option in SERVER_OPTIONS] == [flag.replace("--no-", "--") for flag in declared]
    assert flags_of(parser_of(RUN, monkeypatch)) == ["--help", *declared]
    assert flags_of(parser_of(DEV, monkeypatch)) == ["--help", *(flag for flag in declared if flag != "--workers")]


def test_the_defaults_of_each_command(monkeypatch: pytest.MonkeyPatch) -> None:
    dev = parser_of(DEV, monkeypatch).parse_args([])
    run = parser_of(RUN, monkeypatch, port="9000").parse_args([])
    assert (dev.host, dev.port, dev.reload, dev.proxy_headers, dev.root_path) == ("127.0.0.1", 8000, True, True, "")
    assert (run.host, run.port, run.reload, run.workers) == ("0.0.0.0", 9000, False, None)
    assert "workers" not in vars(dev)


def test_help_names_the_commands_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    dev = {action.dest: action.help for action in parser_of(DEV, monkeypatch)._actions}
    run = {action.dest: action.help for action in parser_of(RUN, monkeypatch)._actions}
    assert str(dev["host"]).endswith("(default: 127.0.0.1)") and str(dev["reload"]).endswith("(default: on)")
    assert str(run["host"]).endswith("(default: 0.0.0.0)") and str(run["reload"]).endswith("(default: off)")
