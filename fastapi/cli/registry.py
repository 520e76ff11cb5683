"""The command registry: every module of this package that defines ``COMMAND`` is a subcommand.

A command is one module::

    # fastapi/cli/hello.py
    from fastapi.cli.registry import Command

    def add_arguments(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--name", default="world")

    def handle(args: argparse.Namespace) -> int:
        print(f"hello {args.name}")
        return 0

    COMMAND = Command(name="hello", help="Say hello.", add_arguments=add_arguments, handle=handle)

Nothing else needs to change: ``fastapi hello`` exists as soon as the module does. Modules
without ``COMMAND`` (``discover``, ``output``, ``serve``...) are helpers and are skipped.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass


class CLIError(Exception):
    """A failure to report to the user as one message, without a traceback."""

    def __init__(
        self,
        message: str,
        *,
        exit_code: int = 1,
        hint: str | None = None,
        show_traceback: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.hint = hint
        #: Print the traceback of ``__cause__`` too (an error inside the user's code).
        self.show_traceback = show_traceback


@dataclass(frozen=True)
class Command:
    """One ``fastapi <name>`` subcommand."""

    name: str
    #: One line, shown in ``fastapi --help``.
    help: str
    #: Adds the command's arguments and options to its own parser.
    add_arguments: Callable[[argparse.ArgumentParser], None]
    #: Runs the command with the parsed arguments; returns the process exit code.
    handle: Callable[[argparse.Namespace], int]
    #: The longer text of ``fastapi <name> --help`` (defaults to ``help``).
    description: str | None = None
    #: Position in ``fastapi --help`` (lower first, then by name).
    order: int = 100


def discover_commands(package: str = "fastapi.cli") -> list[Command]:
    """Import the modules of ``package`` and collect their ``COMMAND``, in display order."""
    module = importlib.import_module(package)
    found: dict[str, Command] = {}
    for info in pkgutil.iter_modules(module.__path__):
        if info.name.startswith("_"):
            continue
        submodule = importlib.import_module(f"{package}.{info.name}")
        command = getattr(submodule, "COMMAND", None)
        if not isinstance(command, Command):
            continue
        if command.name in found:
            raise RuntimeError(f"two modules define the command {command.name!r}")
        found[command.name] = command
    return sorted(found.values(), key=lambda c: (c.order, c.name))
