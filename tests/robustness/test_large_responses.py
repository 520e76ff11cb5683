"""A large answer is encoded off the event loop: the loop keeps running while it is encoded."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx

from fastapi import FastAPI
from fastapi._core.serialize.json_bytes import render_reference, render_reference_in_pieces
from fastapi._core.serialize.offload import is_large


class LoopWitness:
    """Encoded by ``jsonable_encoder`` as a mapping: notes the loop's heartbeat count then."""

    def __init__(self, beats: list[int], seen: list[int]) -> None:
        self.beats = beats
        self.seen = seen

    def keys(self) -> list[str]:
        self.seen.append(self.beats[0])
        return ["beat"]

    def __getitem__(self, key: str) -> int:
        return 0


def test_the_loop_runs_while_a_large_answer_is_encoded() -> None:
    beats = [0]
    seen: list[int] = []
    app = FastAPI()

    @app.get("/big")
    async def big():  # type: ignore[no-untyped-def]  # no response model: jsonable_encoder
        items: list[Any] = [{"n": n, "text": "x" * 20} for n in range(200_000)]
        return [LoopWitness(beats, seen), *items, LoopWitness(beats, seen)]

    async def scenario() -> httpx.Response:
        stop = asyncio.Event()

        async def heartbeat() -> None:
            while not stop.is_set():
                beats[0] += 1
                await asyncio.sleep(0.0005)

        ticking = asyncio.create_task(heartbeat())
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            response = await client.get("/big")
        stop.set()
        await ticking
        return response

    response = asyncio.run(scenario())
    assert response.status_code == 200
    body = response.json()
    assert len(body) == 200_002 and body[0] == body[-1] == {"beat": 0}
    start, end = seen
    assert end > start, "the heartbeat did not run while the answer was encoded"


def test_small_answers_stay_on_the_loop() -> None:
    assert not is_large({"message": "Hello World"})
    assert not is_large([{"id": n, "name": "item"} for n in range(100)])
    assert is_large([{"id": n, "name": "item"} for n in range(20_000)])
    assert is_large({"payload": "x" * (20 * 1024 * 1024)})
    assert is_large({"wrapped": {"rows": [[1, 2, 3]] * 5000}})


def test_pieces_make_the_same_bytes() -> None:
    values: list[Any] = [
        list(range(1000)),
        {"a": [{"b": "é" * 3, "c": [1.5, None, True]}] * 300, "d": {str(n): n for n in range(100)}},
        {1: "int keys", "mixed": list(range(100))},
        [[]] * 100,
        {"nested": {"deeper": list(range(200))}},
    ]
    for value in values:
        assert render_reference_in_pieces(value) == render_reference(value)
        assert render_reference(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
