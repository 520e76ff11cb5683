"""Hundreds of concurrent connections against a real uvicorn: zero errors, and memory and
open descriptors flat across rounds (no growth per request)."""

from __future__ import annotations

import resource

from tests.robustness.load import load_round
from tests.robustness.server import Server, wait_until

CONNECTIONS = 300
REQUESTS = 10  # per connection and round: 3,000 requests a round
ROUNDS = 5
MiB = 1024 * 1024


def test_hundreds_of_connections_leave_memory_and_descriptors_flat(server: Server) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < 2 * CONNECTIONS + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    idle = server.probe()
    rss = []
    for _ in range(ROUNDS):
        outcome = load_round(server.port, CONNECTIONS, REQUESTS)
        assert outcome.errors == 0 and outcome.ok == CONNECTIONS * REQUESTS
        after = wait_until(lambda: (probe := server.probe())["fds"] == idle["fds"] and probe)
        assert after["tasks"] == idle["tasks"]
        rss.append(after["rss"])
    print(f"load: {ROUNDS} rounds of {CONNECTIONS * REQUESTS} requests, RSS {[r // MiB for r in rss]} MiB, fds {idle['fds']}")
    # The first round warms caches and the allocator up; after it, no growth per request.
    assert max(rss[1:]) - rss[1] < 8 * MiB, rss
    assert "Traceback" not in server.log()
