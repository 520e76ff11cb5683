"""Record the published FastAPI 0.116.1's answer for each OpenAPI case.

Run with the oracle's interpreter, never with this package importable::

    /tmp/oracle/bin/python tests/openapi_documents/record.py [case ...]
"""

from __future__ import annotations

import json
import sys

import runner


def main(names: list[str]) -> None:
    import fastapi

    if fastapi.__file__ and "site-packages" not in fastapi.__file__:
        raise SystemExit(f"refusing to record with a local fastapi ({fastapi.__file__})")
    for name in names or runner.case_names():
        data = runner.produce(name)
        (runner.EXPECTED / f"{name}.json").write_text(
            json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        )
        print(name, "error" if isinstance(data, dict) and "error" in data else "ok")


if __name__ == "__main__":
    main(sys.argv[1:])
