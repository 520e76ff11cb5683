"""fastapi._core.analyse.reuse: a callable, or an equal declaration, is analysed once.

Each route still gets a Dependant of its own (its path, its name); what is shared is the
analysis of the parameters (their fields and adapters), and only what cannot differ.
"""

import gc
import inspect
from typing import Annotated, Any, Final, Optional, Union

import annotated_types
import pytest
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from fastapi import Body, Depends, FastAPI, Header, Path, Query
from fastapi._core.analyse import reuse
from fastapi._core.analyse.dependant import build_dependant, field_info_from_annotated
from fastapi._core.analyse.signature import EMPTY, declared_parameters


class Item(BaseModel):
    name: str


def token(x_token: Annotated[str | None, Header()] = None) -> str | None:
    return x_token


def first(key: str, limit: int = 10, item: Item | None = None) -> None: ...


def second(key: str, limit: int = 10, item: Item | None = None) -> None: ...


def positional_and_keywords(a, b: int = 1, /, c: str = "c", *rest: int, d: float, e=2, **more: Any):  # type: ignore[no-untyped-def]
    ...


def test_plain_functions_are_read_as_inspect_signature_reads_them() -> None:
    def bare():  # type: ignore[no-untyped-def]
        ...

    for function in (positional_and_keywords, first, token, bare, lambda x, y=3: None):
        expected = [
            (name, param.annotation, param.default)
            for name, param in inspect.signature(function).parameters.items()
        ]
        found = [(p.name, p.annotation, p.default) for p in declared_parameters(function)]
        assert found == expected
    assert declared_parameters(positional_and_keywords)[3] == ("rest", int, EMPTY, True)


def test_a_shared_dependency_is_analysed_once_but_each_route_has_its_own_dependant() -> None:
    def read_a(key: str, user: Annotated[str | None, Depends(token)]) -> None: ...

    def read_b(key: str, user: Annotated[str | None, Depends(token)]) -> None: ...

    one = build_dependant(path="/a/{key}", call=read_a).dependencies[0]
    other = build_dependant(path="/b/{key}", call=read_b).dependencies[0]
    assert one is not other
    assert (one.path, other.path) == ("/a/{key}", "/b/{key}")
    assert one.header_params[0] is other.header_params[0]  # the same field, analysed once
    assert one.header_params[0].alias == "x-token"


def test_equal_declarations_share_their_fields_and_different_ones_do_not() -> None:
    a = build_dependant(path="/a/{key}", call=first)
    b = build_dependant(path="/b/{key}", call=second)
    assert a.path_params[0] is b.path_params[0]
    assert a.query_params[0] is b.query_params[0]
    assert a.body_params[0] is b.body_params[0]

    def as_query(key: str) -> None: ...

    # ``key`` is a path parameter above, a query parameter here
    assert build_dependant(path="/c", call=as_query).query_params[0].alias == "key"

    def one(n: int = 1, u: Union[int, str] = 1) -> None: ...

    def true(n: int = True, u: Union[str, int] = 1) -> None: ...  # type: ignore[assignment]

    ones, trues = build_dependant(path="/", call=one), build_dependant(path="/", call=true)
    assert trues.query_params[0].default is True  # equal to 1, documented apart
    assert trues.query_params[1].type_ == Union[str, int]  # equal unions, listed apart
    assert ones.query_params[1].type_ == Union[int, str]
    assert repr(trues.query_params[1].type_) != repr(ones.query_params[1].type_)


def test_a_name_not_defined_yet_is_analysed_again_later() -> None:
    namespace: dict[str, Any] = {"Annotated": Annotated, "Query": Query}
    exec("def endpoint(q: 'Later' = None): ...", namespace)
    endpoint = namespace["endpoint"]
    assert declared_parameters(endpoint)[0].resolved is False

    namespace["Later"] = int
    assert declared_parameters(endpoint)[0].resolved is True
    assert build_dependant(path="/", call=endpoint).query_params[0].type_ is int


def test_a_declaration_error_is_raised_for_every_route() -> None:
    def broken(item_id: Annotated[int, Query()]) -> None: ...

    for path in ("/a/{item_id}", "/b/{item_id}"):
        with pytest.raises(AssertionError, match="Cannot use `Query` for path param 'item_id'"):
            build_dependant(path=path, call=broken)


