"""The one credential-reading mechanism of every scheme (fastapi/security/credentials.py):
the built-in schemes answer as the published FastAPI releases did, recorded by
``scheme_answers.py``, and a scheme of one's own gets the same rules."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Optional

import pytest
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request

from fastapi import Depends, FastAPI
from fastapi.exceptions import HTTPException
from fastapi.security.credentials import (
    INVALID_CREDENTIALS,
    NOT_AUTHENTICATED,
    CredentialScheme,
    Refusal,
    Unusable,
    answers_401,
)
from fastapi.testclient import TestClient

from .scheme_answers import answers

DATA = Path(__file__).parent / "data"


def recorded(release: str) -> dict[str, list[Any]]:
    return json.loads((DATA / f"scheme_answers-{release}.json").read_text())


def test_the_schemes_answer_as_fastapi_0_116_1() -> None:
    expected = recorded("0.116.1")
    actual = answers()
    assert actual.keys() == expected.keys()
    differing = [key for key in expected if actual[key] != expected[key]]
    assert not differing, [(key, expected[key], actual[key]) for key in differing[:5]]


def test_security_401_answers_as_the_newest_fastapi() -> None:
    expected = recorded("0.165.0")
    actual = answers(security_401=True)
    # Newer FastAPI strips the credentials after the scheme ("BEARER  tok" gives "tok");
    # only the answers to failures are opted into, a 0.116 app keeps its credentials.
    kept = {key for key in expected if key.endswith(" bearer-two-spaces")}
    differing = [key for key in expected if key not in kept and actual[key] != expected[key]]
    assert not differing, [(key, expected[key], actual[key]) for key in differing[:5]]
    assert actual["bearer auto_error=True bearer-two-spaces"][1].endswith("credentials=' tok')")


# -- the mechanism, through a scheme of its own ----------------------------------------------


class TicketScheme(CredentialScheme[int]):
    """A ticket number in ``X-Ticket``: not a number is unusable, a negative one final."""

    def __init__(self, *, auto_error: bool = True) -> None:
        self._declare(model={"type": "apiKey"}, scheme_name=None, auto_error=auto_error)

    def locate(self, request: Request) -> Optional[str]:
        return request.headers.get("x-ticket")

    def parse(self, raw: str) -> int:
        if raw.startswith("-"):
            raise Unusable("Cancelled ticket", final=True)
        if not raw.isdigit():
            raise Unusable()
        return int(raw)

    def refusal(self) -> Refusal:
        return Refusal("Ticket", exception=HTTPException)

    async def __call__(self, request: Request) -> Optional[int]:
        return self.read(request)


def ticket_request(value: str | None, *, app: Any = None) -> Request:
    headers = [] if value is None else [(b"x-ticket", value.encode())]
    scope: dict[str, Any] = {"type": "http", "method": "GET", "path": "/", "headers": headers}
    if app is not None:
        scope["app"] = app
    return Request(scope)


def refusal_of(scheme: TicketScheme, request: Request) -> StarletteHTTPException:
    with pytest.raises(StarletteHTTPException) as info:
        asyncio.run(scheme(request))
    return info.value


def test_declare_sets_what_every_scheme_has() -> None:
    scheme = TicketScheme()
    assert vars(scheme) == {"model": {"type": "apiKey"}, "scheme_name": "TicketScheme", "auto_error": True}


@pytest.mark.parametrize(
    ("value", "detail"),
    [(None, NOT_AUTHENTICATED), ("", NOT_AUTHENTICATED), ("abc", INVALID_CREDENTIALS), ("-1", "Cancelled ticket")],
)
def test_a_refusal_is_a_403_without_a_challenge(value: str | None, detail: str) -> None:
    error = refusal_of(TicketScheme(), ticket_request(value))
    assert type(error) is HTTPException
    assert (error.status_code, error.detail, error.headers) == (403, detail, None)
    assert error.__context__ is None  # the parser's Unusable does not ride along


def test_without_auto_error_only_final_failures_are_refused() -> None:
    optional = TicketScheme(auto_error=False)
    assert asyncio.run(optional(ticket_request("12"))) == 12
    assert asyncio.run(optional(ticket_request(None))) is None
    assert asyncio.run(optional(ticket_request("abc"))) is None
    assert refusal_of(optional, ticket_request("-1")).detail == "Cancelled ticket"


def test_a_challenged_refusal_is_a_401_naming_the_scheme() -> None:
    refusal = Refusal('Basic realm="x"', challenged=True)
    error = refusal.answer(INVALID_CREDENTIALS, None)
    assert type(error) is StarletteHTTPException
    assert (error.status_code, error.detail) == (401, INVALID_CREDENTIALS)
    assert error.headers == {"WWW-Authenticate": 'Basic realm="x"'}


def test_security_401_apps_get_one_answer_for_every_failure() -> None:
    class App:
        security_401 = True

    request = ticket_request("abc", app=App())
    assert answers_401(request) and not answers_401(ticket_request("abc")) and not answers_401(None)
    error = refusal_of(TicketScheme(), request)
    assert (error.status_code, error.detail) == (401, NOT_AUTHENTICATED)
    assert error.headers == {"WWW-Authenticate": "Ticket"}


def test_a_scheme_of_ones_own_in_an_app() -> None:
    for security_401, status in ((False, 403), (True, 401)):
        app = FastAPI(security_401=security_401)
        tickets = TicketScheme()

        @app.get("/ride")
        def ride(ticket: int = Depends(tickets)) -> dict[str, int]:
            return {"ticket": ticket}

        client = TestClient(app)
        assert client.get("/ride", headers={"x-ticket": "7"}).json() == {"ticket": 7}
        refused = client.get("/ride", headers={"x-ticket": "seven"})
        assert refused.status_code == status
        assert refused.json() == {"detail": NOT_AUTHENTICATED if security_401 else INVALID_CREDENTIALS}
