"""``fastapi run``: serve an app for production (no reload, on 0.0.0.0, optional workers)."""

from __future__ import annotations

from fastapi.cli.serve import DISCOVERY_HELP, serve_command

COMMAND = serve_command(
    name="run",
    mode="production",
    help="Run a FastAPI app in production mode (0.0.0.0, workers).",
    description=f"""\
Run a FastAPI app in production mode.

This is `fastapi dev` without auto-reload, listening on 0.0.0.0 (every address), with
optional worker processes.

{DISCOVERY_HELP}""",
    order=20,
    host="0.0.0.0",
    reload=False,
    workers=True,
)
