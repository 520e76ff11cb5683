"""An engine's worker that ends without being asked to stop starts again, by itself.

Celery's worker can end for good on a broker outage: with tasks running, kombu fails
restoring their unacknowledged messages on a connection already gone and the consumer stops
("Unrecoverable error", compare celery/celery#10205). ``fastapi worker`` does not leave that
to a supervisor the operator may not have: a worker that had been ready and ended without a
shutdown signal is started again as the same command (``exec`` of the process's own command
line: same pid, process group and options, a fresh interpreter), after a wait that doubles
from 1 s up to 30 s while restarts follow each other, one WARNING line each. A worker that
never got ready (bad options, an app that fails to import) is not restarted: its error is
the answer. Its unacknowledged messages stay in the broker, given back as it gives back any
worker's (Redis: after the ``visibility_timeout``).
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time

logger = logging.getLogger("fastapi.cli")

#: What the restarted process inherits: how many restarts so far, and the last wait.
RESTARTS_VARIABLE = "FASTAPI_WORKER_RESTARTS"
WAIT_VARIABLE = "FASTAPI_WORKER_RESTART_WAIT"
FIRST_WAIT = 1.0
LONGEST_WAIT = 30.0
#: A worker ready this long before it ended starts again after the first wait.
STEADY_AFTER = 60.0


class WorkerLife:
    """What happened to one run of an engine's worker: whether it got ready, and whether it
    was asked to stop (a shutdown signal), as the engine's own signals tell."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.ready_at: float | None = None
        self.stop_asked = False

    def ready(self) -> None:
        if self.ready_at is None:
            self.ready_at = time.monotonic()
        if int(os.environ.get(RESTARTS_VARIABLE, "0")):
            logger.warning("%s is ready again", self.name)

    def asked_to_stop(self) -> None:
        self.stop_asked = True

    def ended_unasked(self) -> bool:
        """Ready once, then ended with no shutdown asked: a restart is due."""
        return self.ready_at is not None and not self.stop_asked

    def next_wait(self) -> float:
        """The wait before the next start: the first one after a steady run, else doubled."""
        previous = float(os.environ.get(WAIT_VARIABLE, "0") or 0)
        ran = 0.0 if self.ready_at is None else time.monotonic() - self.ready_at
        if previous <= 0 or ran >= STEADY_AFTER:
            return FIRST_WAIT
        return min(previous * 2, LONGEST_WAIT)


def restart(life: WorkerLife, exit_code: int) -> None:
    """Start this very command again after the due wait (does not return)."""
    wait = life.next_wait()
    restarts = int(os.environ.get(RESTARTS_VARIABLE, "0")) + 1
    logger.warning(
        "%s ended without being asked to stop (exit code %d); starting it again in %.0fs "
        "(restart %d)",
        life.name,
        exit_code,
        wait,
        restarts,
    )
    # The engine's own signal handlers are still installed: a shutdown signal during the
    # wait ends the process at once, as it would have ended the worker.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    time.sleep(wait)
    os.environ[RESTARTS_VARIABLE] = str(restarts)
    os.environ[WAIT_VARIABLE] = str(wait)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
