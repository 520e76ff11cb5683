"""Run a compatibility scenario and reduce what it answered to comparable data.

A scenario is a Python file under ``scenarios/`` that builds ``app`` and lists ``CASES``.
The same file runs twice: once on the published FastAPI 0.116.1 (``record.py``, in a
throwaway virtualenv, to write ``expected/<name>.json``) and once on this package
(``test_compat.py``). Both runs go through this module, so they are reduced the same way.

A case is a dict with ``method`` and ``url`` and, optionally, the request keywords of
``httpx`` (``params``, ``headers``, ``json``, ``data``, ``files``, ``content``) and
``raise_server_exceptions`` (default False: a crash is recorded as the 500 it answers).
A case may also be ``{"websocket": url, "send": [...], "receive": n}`` to drive a socket
(receiving stops early at a close frame), with ``"close": [code, reason]`` to hang up from
the client side once the messages are exchanged.
"""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
import traceback
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SCENARIOS = HERE / "scenarios"
EXPECTED = HERE / "expected"
# Features FastAPI added after 0.116, recorded on the newest FastAPI from the registry.
NEWEST_SCENARIOS = HERE / "scenarios_newest"
NEWEST_EXPECTED = HERE / "expected_newest"

# Headers that vary from run to run and say nothing about the framework.
VOLATILE_HEADERS = {"date", "server"}


def scenario_names(folder: Path = SCENARIOS) -> list[str]:
    return sorted(p.stem for p in folder.glob("*.py") if not p.stem.startswith("_"))


def load(name: str, folder: Path = SCENARIOS) -> Any:
    path = folder / f"{name}.py"
    module_name = f"compat_scenario_{name}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _body(content: bytes) -> Any:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return {"base64": base64.b64encode(content).decode("ascii")}


def _exception(exc: BaseException) -> dict[str, str]:
    return {"type": type(exc).__name__, "message": str(exc)}


def _http_case(client: Any, case: dict[str, Any]) -> dict[str, Any]:
    kwargs = {k: v for k, v in case.items() if k not in ("method", "url", "name", "raise_server_exceptions")}
    try:
        response = client.request(case["method"], case["url"], **kwargs)
    except Exception as exc:
        return {"raises": _exception(exc)}
    headers = [[k, v] for k, v in response.headers.multi_items() if k.lower() not in VOLATILE_HEADERS]
    return {"status": response.status_code, "headers": headers, "body": _body(response.content)}


def _websocket_case(client: Any, case: dict[str, Any]) -> dict[str, Any]:
    received: list[Any] = []
    try:
        # a copy: the test client adds its handshake headers to the dict it is given
        options = {"headers": dict(case["headers"])} if case.get("headers") is not None else {}
        with client.websocket_connect(case["websocket"], **options) as ws:
            for message in case.get("send", []):
                if isinstance(message, bytes):
                    ws.send_bytes(message)
                elif isinstance(message, str):
                    ws.send_text(message)
                else:
                    ws.send_json(message)
            for _ in range(case.get("receive", 0)):
                msg = ws.receive()
                kind = msg.pop("type", None)
                received.append({k: _body(v) if isinstance(v, bytes) else v for k, v in msg.items()})
                if kind == "websocket.close":
                    break  # nothing follows a close: receiving more would block forever
            if "close" in case:  # the client hangs up: [code] or [code, reason]
                ws.close(*case["close"])
    except Exception as exc:
        detail = _exception(exc)
        for attr in ("code", "reason"):
            if hasattr(exc, attr):
                detail[attr] = getattr(exc, attr)
        return {"received": received, "raises": detail}
    return {"received": received}


def describe(case: dict[str, Any]) -> str:
    """A stable one-line label of a case, kept beside its answer for the reader."""
    if "name" in case:
        return str(case["name"])
    if "websocket" in case:
        return f"WS {case['websocket']}"
    extras = sorted(k for k in case if k not in ("method", "url"))
    return f"{case['method']} {case['url']}" + (f" +{','.join(extras)}" if extras else "")


def run(name: str, folder: Path = SCENARIOS) -> dict[str, Any]:
    """Import the scenario and run its cases, reducing each answer to plain data."""
    from fastapi.testclient import TestClient  # the implementation under test

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            module = load(name, folder)
    except Exception as exc:
        return {"import_error": _exception(exc)}

    app = module.app
    results: list[dict[str, Any]] = []
    client = TestClient(app, raise_server_exceptions=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with client:
            for case in module.CASES:
                # One client (one lifespan) for the whole scenario; only the crash mode varies.
                client._transport.raise_server_exceptions = bool(case.get("raise_server_exceptions"))
                try:
                    if "websocket" in case:
                        result = _websocket_case(client, case)
                    else:
                        result = _http_case(client, case)
                except Exception:  # the harness itself failed: keep the evidence
                    result = {"harness_error": traceback.format_exc(limit=3)}
                results.append({"request": describe(case), **result})
    outcome: dict[str, Any] = {"cases": results}
    if getattr(module, "OPENAPI", True) and getattr(app, "openapi_url", None):
        try:
            outcome["openapi"] = json.loads(json.dumps(app.openapi()))
        except Exception as exc:
            outcome["openapi"] = {"raises": _exception(exc)}
    return outcome