@pytest.mark.parametrize(
    "annotation",
    [
        Annotated[int, Path(ge=1)],
        Annotated[str | None, Query(max_length=50, pattern="^a")],
        Annotated[Optional[list[int]], Query(min_length=1)],
        Annotated[float, Query(allow_inf_nan=False, strict=True, multiple_of=0.5)],
        Annotated[dict[str, int], Body(embed=True)],
        Annotated[Item, Body()],
        Annotated[int, annotated_types.Ge(3), Query(le=9)],  # more than the marker: Pydantic's
        Annotated[Annotated[int, annotated_types.Le(9)], Query(ge=1)],
        Annotated[Final[int], Query(ge=1)],  # type: ignore[misc]
    ],
)
def test_a_marker_in_annotated_merges_as_pydantic_merges(annotation: Any) -> None:
    marker = annotation.__metadata__[-1]
    merged = FieldInfo.from_annotation(annotation)
    info = field_info_from_annotated(marker, annotation)
    assert (info.annotation, info.metadata) == (merged.annotation, merged.metadata)
    assert type(info) is type(marker) and info is not marker


def test_analyses_leave_with_the_last_app_that_uses_them() -> None:
    def build() -> FastAPI:
        class Local(BaseModel):
            size: int

        app = FastAPI()

        @app.post("/items/{key}")
        def create(key: str, item: Local, user: Annotated[str | None, Depends(token)]) -> None: ...

        return app

    build()
    gc.collect()
    analyses, parameters = len(reuse._ANALYSES), len(reuse._PARAMETERS)
    apps = [build() for _ in range(20)]
    assert len(reuse._ANALYSES) >= analyses + 20  # one per endpoint while alive
    del apps
    gc.collect()
    assert len(reuse._ANALYSES) <= analyses + 1
    assert len(reuse._PARAMETERS) <= parameters + 3


def test_equal_markers_written_in_many_endpoints_share_one_analysis() -> None:
    def shared_dependency() -> int:
        return 1

    def make(ge: Any, default_limit: Any) -> Any:
        def endpoint(
            item_id: Annotated[int, Path(ge=ge)],
            q: Annotated[str | None, Query(max_length=50)] = None,
            who: Annotated[int, Depends(shared_dependency)] = 0,
            limit: int = Query(default_limit, le=100),
        ) -> None: ...

        return build_dependant(path="/items/{item_id}", call=endpoint)

    one, two = make(1, 10), make(1, 10)
    assert one.path_params[0] is two.path_params[0]
    assert one.query_params[0] is two.query_params[0]
    assert one.query_params[1] is two.query_params[1]
    assert one.dependencies[0] is not two.dependencies[0]  # each route its own Dependant
    assert one.dependencies[0].call is two.dependencies[0].call is shared_dependency
    # Equal values written apart are documented apart: not shared.
    as_float = make(1.0, 10.0)
    assert as_float.path_params[0] is not one.path_params[0]
    assert as_float.query_params[1] is not one.query_params[1]
    assert as_float.query_params[1].default == 10.0
    assert isinstance(as_float.query_params[1].default, float)


def test_a_constraint_written_as_a_float_is_documented_as_one() -> None:
    app = FastAPI()

    @app.get("/a")
    def a(x: Annotated[int, Query(ge=1)]) -> None: ...

    @app.get("/b")
    def b(x: Annotated[int, Query(ge=1.0)]) -> None: ...

    paths = app.openapi()["paths"]
    minimum = [paths[p]["get"]["parameters"][0]["schema"]["minimum"] for p in ("/a", "/b")]
    assert [(value, type(value)) for value in minimum] == [(1, int), (1.0, float)]


def test_every_kind_of_marker_has_a_key_telling_equal_ones_from_others() -> None:
    from fastapi import Cookie, Form, Security
    from fastapi._core.analyse.signature import Declared

    def dependency() -> None: ...

    def made() -> list[Any]:
        return [
            Annotated[int, Path(ge=1)],
            Annotated[str | None, Query(max_length=5, examples=["a"], json_schema_extra={"x": [1]})],
            Annotated[str, Header(convert_underscores=False)],
            Annotated[str, Cookie(alias="c")],
            Annotated[str, Form(min_length=2)],
            Annotated[int, Depends(dependency)],
            Annotated[int, Security(dependency, scopes=["read"])],
            Annotated[int, Depends(dependency, use_cache=False)],
        ]

    def key(annotation: Any) -> Any:
        return reuse._declaration_key(Declared("p", annotation, EMPTY), False)

    keys = [key(annotation) for annotation in made()]
    assert None not in keys
    assert keys == [key(annotation) for annotation in made()]
    assert len(set(keys)) == len(keys)
    written_apart = [
        Annotated[int, Path(ge=1.0)],
        Annotated[str | None, Query(max_length=5, examples=["a"], json_schema_extra={"x": [1.0]})],
        Annotated[int, Security(dependency, scopes=["write"])],
    ]
    assert not {key(annotation) for annotation in written_apart} & set(keys)
