"""APIRoute and APIWebSocketRoute (fastapi/_api_route.py): the endpoint analysed once, by one
function for both kinds, and the response fields compiled from the declared responses."""

import sys
from collections.abc import Iterator
from typing import Annotated

import pytest
from pydantic import BaseModel

from fastapi import APIRouter, Depends, Query, WebSocket
from fastapi.routing import APIRoute, APIWebSocketRoute

needs_notes = pytest.mark.skipif(sys.version_info < (3, 11), reason="exception notes: 3.11+")


class Item(BaseModel):
    name: str


def test_both_kinds_analyse_route_dependencies_before_the_endpoints() -> None:
    def level() -> None: ...

    def endpoint(q: int, websocket: WebSocket) -> None: ...

    for route_class in (APIRoute, APIWebSocketRoute):
        route = route_class("/x/{p}", endpoint, dependencies=[Depends(level)])
        assert route.dependant.dependencies[0].call is level
        assert [param.name for param in route._flat_dependant.query_params] == ["q"]
        assert route._embed_body_fields is False


def test_names_are_declared_or_the_endpoints() -> None:
    async def chat(websocket: WebSocket) -> None: ...

    assert APIWebSocketRoute("/ws", chat).name == "chat"
    assert APIWebSocketRoute("/ws", chat, name="talk").name == "talk"
    assert APIRoute("/r", chat, name="named").name == "named"


@needs_notes
def test_a_websocket_declaration_error_names_the_route() -> None:
    router = APIRouter()
    with pytest.raises(AssertionError) as caught:

        @router.websocket("/ws/{room}")
        async def chat(websocket: WebSocket, room: Annotated[str, Query()]) -> None: ...

    assert str(caught.value) == "Cannot use `Query` for path param 'room'"  # FastAPI's
    assert caught.value.__notes__[-1].startswith("while declaring websocket route '/ws/{room}'")


def test_response_fields_per_declared_model() -> None:
    route = APIRoute(
        "/items",
        lambda: None,
        response_model=Item,
        responses={404: {"model": Item}, 500: {"description": "no model"}},
    )
    assert route.response_field is route.secure_cloned_response_field
    assert route.response_field.name == "Response_" + route.unique_id
    assert list(route.response_fields) == [404]
    assert route.response_fields[404].name == f"Response_404_{route.unique_id}"
    assert route.stream_item_field is None


def test_a_yielding_endpoint_has_an_item_field_and_no_response_model() -> None:
    def items() -> Iterator[Item]:
        yield Item(name="a")

    route = APIRoute("/items", items)
    assert route.response_field is None
    assert route.stream_item_field is not None
    assert route.stream_item_field.name == "StreamItem_" + route.unique_id


@pytest.mark.parametrize(
    ("responses", "message"),
    [
        ({404: "not a dict"}, "An additional response must be a dict"),
        ({204: {"model": Item}}, "Status code 204 must not have a response body"),
    ],
)
def test_additional_response_errors_are_fastapis(responses: dict, message: str) -> None:
    with pytest.raises(AssertionError) as caught:
        APIRoute("/items", lambda: None, responses=responses)
    assert str(caught.value) == message
