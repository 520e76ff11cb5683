"""fastapi._core.analyse.annotations: what kind of data an annotation describes."""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Sequence
from typing import Annotated, Any, Optional, Union

import pytest
import typing_extensions
from pydantic import BaseModel
from starlette.datastructures import UploadFile

from fastapi._core.analyse import annotations as ann


class Item(BaseModel):
    name: str


class Other(BaseModel):
    n: int


@dataclasses.dataclass
class Point:
    x: int


SCALARS = [int, str, Optional[int], Union[int, str], bytes, Any, ..., Annotated[int, "doc"]]
COMPLEX = [Item, dict[str, int], list[int], Point, UploadFile, Optional[Item], Union[int, Item]]


@pytest.mark.parametrize("annotation", SCALARS)
def test_scalars_travel_as_one_string(annotation: Any) -> None:
    assert ann.is_scalar(annotation) and not ann.is_complex(annotation)


@pytest.mark.parametrize("annotation", COMPLEX)
def test_complex_data_does_not(annotation: Any) -> None:
    assert ann.is_complex(annotation) and not ann.is_scalar(annotation)


@pytest.mark.parametrize(
    "annotation, sequence, of_scalars",
    [
        (list[int], True, True),
        (set[str], True, True),
        (tuple[int, ...], True, True),
        (deque[int], True, True),
        (Sequence[str], True, True),
        (Optional[list[int]], True, True),
        (Annotated[list[int], "doc"], True, True),
        (list[Item], True, False),
        (Union[list[int], list[Item]], True, False),
        (str, False, False),
        (bytes, False, False),
        (dict[str, int], False, False),
    ],
)
def test_sequences_and_sequences_of_scalars(
    annotation: Any, sequence: bool, of_scalars: bool
) -> None:
    assert ann.is_sequence(annotation) is sequence
    assert ann.is_scalar_sequence(annotation) is of_scalars


def test_files_and_bytes_with_or_without_none() -> None:
    assert ann.is_upload_file(UploadFile) and ann.is_upload_file(Optional[UploadFile])
    assert ann.is_upload_file_sequence(list[UploadFile])
    assert ann.is_bytes(bytes) and ann.is_bytes(Optional[bytes])
    assert ann.is_bytes_sequence(list[bytes]) and not ann.is_bytes_sequence(list[str])
    assert not ann.is_upload_file(str)


def test_models_and_unions_of_models() -> None:
    assert ann.is_model_class(Item) and not ann.is_model_class(Item(name="a"))
    assert ann.is_union_of_models(Union[Item, Other])
    assert not ann.is_union_of_models(Union[Item, int]) and not ann.is_union_of_models(Item)


def test_is_subclass_answers_false_for_what_is_not_a_class() -> None:
    assert ann.is_subclass(bool, int)
    assert not ann.is_subclass(list[int], list)
    assert not ann.is_subclass("int", object)


def test_annotated_and_aliases_are_seen_through() -> None:
    assert ann.strip_annotated(Annotated[Annotated[int, "a"], "b"]) is int
    Alias = typing_extensions.TypeAliasType("Alias", list[int])
    assert ann.unalias(Alias) == list[int]
    marked = ann.unalias(Annotated[Alias, "meta"])
    assert ann.strip_annotated(marked) == list[int] and marked.__metadata__ == ("meta",)
    assert ann.unalias(int) is int


def test_unhashable_annotations_are_still_classified() -> None:
    unhashable = Annotated[list[int], {"not": "hashable"}]
    assert ann.is_sequence(unhashable)
