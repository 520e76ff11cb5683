"""The smaller helpers extensions import from FastAPI's modules answer as FastAPI's do.

Each expected value below is what FastAPI 0.116.1 answered for the same call (run as a
black box); the helpers themselves are built on this package's own readers and analysis.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
import inspect
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Annotated, Any, Optional, Union

import pytest
from pydantic import BaseModel, Field
from starlette.datastructures import FormData, QueryParams

from fastapi import BackgroundTasks, Form, Query, Request
from fastapi import _compat as compat
from fastapi.dependencies import utils
from fastapi.dependencies.models import Dependant
from fastapi.routing import _prepare_response_content


class A(BaseModel):
    x: int = 1
    y: Optional[str] = None


class B(BaseModel):
    z: int


class Aliased(BaseModel):
    x: int = Field(1, alias="X")
    t: datetime.date = datetime.date(2020, 1, 1)


@dataclasses.dataclass
class D:
    a: Aliased


def _params(call: Any) -> Dependant:
    return utils.get_dependant(path="/", call=call)


def test_annotation_class_checks() -> None:
    for annotation in (list, tuple, set, frozenset):
        assert compat._annotation_is_sequence(annotation)
        assert compat._annotation_is_complex(annotation)
    for annotation in (str, bytes, int, list[int], Optional[list[int]]):
        assert not compat._annotation_is_sequence(annotation)
    for annotation in (A, dict, D, compat.UploadFile):
        assert compat._annotation_is_complex(annotation)
    for annotation in (int, str, bytes, list[int], dict[str, int], Optional[A]):
        assert not compat._annotation_is_complex(annotation)


def test_union_of_models() -> None:
    assert utils.is_union_of_base_models(Union[A, B])
    for annotation in (A, Union[A, None], Union[A, int], Optional[Union[A, B]]):
        assert not utils.is_union_of_base_models(annotation)


def test_flat_fields_and_multidict_values() -> None:
    def mixed(q: int, m: Annotated[A, Query()]) -> None: ...

    def model_only(m: Annotated[A, Query()]) -> None: ...

    def lists(lst: Annotated[list[int], Query()] = [], s: str = "a") -> None: ...

    assert [f.name for f in utils._get_flat_fields_from_params(_params(mixed).query_params)] == [
        "q",
        "m",
    ]
    flat = utils._get_flat_fields_from_params(_params(model_only).query_params)
    assert [f.name for f in flat] == ["x", "y"]
    assert utils._get_flat_fields_from_params(_params(model_only).query_params) is flat
    lst, s = _params(lists).query_params
    query = QueryParams("lst=1&lst=2&s=x&s=y")
    assert utils._get_multidict_value(lst, query) == ["1", "2"]
    assert utils._get_multidict_value(s, query) == "y"
    assert utils._get_multidict_value(s, QueryParams("")) == "a"
    assert utils._get_multidict_value(s, QueryParams("s=")) == ""
    assert utils._get_multidict_value(s, {"s": "v"}, alias="s") == "v"


def test_form_values_and_validation() -> None:
    def form(a: str = Form(), b: list[int] = Form([]), d: Optional[str] = Form(None)) -> None: ...

    a, b, d = _params(form).body_params
    assert utils._get_multidict_value(a, FormData([("a", "")])) is None
    assert utils._get_multidict_value(d, FormData([("d", "")])) is None
    assert utils._get_multidict_value(b, FormData([])) == []
    assert utils._get_multidict_value(b, {"b": ["1"]}) == ["1"]
    extract = utils._extract_form_body
    body = FormData([("a", "1"), ("b", "2"), ("b", "3"), ("c", "9")])
    assert asyncio.run(extract([a, b, d], body)) == {"a": "1", "b": ["2", "3"], "c": "9"}
    assert asyncio.run(extract([a, b, d], FormData([("a", "")]))) == {"b": [], "a": ""}
    assert asyncio.run(extract([a, b, d], FormData([]))) == {"b": []}

    validate = utils._validate_value_with_model_field
    assert validate(field=b, value=["1"], values={}, loc=("body", "b")) == ([1], [])
    assert validate(field=d, value=None, values={}, loc=("body", "d")) == (None, [])
    assert validate(field=a, value=None, values={}, loc=("body", "a")) == (
        None,
        [{"type": "missing", "loc": ("body", "a"), "msg": "Field required", "input": None}],
    )
    value, errors = validate(field=b, value=["1", "x"], values={}, loc=("body", "b"))
    assert value is None
    assert errors == [
        {
            "type": "int_parsing",
            "loc": ("body", "b", 1),
            "msg": "Input should be a valid integer, unable to parse string as an integer",
            "input": "x",
        }
    ]


def test_dependant_building_helpers() -> None:
    def endpoint(q: int) -> None: ...

    dependant = Dependant()
    add = utils.add_non_field_param_to_dependency
    assert add(param_name="r", type_annotation=Request, dependant=dependant) is True
    assert add(param_name="t", type_annotation=BackgroundTasks, dependant=dependant) is True
    assert add(param_name="x", type_annotation=int, dependant=dependant) is None
    assert (dependant.request_param_name, dependant.background_tasks_param_name) == ("r", "t")
    field = _params(endpoint).query_params[0]
    assert utils.add_param_to_fields(field=field, dependant=dependant) is None
    assert dependant.query_params == [field]
    details = utils.analyze_param(
        param_name="q", annotation=int, value=inspect.Parameter.empty, is_path_param=False
    )
    assert isinstance(details, utils.ParamDetails)
    assert (details.type_annotation, details.depends, details.field.name) == (int, None, "q")
    assert utils._should_embed_body_fields([]) is False


def test_prepare_response_content() -> None:
    prepare = _prepare_response_content
    assert prepare(Aliased(X=3), exclude_unset=False) == {"X": 3, "t": "2020-01-01"}
    assert prepare(Aliased(X=3), exclude_unset=True, exclude_defaults=True) == {"X": 3}
    assert prepare([A(x=2)], exclude_unset=False) == [{"x": 2, "y": None}]
    assert prepare({"k": A()}, exclude_unset=False, exclude_none=True) == {"k": {"x": 1}}
    assert prepare((A(),), exclude_unset=False) == ({"x": 1, "y": None},)
    assert prepare(D(Aliased()), exclude_unset=False) == {"a": Aliased()}
    assert prepare("s", exclude_unset=False) == "s"


def test_cached_model_fields_are_the_same_objects_uncached_are_new() -> None:
    cached = compat.get_cached_model_fields(A)
    assert compat.get_cached_model_fields(A) is cached
    assert [f.name for f in cached] == ["x", "y"]
    fresh = compat.get_model_fields(A)
    assert fresh is not compat.get_model_fields(A)
    assert fresh[0] is not compat.get_model_fields(A)[0]
    assert [f.name for f in fresh] == ["x", "y"]


# -- python-multipart missing, or the unrelated ``multipart`` package in its place -----------

_DECLARE_FORMS = """
import logging, sys
sys.modules["python_multipart"] = None  # python-multipart is not installed
logging.basicConfig(format="LOG %(name)s %(levelname)s", level=logging.ERROR)
from typing import Annotated
from pydantic import BaseModel
from fastapi import FastAPI, File, Form, UploadFile
from fastapi.dependencies.utils import ensure_multipart_is_installed

