"""Serving an app with uvicorn: the options and the start-up shared by ``dev`` and ``run``."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from fastapi.cli import output
from fastapi.cli.discover import AppTarget, ModuleLocation, discover, package_tree
from fastapi.cli.registry import CLIError, Command

DISCOVERY_HELP = """\
It finds the Python module or package to import from the PATH given (a file, or a package
directory with __init__.py files), adding the right directory to sys.path. Without PATH it
uses [tool.fastapi] entrypoint = "module:app" from ./pyproject.toml, or else tries main.py,
app.py, api.py, app/main.py, app/app.py and app/api.py.

In the module, the app is the object named by --app, else `app` or `api`, else the first
FastAPI instance found."""

UVICORN_MISSING = (
    'To use the fastapi command, please install "fastapi[standard]" (uvicorn is missing):\n\n'
    '\tpip install "fastapi[standard]"'
)


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid port (from --port or $PORT): {value!r}")
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port out of range: {port}")
    return port


@dataclass(frozen=True)
class ServerOption:
    """One argument of the commands that start a server, as ``add_argument`` takes it.

    ``help`` may name the command's defaults (``{host}``, ``{reload}``); ``default_from``
    takes the default from them instead of ``settings`` (``host``, ``port``, ``reload``).
    """

    flags: tuple[str, ...]
    help: str
    settings: dict[str, Any] = field(default_factory=dict)
    default_from: str | None = None
    production_only: bool = False


SERVER_OPTIONS = (
    ServerOption(
        ("path",),
        "a Python file or package directory (with __init__.py files) containing a FastAPI app; "
        "if not given, a default set of paths is tried",
        {"nargs": "?", "metavar": "PATH"},
    ),
    ServerOption(
        ("--host",),
        "the host to serve on: 127.0.0.1 for local development, 0.0.0.0 for every address, "
        "e.g. in a container (default: {host})",
        default_from="host",
    ),
    ServerOption(
        ("--port",),
        "the port to serve on (default: $PORT or 8000)",
        {"type": _port},
        default_from="port",
    ),
    ServerOption(
        ("--reload",),
        "restart the server when code files change; resource intensive, use it only during "
        "development (default: {reload})",
        {"action": argparse.BooleanOptionalAction},
        default_from="reload",
    ),
    ServerOption(
        ("--reload-dir",),
        "a directory to watch for changes, instead of the current directory (repeatable)",
        {"action": "append", "dest": "reload_dirs", "metavar": "DIR"},
    ),
    ServerOption(
        ("--workers",),
        "the number of worker processes; not used together with --reload",
        {"type": int, "default": None, "metavar": "N"},
        production_only=True,
    ),
    ServerOption(
        ("--root-path",), "the path prefix under which a proxy serves the app", {"default": ""}
    ),
    ServerOption(
        ("--app",),
        "the name of the variable holding the FastAPI app in the module or package "
        "(detected if not given)",
        {"dest": "app_name", "metavar": "NAME"},
    ),
    ServerOption(
        ("-e", "--entrypoint"),
        "the app's import string, e.g. some.importable_module:app_name",
        {"metavar": "MODULE:APP"},
    ),
    ServerOption(
        ("--proxy-headers",),
        "trust X-Forwarded-Proto, X-Forwarded-For and X-Forwarded-Port for the remote address "
        "information (default: on)",
        {"action": argparse.BooleanOptionalAction, "default": True},
    ),
    ServerOption(
        ("--forwarded-allow-ips",),
        "comma separated list of addresses to trust with proxy headers; '*' trusts all",
        {"metavar": "IPS"},
    ),
    ServerOption(
        ("-v", "--verbose"),
        "show how the app was discovered, and debug logs",
        {"action": "store_true"},
    ),
)


def add_server_arguments(
    parser: argparse.ArgumentParser, *, host: str, reload: bool, workers: bool
) -> None:
    """The arguments common to the commands that start a server (``SERVER_OPTIONS``)."""
    # argparse passes a string default through the type too: a bad $PORT is a usage error.
    defaults: dict[str, Any] = {
        "host": host,
        "reload": reload,
        "port": os.environ.get("PORT", "8000"),
    }
    shown = {"host": host, "reload": "on" if reload else "off"}
    for option in SERVER_OPTIONS:
        if option.production_only and not workers:
            continue
        settings = dict(option.settings)
        if option.default_from is not None:
            settings["default"] = defaults[option.default_from]
        parser.add_argument(*option.flags, help=option.help.format(**shown), **settings)


def serve_command(
    *,
    name: str,
    mode: str,
    help: str,
    description: str,
    order: int,
    host: str,
    reload: bool,
    workers: bool,
) -> Command:
    """``fastapi dev`` and ``fastapi run``: one server command, with its own defaults."""

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        add_server_arguments(parser, host=host, reload=reload, workers=workers)

    def handle(args: argparse.Namespace) -> int:
        return serve(args, mode=mode)

    return Command(
        name=name,
        help=help,
        description=description,
        add_arguments=add_arguments,
        handle=handle,
        order=order,
    )


def load_uvicorn() -> ModuleType:
    try:
        import uvicorn
    except ImportError:
        raise CLIError(UVICORN_MISSING)
    return uvicorn


def server_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def _explain(target: AppTarget, location: ModuleLocation | None, verbose: bool) -> None:
    if verbose:
        output.say(
            "Searching for package file structure from directories with __init__.py files",
            marker="🔎",
        )
        output.say()
        output.say(f"Importing from {target.import_root}", marker="📂")
        output.say()
        if location is not None:
            output.say("\n".join(package_tree(location)), indent=4)
            output.say()
        output.say(
            "Importing the FastAPI app object from the module with the following code:", indent=4
        )
        output.say()
        output.say(f"from {target.module} import {target.app_name.split('.')[0]}", indent=4)
        output.say()
        output.say(f"Using import string: {target.import_string}", marker="🐍")
        output.say()
        output.say("Configuration sources:", marker="📋")
        if target.module_source == target.app_source:
            output.say(f"• Import string: {target.module_source}", indent=4)
        else:
            output.say(f"• Module: {target.module_source}", indent=4)
            output.say(f"• App name: {target.app_source}", indent=4)
    else:
        suffix = (
            " (auto-discovered, use --verbose to learn more)" if target.could_be_configured else ""
        )
        output.say(f"Using import string: {target.import_string}{suffix}", marker="🐍")
    output.say()
    if target.could_be_configured:
        output.say(
            "You can configure an entrypoint in pyproject.toml for this app with:", marker="💡"
        )
        output.say()
        output.say(f'[tool.fastapi]\nentrypoint = "{target.import_string}"', indent=4)
        output.say()


def serve(args: argparse.Namespace, *, mode: str) -> int:
    """Find the app, tell where it will be served, and run uvicorn until it stops."""
    verbose = bool(args.verbose or getattr(args, "global_verbose", False))
    output.say()
    output.say(f"Starting FastAPI in {mode} mode", marker="⚡️")
    output.say()
    uvicorn = load_uvicorn()
    target, location = discover(
        args.path, app_name=args.app_name, entrypoint=args.entrypoint, cwd=Path.cwd()
    )
    _explain(target, location, verbose)

    url = server_url(args.host, args.port)
    output.say(f"Server started at {url}", marker="🌐")
    app: Any = target.app
    if getattr(app, "openapi_url", None) and getattr(app, "docs_url", None):
        output.say(f"Documentation at {url}{app.docs_url}", indent=4)
    output.say()
    output.say("Logs:", indent=2)
    output.say()

    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "reload": args.reload,
        "root_path": args.root_path,
        "proxy_headers": args.proxy_headers,
        "forwarded_allow_ips": args.forwarded_allow_ips,
    }
    if args.reload and args.reload_dirs:
        options["reload_dirs"] = [str(Path(d).resolve()) for d in args.reload_dirs]
    if getattr(args, "workers", None) is not None:
        options["workers"] = args.workers
    if verbose:
        options["log_level"] = "debug"
    # An import string (not the object) so that reload and workers can import it again.
    uvicorn.run(target.import_string, **options)
    return 0
