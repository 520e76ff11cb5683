"""``FastAPI(...)``'s keywords (fastapi/applications.py): each is kept as its attribute, given
to ``app.router``, or used once; the OpenAPI document is made of the app's attributes; the
checks and the warning say what FastAPI 0.116.1 says (recorded from it as a black box)."""

import inspect
import logging

import pytest

from fastapi import APIRouter, FastAPI
from fastapi.applications import (
    _DOCUMENT_SETTINGS,
    _KEPT_AS_GIVEN,
    _ROUTER_SETTINGS,
)
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi

# What FastAPI's __init__ does with the rest, each in its own way.
_USED_ONCE = {
    "servers",
    "openapi_prefix",
    "root_path",
    "webhooks",
    "exception_handlers",
    "middleware",
    "tasks",
    "limits",
    "extra",
}


def _keywords(callable_: object) -> set[str]:
    return set(inspect.signature(callable_).parameters) - {"self"}  # type: ignore[arg-type]


def test_every_keyword_has_one_place() -> None:
    kept, to_router = set(_KEPT_AS_GIVEN), set(_ROUTER_SETTINGS)
    assert not kept & to_router and not (kept | to_router) & _USED_ONCE
    assert kept | to_router | _USED_ONCE == _keywords(FastAPI.__init__)


def test_the_router_gets_all_it_shares_with_the_app() -> None:
    assert set(_ROUTER_SETTINGS) == _keywords(FastAPI.__init__) & _keywords(APIRouter.__init__)


def test_kept_keywords_become_attributes_and_router_ones_configure_the_router() -> None:
    given = {
        "title": "T",
        "summary": "S",
        "version": "9",
        "docs_url": "/d",
        "security_401": True,
        "swagger_ui_parameters": {"a": 1},
    }
    app = FastAPI(**given, deprecated=True, redirect_slashes=False, custom="kept")
    for name, value in given.items():
        assert getattr(app, name) == value
    assert app.router.deprecated is True and app.router.redirect_slashes is False
    assert app.router.dependency_overrides_provider is app
    assert app.extra == {"custom": "kept"}


def test_the_document_is_made_of_the_apps_attributes() -> None:
    documented = set(inspect.signature(get_openapi).parameters) - {"routes", "webhooks"}
    assert set(_DOCUMENT_SETTINGS) == documented
    app = FastAPI(title="T", openapi_tags=[{"name": "t"}], servers=[{"url": "/s"}])
    app.summary = "set after construction"
    document = app.openapi()
    assert document["info"] == {
        "title": "T",
        "summary": "set after construction",
        "version": "0.1.0",
    }
    assert document["tags"] == [{"name": "t"}] and document["servers"] == [{"url": "/s"}]
    assert app.openapi() is document  # cached in app.openapi_schema


@pytest.mark.parametrize(
    ("keywords", "message"),
    [
        ({"title": ""}, "A title must be provided for OpenAPI, e.g.: 'My API'"),
        ({"version": ""}, "A version must be provided for OpenAPI, e.g.: '2.1.0'"),
    ],
)
def test_a_document_needs_a_title_and_a_version(keywords: dict, message: str) -> None:
    with pytest.raises(AssertionError) as raised:
        FastAPI(**keywords)
    assert str(raised.value) == message
    assert any("openapi_url=None" in note for note in getattr(raised.value, "__notes__", []))
    FastAPI(**keywords, openapi_url=None)  # no document served, nothing required


def test_openapi_prefix_is_warned_of_and_becomes_the_root_path(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="fastapi"):
        app = FastAPI(openapi_prefix="/api")
    assert app.root_path == "/api"
    assert [record.getMessage() for record in caplog.records] == [
        '"openapi_prefix" has been deprecated in favor of "root_path", which follows more '
        "closely the ASGI standard, is simpler, and more automatic. Check the docs at "
        "https://fastapi.tiangolo.com/advanced/sub-applications/"
    ]


def test_given_exception_handlers_come_first_and_fastapis_fill_in() -> None:
    def mine(request, error): ...

    app = FastAPI(exception_handlers={ValueError: mine, RequestValidationError: mine})
    handlers = list(app.exception_handlers)
    assert handlers[:2] == [ValueError, RequestValidationError]
    assert app.exception_handlers[RequestValidationError] is mine
    assert len(handlers) == 4  # HTTPException and WebSocketRequestValidationError added
