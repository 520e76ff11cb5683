"""Declarations newer FastAPI releases accept, and the opt-in answers of newer releases.

The answers themselves are compared with the newest FastAPI by the compat scenario
``scenarios_newest/newer_options_and_declarations.py``; this file covers what a scenario
cannot: the options' defaults (0.116 answers), ``type X = ...`` on Python 3.12+, and the
document's ``externalDocs``.
"""


import sys
import textwrap
from typing import Annotated

import pytest
from pydantic import BaseModel, Field
from typing_extensions import TypeAliasType

from fastapi import APIRouter, Depends, FastAPI, Response
from fastapi.responses import PlainTextResponse
from fastapi.security import APIKeyHeader, HTTPBearer
from fastapi.testclient import TestClient


class Item(BaseModel):
    name: str


def secured_app(**options) -> FastAPI:
    app = FastAPI(**options)

    @app.get("/bearer")
    def bearer(credentials=Depends(HTTPBearer())):
        return "ok"

    @app.get("/key")
    def key(value=Depends(APIKeyHeader(name="x-key"))):
        return value

    @app.post("/items")
    def create(item: Item):
        return item

    return app


def test_options_are_off_by_default_as_in_fastapi_0_116() -> None:
    client = TestClient(secured_app())
    assert client.get("/bearer").status_code == 403
    wrong = client.get("/bearer", headers={"Authorization": "Basic x"})
    assert (wrong.status_code, wrong.json()) == (403, {"detail": "Invalid authentication credentials"})
    assert client.get("/key").status_code == 403
    assert client.post("/items", content=b'{"name": "x"}').json() == {"name": "x"}


def test_security_401_answers_with_a_challenge() -> None:
    client = TestClient(secured_app(security_401=True))
    for path, challenge in (("/bearer", "Bearer"), ("/key", "APIKey")):
        answer = client.get(path)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == challenge
        assert answer.json() == {"detail": "Not authenticated"}
    assert client.get("/key", headers={"x-key": "k"}).json() == "k"


def test_strict_content_type_leaves_bodies_without_one_unparsed() -> None:
    client = TestClient(secured_app(strict_content_type=True))
    answer = client.post("/items", content=b'{"name": "x"}')
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["type"] == "model_attributes_type"
    assert client.post("/items", json={"name": "x"}).status_code == 200


def test_external_docs_in_the_document() -> None:
    docs = {"description": "Guide", "url": "https://example.com/guide"}
    document = TestClient(FastAPI(openapi_external_docs=docs)).get("/openapi.json").json()
    assert document["externalDocs"] == docs
    assert "externalDocs" not in FastAPI().openapi()


def test_type_aliases_response_dependencies_mounts_and_none() -> None:
    app = FastAPI()
    Positive = TypeAliasType("Positive", Annotated[int, Field(gt=0)])
    Items = TypeAliasType("Items", list[Item])

    @app.post("/count/{factor}")
    def count(factor: Positive, items: Items) -> Positive:
        return factor * len(items)

    def text() -> Response:
        return PlainTextResponse("made")

    @app.get("/made")
    def made(response: Annotated[Response, Depends(text)]) -> None:
        assert response.body == b"made"

    router = APIRouter()
    router.mount("/static", PlainTextResponse("mounted"))
    app.include_router(router, prefix="/inc")
    client = TestClient(app)
    assert client.post("/count/2", json=[{"name": "a"}, {"name": "b"}]).json() == 4
    assert client.post("/count/0", json=[]).json()["detail"][0]["loc"] == ["path", "factor"]
    assert client.post("/count/1", json=[{}]).json()["detail"][0]["loc"] == ["body", 0, "name"]
    assert client.get("/made").content == b"null"
    assert client.get("/inc/static/file.txt").text == "mounted"


@pytest.mark.skipif(sys.version_info < (3, 12), reason="`type X = ...` is Python 3.12 syntax")
def test_pep_695_type_statement() -> None:
    namespace: dict = {}
    source = """
        from typing import Annotated
        from pydantic import BaseModel, Field
        type Positive = Annotated[int, Field(gt=0)]
        type Names = list[str]
    """
    exec(textwrap.dedent(source), namespace)
    app = FastAPI()
    positive, names_alias = namespace["Positive"], namespace["Names"]

    @app.post("/names/{n}")
    def names(n: positive, body: names_alias) -> names_alias:
        return body * n

    client = TestClient(app)
    assert client.post("/names/2", json=["a"]).json() == ["a", "a"]
    assert client.post("/names/0", json=["a"]).status_code == 422
