"""A test app served by a real uvicorn on a free loopback port, for the tests that need sockets."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, process: subprocess.Popen[Any], port: int, log: Path) -> None:
        self.process = process
        self.port = port
        self.log = log

    def output(self) -> str:
        return self.log.read_text()

    def wait_for_output(self, text: str, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output():
            assert self.process.poll() is None, self.output()
            assert time.monotonic() < deadline, f"{text!r} not in the log:\n{self.output()}"
            time.sleep(0.05)


@contextmanager
def serve_app(directory: Path, module: str, source: str) -> Iterator[Server]:
    """Write ``source`` as ``module``.py in ``directory`` and serve its ``app`` until exit.

    Ready once uvicorn says it is running: it logs "startup complete" before the socket is
    bound, and a loaded machine refuses a connection made in between.
    """
    (directory / f"{module}.py").write_text(textwrap.dedent(source))
    port = free_port()
    log = directory / "server.log"
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    argv = [sys.executable, "-m", "uvicorn", f"{module}:app", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("w") as out:
        process = subprocess.Popen(argv, cwd=directory, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = Server(process, port, log)
    try:
        server.wait_for_output("Uvicorn running on", timeout=60)
        yield server
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
