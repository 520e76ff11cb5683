"""``fastapi dev``: serve an app for development (auto-reload, on 127.0.0.1)."""

from __future__ import annotations

import argparse

from fastapi.cli.registry import Command
from fastapi.cli.serve import DISCOVERY_HELP, add_server_arguments, serve

DESCRIPTION = f"""\
Run a FastAPI app in development mode.

This is `fastapi run` with auto-reload enabled, listening on 127.0.0.1 (this machine only).

{DISCOVERY_HELP}"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_server_arguments(parser, host="127.0.0.1", reload=True, workers=False)


def handle(args: argparse.Namespace) -> int:
    return serve(args, mode="development")


COMMAND = Command(
    name="dev",
    help="Run a FastAPI app in development mode (auto-reload, 127.0.0.1).",
    description=DESCRIPTION,
    add_arguments=add_arguments,
    handle=handle,
    order=10,
)
