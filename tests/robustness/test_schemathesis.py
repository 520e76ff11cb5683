"""schemathesis against the demo app's OpenAPI document, served by a real uvicorn.

Every operation gets requests generated from its documented schema (valid and invalid
ones): no answer is a server error, and each answer matches the response schema, status
code, content type and headers the document declares. The budget is fixed in ``make test``
and raised by ``ROBUSTNESS_EXAMPLES`` (docs/robustness.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from tests.robustness.server import ROOT, free_port, wait_until

LONG_RUN = "ROBUSTNESS_EXAMPLES" in os.environ
EXAMPLES = max(int(os.environ.get("ROBUSTNESS_EXAMPLES", "25")) // 5, 1) if LONG_RUN else 25


@pytest.fixture(scope="module")
def demo_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    data = tmp_path_factory.mktemp("demo-data")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (data / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "examples.demo.app:app", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT,
        env={**os.environ, "DEMO_DATA_DIR": str(data), "DEMO_SELF_URL": url},
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def ready() -> bool:
        assert process.poll() is None, (data / "server.log").read_text()
        try:
            return httpx.get(url + "/openapi.json", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_until(ready, timeout=60)
        yield schemathesis.openapi.from_url(url + "/openapi.json")
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:  # tasks still fetching the odd URLs generated
            process.kill()
            process.wait(timeout=30)
        log.close()
        server_log = (data / "server.log").read_text()
        # Failing tasks (the flaky one, fetches of generated URLs) log theirs; requests none.
        assert "Exception in" not in server_log, server_log


def test_the_demo_answers_as_documented(demo_schema: schemathesis.BaseSchema) -> None:
    # One hypothesis run per operation (schemathesis' pytest plugin predates this pytest).
    tried = 0
    for result in demo_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=not LONG_RUN,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case: schemathesis.Case) -> None:
            nonlocal tried
            tried += 1
            case.call_and_validate(timeout=60)

        answers_as_documented()
    print(f"schemathesis: {tried} cases tried over the demo's operations, failures: 0")
    assert tried >= EXAMPLES
