"""``fastapi dev``: serve an app for development (auto-reload, on 127.0.0.1)."""

from __future__ import annotations

from fastapi.cli.serve import DISCOVERY_HELP, serve_command

COMMAND = serve_command(
    name="dev",
    mode="development",
    help="Run a FastAPI app in development mode (auto-reload, 127.0.0.1).",
    description=f"""\
Run a FastAPI app in development mode.

This is `fastapi run` with auto-reload enabled, listening on 127.0.0.1 (this machine only).

{DISCOVERY_HELP}""",
    order=10,
    host="127.0.0.1",
    reload=True,
    workers=False,
)
