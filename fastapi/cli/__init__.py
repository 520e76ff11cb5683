"""The ``fastapi`` command line (also ``python -m fastapi``).

Each subcommand is a module of this package that defines ``COMMAND`` (see
:mod:`fastapi.cli.registry`): ``dev`` and ``run`` serve an app with uvicorn, ``worker`` runs
background-task workers, ``tasks`` lists and acts on stored tasks; all share the app discovery of :mod:`fastapi.cli.discover`.
Everything is plain ``argparse``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

from fastapi.cli import output
from fastapi.cli.registry import CLIError, Command, discover_commands

__all__ = ["CLIError", "Command", "build_parser", "main"]

DESCRIPTION = """\
FastAPI's command line: run your FastAPI apps.

  fastapi dev [PATH]   serve for development: auto-reload, on 127.0.0.1:8000
  fastapi run [PATH]   serve for production: on 0.0.0.0:8000, optional workers
  fastapi worker PATH  run a durable app's background-task workers (no HTTP)
  fastapi tasks list   list, show, cancel and retry a durable app's tasks

Run `fastapi COMMAND --help` for the options of a command."""


_CLI_DIR = os.path.dirname(os.path.abspath(__file__))
_IMPORTLIB_DIR = os.path.dirname(os.path.abspath(importlib.__file__ or ""))


def _user_traceback(exc: BaseException) -> list[str]:
    """The traceback of an error in the user's code, without the frames of the import itself."""
    tb = exc.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not (filename.startswith("<frozen") or filename.startswith((_CLI_DIR, _IMPORTLIB_DIR))):
            break
        tb = tb.tb_next
    return traceback.format_exception(type(exc), exc, tb or exc.__traceback__)


def build_parser(
    prog: str | None = None, commands: Sequence[Command] | None = None
) -> argparse.ArgumentParser:
    """The parser of the whole command line, one subparser per registered command."""
    from fastapi import __version__

    parser = argparse.ArgumentParser(
        prog=prog,
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"FastAPI CLI version: {__version__}"
    )
    parser.add_argument(
        "--verbose",
        dest="global_verbose",
        action="store_true",
        help="enable verbose output (for every command)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    subparsers.required = True
    for command in commands if commands is not None else discover_commands():
        subparser = subparsers.add_parser(
            command.name,
            help=command.help,
            description=command.description or command.help,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(subparser)
        subparser.set_defaults(handle=command.handle)
    return parser


def main(argv: Sequence[str] | None = None, *, prog: str | None = None) -> int:
    """Run the command line; returns the exit status (console scripts pass it to sys.exit)."""
    if prog is None:
        prog = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else "fastapi"
        if prog in ("__main__.py", "-c", ""):
            prog = "fastapi"
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (status 2)
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    try:
        status: int = args.handle(args)
    except CLIError as exc:
        if exc.show_traceback and exc.__cause__ is not None:
            sys.stderr.write("".join(_user_traceback(exc.__cause__)))
        output.error(exc.message, exc.hint)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    return status


cli_main = main  # the name FastAPI's module gives its command line's entry point
