"""fastapi._core.params: the parameter markers, and what each one carries."""

from __future__ import annotations

import warnings

import pytest
from pydantic.fields import FieldInfo

from fastapi._core import params


@pytest.mark.parametrize(
    "marker", [params.Query, params.Header, params.Cookie, params.Body, params.Form, params.File]
)
def test_deprecated_spellings_warn_at_the_users_line(marker: type[FieldInfo]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        made = marker(regex="^a$", example=1)  # the line the warnings point to
    assert [str(w.message) for w in caught] == [
        "`regex` has been deprecated, please use `pattern` instead",
        "`example` has been deprecated, please use `examples` instead",
    ]
    assert {(w.filename, w.category) for w in caught} == {(__file__, DeprecationWarning)}
    assert made.metadata[0].pattern == "^a$"
    assert made.example == 1  # type: ignore[attr-defined]


def test_unknown_keywords_go_to_the_json_schema_unless_it_is_given() -> None:
    assert params.Query(x_custom=1).json_schema_extra == {"x_custom": 1}
    assert params.Query().json_schema_extra == {}
    given = {"given": True}
    assert params.Body(x_custom=1, json_schema_extra=given).json_schema_extra == given


def test_options_left_unset_are_not_passed_to_pydantic() -> None:
    query = params.Query(None, title=None, max_digits=None)
    assert query.title is None and query.default is None
    assert query.metadata == []  # no constraint built from an option not given


def test_value_markers_carry_their_openapi_only_options() -> None:
    body = params.Body(embed=True, include_in_schema=False, openapi_examples={"a": {}})
    assert (body.embed, body.media_type, body.include_in_schema) == (
        True,
        "application/json",
        False,
    )
    assert body.openapi_examples == {"a": {}}
    assert params.File().media_type == "multipart/form-data"
    assert params.Form().media_type == "application/x-www-form-urlencoded"
    assert params.Header().convert_underscores is True
    assert repr(params.Query(3)) == "Query(3)"
    assert repr(params.Form()) == "Form(PydanticUndefined)"


def test_path_markers_take_no_default() -> None:
    with pytest.raises(AssertionError, match="Path parameters cannot have a default value"):
        params.Path(3)


def test_depends_checks_its_scope_and_security_keeps_its_scopes() -> None:
    with pytest.raises(ValueError, match="scope"):
        params.Depends(scope="session")  # type: ignore[arg-type]
    security = params.Security(len, scopes=["read"], use_cache=False)
    assert (security.scopes, security.use_cache) == (["read"], False)
    assert repr(security) == "Security(len, use_cache=False)"
    assert params.header_name("x_trace_id") == "x-trace-id"
