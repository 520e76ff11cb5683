"""Record what the published FastAPI 0.116.1 answers for each scenario.

Run with the oracle's interpreter, never with this package importable::

    python3 -m venv /tmp/oracle && /tmp/oracle/bin/pip install "fastapi[standard]==0.116.1"
    /tmp/oracle/bin/python tests/compat/record.py [scenario ...]

It writes ``expected/<scenario>.json``. The oracle is a black box: only its answers are kept.

``--newest`` records ``scenarios_newest/`` (features FastAPI added after 0.116) into
``expected_newest/``, with the newest FastAPI from the registry in its own virtualenv::

    python3 -m venv /tmp/oracle-new && /tmp/oracle-new/bin/pip install "fastapi[standard]"
    cd tests/compat && /tmp/oracle-new/bin/python record.py --newest [scenario ...]
"""

from __future__ import annotations

import json
import sys

import harness


def render(outcome: dict) -> str:
    """One line per case (easy to diff), the OpenAPI document indented."""
    parts = []
    for key, value in outcome.items():
        if key == "cases":
            lines = ",\n".join("  " + json.dumps(c, ensure_ascii=False) for c in value)
            parts.append(f'"cases": [\n{lines}\n ]')
        else:
            parts.append(f"{json.dumps(key)}: " + json.dumps(value, indent=1, ensure_ascii=False))
    return "{\n " + ",\n ".join(parts) + "\n}\n"


def main(names: list[str]) -> None:
    import fastapi

    if fastapi.__file__ and "site-packages" not in fastapi.__file__:
        raise SystemExit(f"refusing to record with a local fastapi ({fastapi.__file__})")
    newest = "--newest" in names
    names = [name for name in names if name != "--newest"]
    scenarios, expected = harness.SCENARIOS, harness.EXPECTED
    if newest:
        scenarios, expected = harness.NEWEST_SCENARIOS, harness.NEWEST_EXPECTED
        if fastapi.__version__ == "0.116.1":
            raise SystemExit("--newest records on the newest FastAPI, not on 0.116.1")
    elif fastapi.__version__ != "0.116.1":
        raise SystemExit(f"scenarios/ are recorded on FastAPI 0.116.1, not {fastapi.__version__}")
    for name in names or harness.scenario_names(scenarios):
        outcome = harness.run(name, scenarios)
        outcome["recorded_with"] = {"fastapi": fastapi.__version__}
        path = expected / f"{name}.json"
        path.write_text(render(outcome))
        cases = outcome.get("cases", [])
        print(f"{name}: {len(cases)} cases" + (" (import error)" if "import_error" in outcome else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