class Model(BaseModel):
    a: int

def form(x: str = Form()): ...
def file(x: bytes = File()): ...
def upload(x: UploadFile): ...
def model(x: Annotated[Model, Form()]): ...
def query(x: str): ...

for endpoint in (ensure_multipart_is_installed, form, file, upload, model, query):
    try:
        if endpoint is ensure_multipart_is_installed:
            endpoint()
        else:
            FastAPI().post("/")(endpoint)
        print(endpoint.__name__, "ok")
    except RuntimeError as exc:
        print(endpoint.__name__, "RuntimeError", repr(str(exc)))
"""


def _declare_forms(tmp_path: Path, multipart: str | None) -> list[str]:
    """Declare form routes in a fresh interpreter where python-multipart cannot be imported
    and ``multipart`` is ``multipart`` (a package written to ``tmp_path``) or absent."""
    if multipart is None:
        script = _DECLARE_FORMS.replace(
            'sys.modules["python_multipart"] = None',
            'sys.modules["python_multipart"] = sys.modules["multipart"] = None',
        )
    else:
        (tmp_path / "multipart").mkdir()
        for relative, text in json_files(multipart).items():
            (tmp_path / relative).write_text(text)
        script = f"import sys; sys.path.insert(0, {str(tmp_path)!r})\n" + _DECLARE_FORMS
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parent.parent,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines() + [line for line in done.stderr.splitlines() if "LOG" in line]


def json_files(kind: str) -> dict[str, str]:
    """The shape of each package: the unrelated ``multipart`` (a version, no
    ``multipart.multipart``) or python-multipart before 0.0.13 (both)."""
    files = {"multipart/__init__.py": "__version__ = '1.2.1'\n"}
    if kind == "old-python-multipart":
        files["multipart/multipart.py"] = "def parse_options_header(value): ...\n"
    return files


NOT_INSTALLED = (
    'Form data requires "python-multipart" to be installed. \\n'
    'You can install "python-multipart" with: \\n\\npip install python-multipart\\n'
)
WRONG_PACKAGE = (
    'Form data requires "python-multipart" to be installed. It seems you installed '
    '"multipart" instead. \\nYou can remove "multipart" with: \\n\\npip uninstall multipart'
    '\\n\\nAnd then install "python-multipart" with: \\n\\npip install python-multipart\\n'
)


@pytest.mark.parametrize(
    ("multipart", "message"), [(None, NOT_INSTALLED), ("unrelated", WRONG_PACKAGE)]
)
def test_form_declarations_fail_without_python_multipart(
    tmp_path: Path, multipart: str | None, message: str
) -> None:
    lines = _declare_forms(tmp_path, multipart)
    for name in ("ensure_multipart_is_installed", "form", "file", "upload", "model"):
        assert f"{name} RuntimeError '{message}'" in lines
    assert "query ok" in lines
    assert lines.count("LOG fastapi ERROR") == 5  # each failure logged once, as FastAPI does


def test_old_python_multipart_import_name_is_accepted(tmp_path: Path) -> None:
    lines = _declare_forms(tmp_path, "old-python-multipart")
    assert lines[:6] == [
        f"{name} ok"
        for name in ("ensure_multipart_is_installed", "form", "file", "upload", "model", "query")
    ]


def test_multipart_messages_are_fastapis() -> None:
    assert utils.multipart_not_installed_error == NOT_INSTALLED.encode().decode("unicode_escape")
    assert utils.multipart_incorrect_install_error == WRONG_PACKAGE.encode().decode(
        "unicode_escape"
    )
