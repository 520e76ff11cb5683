"""Record what FastAPI 0.116.1 answers for each extension scenario (a black box).

Run with an interpreter that has ``fastapi[standard]==0.116.1``, ``starlette==0.47.3`` and
the extensions at the versions of ``requirements-dev.txt``, never this package::

    python3 -m venv /tmp/oracle-ext && /tmp/oracle-ext/bin/pip install \\
        "fastapi[standard]==0.116.1" starlette==0.47.3 fastapi-pagination==... fastapi-jsonrpc==...
    cd tests/extensions && /tmp/oracle-ext/bin/python record.py [scenario ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "compat"))

import harness  # noqa: E402
from record import render  # noqa: E402

SCENARIOS = HERE / "scenarios"


def main(names: list[str]) -> None:
    import fastapi

    if "site-packages" not in (fastapi.__file__ or ""):
        raise SystemExit(f"refusing to record with a local fastapi ({fastapi.__file__})")
    for name in names or sorted(p.stem for p in SCENARIOS.glob("*.py")):
        outcome = harness.run(name, SCENARIOS)
        outcome["recorded_with"] = {"fastapi": fastapi.__version__}
        (HERE / "expected" / f"{name}.json").write_text(render(outcome))
        print(f"{name}: {len(outcome.get('cases', []))} cases")


if __name__ == "__main__":
    main(sys.argv[1:])
