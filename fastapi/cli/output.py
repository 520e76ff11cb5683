"""Plain-text output of the command line (no colours, no third-party rendering).

Messages go to standard output, one line at a time and flushed at once, so they come before
the server's own logs; errors go to standard error. Emoji markers are dropped when the
terminal's encoding cannot show them.
"""

from __future__ import annotations

import sys
from typing import TextIO


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")
    stream.flush()


def say(text: str = "", *, marker: str = "", indent: int = 1) -> None:
    """Print ``text`` to stdout, indented; a marker (an emoji) goes before the first line."""
    if not text:
        _write(sys.stdout, "")
        return
    for number, line in enumerate(text.splitlines()):
        if number == 0 and marker:
            _write(sys.stdout, f"{' ' * indent}{marker} {line}")
        else:
            _write(sys.stdout, " " * (indent + 3 if marker else indent) + line)


def error(message: str, hint: str | None = None) -> None:
    """Print an error (and an optional hint) to stderr."""
    _write(sys.stderr, f"Error: {message}")
    if hint:
        _write(sys.stderr, f"Hint: {hint}")
