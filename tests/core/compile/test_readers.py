"""fastapi._core.compile.readers: one source's parameters read and validated, FastAPI's errors."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict
from starlette.datastructures import Headers, QueryParams

from fastapi import Header, Query
from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.compile.readers import param_readers

calls: list[int] = []


def counted(value: str) -> str:
    calls.append(1)
    return value


class Filters(BaseModel):
    model_config = ConfigDict(extra="forbid")
    limit: int = 10
    tags: list[str] = []


class Tracing(BaseModel):
    trace_id: str
    sampled: bool = False


def read_all(readers: list[Any], source: Any) -> tuple[dict[str, Any], list[Any]]:
    values: dict[str, Any] = {}
    errors: list[Any] = []
    for reader in readers:
        value, found = reader.read(source)
        if found:
            errors.extend(found)
        else:
            values[reader.name] = value
    return values, errors


def query_readers(call: Any) -> list[Any]:
    return param_readers(build_dependant(path="/", call=call).query_params, "query")


def test_values_are_validated_and_lists_read_every_occurrence() -> None:
    def endpoint(
        n: int, tags: Annotated[list[str], Query()] = [], q: str | None = None
    ) -> None: ...

    values, errors = read_all(query_readers(endpoint), QueryParams("n=3&tags=a&tags=b"))
    assert errors == [] and values == {"n": 3, "tags": ["a", "b"], "q": None}


def test_errors_are_located_by_source_and_alias() -> None:
    def endpoint(n: int, size: Annotated[int, Query(alias="page-size", le=50)] = 10) -> None: ...

    values, errors = read_all(query_readers(endpoint), QueryParams("page-size=99"))
    assert [(e["type"], e["loc"]) for e in errors] == [
        ("missing", ("query", "n")),
        ("less_than_equal", ("query", "page-size")),
    ]
    assert errors[0] == {
        "type": "missing",
        "loc": ("query", "n"),
        "msg": "Field required",
        "input": None,
    }


def test_defaults_are_validated_when_the_value_is_missing() -> None:
    def endpoint(n: Annotated[int, Query()] = "7", bad: Annotated[int, Query()] = "x") -> None: ...  # type: ignore[assignment]

    values, errors = read_all(query_readers(endpoint), QueryParams(""))
    assert values == {"n": 7}
    assert [(e["type"], e["loc"]) for e in errors] == [("int_parsing", ("query", "bad"))]


def test_mutable_defaults_are_fresh_per_request() -> None:
    def endpoint(tags: Annotated[list[str], Query()] = ["a"]) -> None: ...

    readers = query_readers(endpoint)
    first, _ = read_all(readers, QueryParams(""))
    first["tags"].append("changed")
    second, _ = read_all(readers, QueryParams(""))
    assert second == {"tags": ["a"]}


def test_a_default_with_the_apps_own_validator_is_validated_every_time() -> None:
    calls.clear()

    def endpoint(stamp: Annotated[str, AfterValidator(counted), Query()] = "now") -> None: ...

    readers = query_readers(endpoint)
    assert read_all(readers, QueryParams("")) == ({"stamp": "now"}, [])
    read_all(readers, QueryParams(""))
    assert len(calls) == 2  # once per request, as FastAPI (a default "now" may mean the time)


def test_a_model_of_query_parameters_collects_them_by_alias_and_passes_extras() -> None:
    def endpoint(filters: Annotated[Filters, Query()]) -> None: ...

    readers = query_readers(endpoint)
    values, errors = read_all(readers, QueryParams("limit=5&tags=a&tags=b"))
    assert errors == [] and values == {"filters": Filters(limit=5, tags=["a", "b"])}
    _, errors = read_all(readers, QueryParams("other=1"))
    assert [(e["type"], e["loc"]) for e in errors] == [("extra_forbidden", ("query", "other"))]


def test_header_parameters_read_converted_names() -> None:
    def single(
        x_token: Annotated[str, Header()], when: Annotated[dt.date | None, Header()] = None
    ) -> None: ...

    def grouped(tracing: Annotated[Tracing, Header()]) -> None: ...

    headers = Headers({"x-token": "t", "trace-id": "abc", "when": "2020-01-02"})
    single_readers = param_readers(build_dependant(path="/", call=single).header_params, "header")
    assert read_all(single_readers, headers) == ({"x_token": "t", "when": dt.date(2020, 1, 2)}, [])
    group_readers = param_readers(build_dependant(path="/", call=grouped).header_params, "header")
    values, errors = read_all(group_readers, headers)
    assert errors == [] and values["tracing"].trace_id == "abc"


def test_validation_calls_the_core_validator_unless_only_the_adapter_can() -> None:
    from pydantic import TypeAdapter

    from fastapi._core.compile.readers import core_validate_python

    built = TypeAdapter(list[int])
    validate = core_validate_python(built)
    assert validate is not built.validate_python and validate(["1"], from_attributes=True) == [1]

    class Later(BaseModel):
        model_config = ConfigDict(defer_build=True)
        value: Undefined  # type: ignore[name-defined]  # noqa: F821 - never defined

    deferred = TypeAdapter(Later, config=None)
    assert core_validate_python(deferred) == deferred.validate_python  # built (or failing) later
