"""In-process CPU time of every peer, interleaved a few batches at a time.

A loaded machine does not slow everything evenly: for seconds at a time (another process's
burst, the host's other guests) every request costs up to twice its CPU time, even in the
best short batch. Measured one peer after the other, one scenario after the other, such a
window falls on one peer's scenario and not on the next. So, in each round, every peer's interpreter is
started and warmed up once (``inprocess.py --serve``), and the driver then asks each in
turn, in alternating order, for a few batches of each scenario: every peer's batches of a
scenario are spread over the whole round, next to every other peer's, and the best of them
is that round's number. The medians over rounds (fresh interpreters each) are reported.
"""

from __future__ import annotations

import json
import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import IO

from inprocess import CPU_BATCH
from peers import Peer

HERE = Path(__file__).resolve().parent
SLICES = 10  # times each peer is asked for each scenario per round


class Server:
    """One peer's ``inprocess.py --serve``: asked for batches, answering their best."""

    def __init__(self, peer: Peer, only: list[str]) -> None:
        selection = [argument for scenario in only for argument in ("--only", scenario)]
        command = [peer.python, HERE / "inprocess.py", "--app", peer.module, "--serve", *selection]
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd="/"
        )
        self.name = peer.name
        self.scenarios: list[str] = json.loads(self._line())

    def _line(self) -> str:
        output: IO[str] | None = self.process.stdout
        line = output.readline() if output is not None else ""
        if not line:
            self.process.wait()
            raise SystemExit(f"{self.name}: inprocess.py --serve ended ({self.process.returncode})")
        return line

    def best(self, scenario: str, batches: int) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"scenario": scenario, "batches": batches}) + "\n")
        self.process.stdin.flush()
        return float(json.loads(self._line())["best"])

    def finish(self) -> None:
        """Tell the server to end (its input ends); ``close`` waits for it."""
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def close(self) -> None:
        self.finish()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def one_round(peers: list[Peer], iterations: int, only: list[str]) -> dict[str, dict[str, float]]:
    """peer -> scenario -> the best batch of this round (µs per request)."""
    servers = [Server(peer, only) for peer in peers]
    try:
        batches = max(1, 3 * iterations // CPU_BATCH // SLICES)  # 3 x iterations requests
        best: dict[str, dict[str, float]] = {server.name: {} for server in servers}
        for number in range(SLICES):
            order = servers if number % 2 == 0 else servers[::-1]
            for scenario in servers[0].scenarios:
                for server in order:
                    if scenario not in server.scenarios:
                        continue
                    found = server.best(scenario, batches)
                    best[server.name][scenario] = min(found, best[server.name].get(scenario, found))
        return best
    finally:
        for server in servers:
            server.finish()
        for server in servers:
            server.close()


def in_process_interleaved(
    peers: dict[str, Peer], rounds: int, iterations: int, only: list[str], report: Callable[[str], None] = print
) -> dict[str, dict[str, float]]:
    """peer -> scenario -> the median over ``rounds`` rounds of each round's best batch."""
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in peers}
    for number in range(rounds):
        for name, scenarios in one_round(list(peers.values()), iterations, only).items():
            for scenario, micros in scenarios.items():
                samples[name].setdefault(scenario, []).append(micros)
        report(f"  in process: round {number + 1}/{rounds} done")
    return {name: {s: statistics.median(v) for s, v in found.items()} for name, found in samples.items()}
