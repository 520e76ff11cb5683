from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.server import Server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One uvicorn per test module; its log must stay free of errors."""
    running = Server(Path(tmp_path_factory.mktemp("server")))
    try:
        yield running
    finally:
        running.stop()
