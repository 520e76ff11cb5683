"""A small HTTP/1.1 load generator over asyncio streams: N keep-alive connections at once.

Used by the load test and by ``benchmarks/load.py``; it counts errors (anything but the
expected status, a reset, a timeout) and keeps each request's latency.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

ITEM = b'{"name":"pen","price":1.5}'
REQUESTS = {
    "hello": b"GET /hello HTTP/1.1\r\nhost: x\r\n\r\n",
    "items": b"POST /items HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s"
    % (len(ITEM), ITEM),
}


@dataclass
class Outcome:
    ok: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)

    def p99_ms(self) -> float:
        ordered = sorted(self.latencies)
        return ordered[int(len(ordered) * 0.99) - 1] * 1000 if ordered else 0.0


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return status


async def _connection(port: int, requests: int, outcome: Outcome, timeout: float) -> None:
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    except (OSError, asyncio.TimeoutError):
        outcome.errors += requests
        return
    done = 0
    try:
        for number in range(requests):
            payload = REQUESTS["items" if number % 2 else "hello"]
            started = time.perf_counter()
            writer.write(payload)
            status = await asyncio.wait_for(_read_response(reader), timeout)
            outcome.latencies.append(time.perf_counter() - started)
            done += 1
            if status == 200:
                outcome.ok += 1
            else:
                outcome.errors += 1
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
        outcome.errors += requests - done
    finally:
        writer.close()
        try:
            await writer.wait_closed()
        except OSError:
            pass


async def _round(port: int, connections: int, requests: int, timeout: float) -> Outcome:
    outcome = Outcome()
    await asyncio.gather(*(_connection(port, requests, outcome, timeout) for _ in range(connections)))
    return outcome


def load_round(port: int, connections: int, requests: int, timeout: float = 60.0) -> Outcome:
    """``connections`` clients at once, each sending ``requests`` requests on its connection."""
    return asyncio.run(_round(port, connections, requests, timeout))
