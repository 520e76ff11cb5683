"""``fastapi run``: serve an app for production (no reload, on 0.0.0.0, optional workers)."""

from __future__ import annotations

import argparse

from fastapi.cli.registry import Command
from fastapi.cli.serve import DISCOVERY_HELP, add_server_arguments, serve

DESCRIPTION = f"""\
Run a FastAPI app in production mode.

This is `fastapi dev` without auto-reload, listening on 0.0.0.0 (every address), with
optional worker processes.

{DISCOVERY_HELP}"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_server_arguments(parser, host="0.0.0.0", reload=False, workers=True)


def handle(args: argparse.Namespace) -> int:
    return serve(args, mode="production")


COMMAND = Command(
    name="run",
    help="Run a FastAPI app in production mode (0.0.0.0, workers).",
    description=DESCRIPTION,
    add_arguments=add_arguments,
    handle=handle,
    order=20,
)
