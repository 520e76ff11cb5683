"""A missing parameter's default is validated like a received value (FastAPI's rule). Done once
when the route is built if nothing can tell; per request when the app's own validators run."""

from __future__ import annotations

import datetime
import itertools
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, TypeAdapter, model_validator

from fastapi import FastAPI, Form, Header, Query
from fastapi._core.compile.readers import runs_user_code
from fastapi.testclient import TestClient

counter = itertools.count(1)


def now_if_asked(value: Any) -> Any:
    return datetime.datetime.now(datetime.timezone.utc) if value == "now" else value


def numbered(value: str) -> str:
    return f"{value}-{next(counter)}"


class Window(BaseModel):
    size: int = 1

    @model_validator(mode="after")
    def stamp(self) -> Window:
        self.size += 1
        return self


app = FastAPI()


@app.get("/since")
def since(
    since: Annotated[datetime.datetime, Query(), BeforeValidator(now_if_asked)] = "now",  # type: ignore[assignment]
    tag: Annotated[str, Header(), AfterValidator(numbered)] = "h",
    limit: Annotated[int, Query(ge=1)] = 10,
) -> dict[str, Any]:
    return {"since": since, "tag": tag, "limit": limit}


@app.post("/form")
def form(name: Annotated[str, Form(), AfterValidator(numbered)] = "f") -> str:
    return name


client = TestClient(app)


def test_defaults_run_the_apps_validators_on_every_request() -> None:
    first, second = client.get("/since").json(), client.get("/since").json()
    assert first["since"] != second["since"]
    assert first["tag"] != second["tag"]
    assert first["limit"] == second["limit"] == 10
    assert client.post("/form").json() != client.post("/form").json()


def test_only_schemas_with_the_apps_code_are_validated_per_request() -> None:
    def schema(annotation: Any) -> Any:
        return TypeAdapter(annotation).core_schema

    assert not runs_user_code(schema(int))
    assert not runs_user_code(schema(Annotated[int, Query(ge=1)]))
    assert not runs_user_code(schema(BaseModel))
    assert not runs_user_code(schema(list[datetime.datetime]))
    assert runs_user_code(schema(Annotated[str, AfterValidator(numbered)]))
    assert runs_user_code(schema(Window))
    assert runs_user_code(schema(list[Window]))
