"""fastapi._core.compile.paths: a route path's template and convertors, checked at declaration."""

from __future__ import annotations

import pytest
from starlette.convertors import FloatConvertor, IntegerConvertor, PathConvertor, StringConvertor
from starlette.routing import compile_path

from fastapi._core.compile.paths import path_template


@pytest.mark.parametrize(
    "path",
    ["/", "/users/{id}", "/users/{id:int}/files/{p:path}", "/a{x}b/{y:float}", "/static/x.txt"],
)
def test_template_and_convertors_are_starlette_s(path: str) -> None:
    _, starlette_format, starlette_convertors = compile_path(path)
    path_format, convertors = path_template(path)
    assert path_format == starlette_format
    assert {name: type(c) for name, c in convertors.items()} == {
        name: type(c) for name, c in starlette_convertors.items()
    }


def test_convertor_kinds() -> None:
    _, convertors = path_template("/{a}/{b:int}/{c:float}/{d:path}")
    kinds = [type(convertors[name]) for name in "abcd"]
    assert kinds == [StringConvertor, IntegerConvertor, FloatConvertor, PathConvertor]


def test_an_unknown_convertor_says_which_exist() -> None:
    with pytest.raises(AssertionError, match="Unknown path convertor 'uuid4'") as raised:
        path_template("/{id:uuid4}")
    assert any("int" in note for note in getattr(raised.value, "__notes__", ["int"]))


@pytest.mark.parametrize(
    "path, message",
    [
        ("/{id}/{id}", "Duplicated param name id at path /{id}/{id}"),
        ("/{a}/{b}/{a}/{b}", "Duplicated param names a, b at path /{a}/{b}/{a}/{b}"),
    ],
)
def test_duplicated_names_fail_as_in_starlette(path: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        path_template(path)
    with pytest.raises(ValueError, match=message):
        compile_path(path)
