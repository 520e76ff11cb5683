"""fastapi._core.analyse.signature: annotations evaluated, whatever style they were written in."""

from __future__ import annotations

import functools
import inspect
from typing import ForwardRef, Optional

from pydantic import BaseModel

from fastapi._core.analyse.signature import (
    evaluate_annotation,
    return_annotation,
    typed_signature,
)


class Item(BaseModel):
    name: str


def endpoint(item: Item, q: Optional[str] = None, ids: list["Item"] | None = None) -> Item:
    return item


class Handler:
    def __call__(self, item: Item) -> list[Item]:
        return [item]


class Dependency:
    def __init__(self, limit: int = 10) -> None:
        self.limit = limit


def test_string_annotations_are_evaluated_in_the_callables_module() -> None:
    parameters = typed_signature(endpoint).parameters
    assert parameters["item"].annotation is Item
    assert parameters["q"].annotation == Optional[str]
    assert parameters["ids"].annotation == list[Item] | None  # the quoted name inside too
    assert parameters["q"].default is None


def test_callable_objects_classes_and_wrappers() -> None:
    assert typed_signature(Handler()).parameters["item"].annotation is Item
    assert typed_signature(Dependency).parameters["limit"].annotation is int

    @functools.wraps(endpoint)
    def wrapped(*args: object, **kwargs: object) -> object:
        return endpoint(*args, **kwargs)  # type: ignore[arg-type]

    assert typed_signature(wrapped).parameters["item"].annotation is Item


def test_the_return_annotation() -> None:
    assert return_annotation(endpoint) is Item
    assert return_annotation(Handler()) == list[Item]

    def none_declared():  # type: ignore[no-untyped-def]
        return 1

    assert return_annotation(none_declared) is inspect.Signature.empty


def test_an_unresolvable_name_stays_a_forward_reference() -> None:
    assert evaluate_annotation("Missing", {}) == ForwardRef("Missing")
    assert evaluate_annotation(int, {}) is int
    assert evaluate_annotation("list[Item]", {"Item": Item}) == list[Item]
