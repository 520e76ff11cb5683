"""fastapi._core.compile.body_field: what the request body as a whole must be."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel

from fastapi import UploadFile
from fastapi._core import params
from fastapi._core.analyse.dependant import (
    build_dependant,
    flat_dependant,
    should_embed_body_fields,
)
from fastapi._core.compile.body_field import body_field_of, body_model


class Item(BaseModel):
    name: str


def body_of(call: object, name: str = "op"):  # type: ignore[no-untyped-def]
    flat = flat_dependant(build_dependant(path="/", call=call))  # type: ignore[arg-type]
    return body_field_of(flat.body_params, name=name, embed=should_embed_body_fields(flat.body_params))


def test_no_body_parameter_no_body() -> None:
    def endpoint(q: int) -> None: ...

    assert body_of(endpoint) is None


def test_a_single_unembedded_parameter_is_the_body_itself() -> None:
    def endpoint(item: Item) -> None: ...

    field = body_of(endpoint)
    assert field is not None and field.name == "item" and field.type_ is Item


def test_several_parameters_make_a_named_model_keyed_by_alias() -> None:
    def endpoint(
        item: Item, importance: Annotated[int, params.Body(alias="level")] = 1
    ) -> None: ...

    field = body_of(endpoint, name="create_item")
    assert field is not None and field.alias == "body"
    assert field.type_.__name__ == "Body_create_item"
    assert field.required  # the item is
    assert field.validate({"item": {"name": "a"}, "level": 2})[1] is None


def test_an_optional_embedded_body_defaults_to_none() -> None:
    def endpoint(item: Annotated[Item | None, params.Body(embed=True)] = None) -> None: ...

    field = body_of(endpoint)
    assert field is not None and not field.required and field.get_default() is None


def test_files_and_forms_decide_the_marker_and_json_media_types_are_kept() -> None:
    def upload(file: UploadFile, note: Annotated[str, params.Form()]) -> None: ...

    def form(a: Annotated[str, params.Form()], b: Annotated[str, params.Form()]) -> None: ...

    def custom(
        a: Annotated[int, params.Body(media_type="application/vnd.x+json")],
        b: Annotated[int, params.Body(media_type="application/vnd.x+json")],
    ) -> None: ...

    assert type(body_of(upload).field_info) is params.File
    assert type(body_of(form).field_info) is params.Form
    assert body_of(custom).field_info.media_type == "application/vnd.x+json"


def test_body_model_fields_keep_their_declarations() -> None:
    def endpoint(
        a: Annotated[int, params.Body(gt=0)], b: Annotated[str, params.Body()]
    ) -> None: ...

    flat = flat_dependant(build_dependant(path="/", call=endpoint))
    model = body_model(flat.body_params, "Body_x")
    assert list(model.model_fields) == ["a", "b"]
    assert model.model_fields["a"].metadata[0].gt == 0
