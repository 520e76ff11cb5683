"""Body readers: a Dependant's body parameters, read from the parsed JSON or the form.

A lone body parameter that is not embedded *is* the body (``loc == ("body",)``); otherwise
each parameter is the value under its alias. Forms are flattened into a dict first, with
FastAPI's rules: empty strings fall back to defaults, ``bytes`` files are read, and keys no
parameter claims are kept for models that forbid extras.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import anyio
from starlette.datastructures import FormData
from starlette.datastructures import UploadFile as StarletteUploadFile

from fastapi import params
from fastapi._core.analyse import annotations as ann
from fastapi._core.analyse.field import ModelField, missing_error
from fastapi._core.compile.readers import Errors, Validator, is_multi_valued, model_fields_of


class _FormEntry:
    """How one field is taken out of a form."""

    __slots__ = (
        "empty_is_missing",
        "key",
        "multi",
        "read_bytes",
        "read_bytes_list",
        "sequence_type",
        "validator",
    )

    def __init__(self, field: ModelField, validator: Validator, first_is_file: bool) -> None:
        self.key = field.alias
        self.multi = is_multi_valued(field)
        self.validator = validator
        self.empty_is_missing = isinstance(field.field_info, params.Form)
        self.read_bytes = first_is_file and ann.is_bytes(field.type_)
        self.read_bytes_list = first_is_file and ann.is_bytes_sequence(field.type_)
        self.sequence_type = _sequence_type(field.type_)

    async def take(self, form: FormData) -> Any:
        value: Any = form.getlist(self.key) if self.multi else form.get(self.key)
        if (
            value is None
            or (self.empty_is_missing and value == "")
            or (self.multi and len(value) == 0)
        ):
            return None if self.validator.required else self.validator.default_value()
        if self.read_bytes and isinstance(value, StarletteUploadFile):
            return await value.read()
        if (
            self.read_bytes_list
            and isinstance(value, Sequence)
            and not isinstance(value, (str, bytes))
        ):
            return self.sequence_type(await _read_all(value))
        return value


def _sequence_type(annotation: Any) -> Any:
    """The concrete collection to rebuild a sequence annotation's value with."""
    for arg in [annotation, *ann.get_args(ann.strip_annotated(annotation))]:
        origin = ann.get_origin(arg) or arg
        if ann.is_subclass(origin, ann.SEQUENCE_TYPES):
            return origin if origin in (list, set, tuple, frozenset, ann.deque) else list
    return list


async def _read_all(files: Sequence[Any]) -> list[bytes]:
    results: list[bytes] = [b""] * len(files)

    async def read(index: int, file: Any) -> None:
        results[index] = await file.read()

    async with anyio.create_task_group() as group:
        for index, file in enumerate(files):
            group.start_soon(read, index, file)
    return results


class BodyReader:
    """The body parameters of one Dependant."""

    __slots__ = ("fields", "form_entries", "single")

    def __init__(self, fields: list[ModelField], *, embed: bool) -> None:
        self.single = len(fields) == 1 and not embed
        # A missing JSON value takes the default as it is; a missing form field's default is
        # validated (FastAPI puts it into the flattened form first). Hence two validators.
        self.fields = [
            (
                field.name,
                field.alias,
                Validator(field, loc, validate_default=False),
                Validator(field, loc),
            )
            for field in fields
            for loc in [("body",) if self.single else ("body", field.alias)]
        ]
        first_is_file = isinstance(fields[0].field_info, params.File)
        if self.single and ann.is_model_class(fields[0].type_):
            sub_fields = model_fields_of(fields[0].type_)
            self.form_entries = [
                _FormEntry(f, Validator(f, ("body", f.alias)), False) for f in sub_fields
            ]
        else:
            self.form_entries = [
                _FormEntry(field, form_validator, first_is_file)
                for (_, _, _, form_validator), field in zip(self.fields, fields, strict=True)
            ]

    async def flatten_form(self, form: FormData) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for entry in self.form_entries:
            value = await entry.take(form)
            if value is not None:
                values[entry.key] = value
        for key, value in form.items():
            if key not in values:
                values[key] = value
        return values

    async def read(self, body: Any, values: dict[str, Any], errors: Errors) -> bool:
        """Validate into ``values``; return False (after adding errors) when invalid."""
        is_form = isinstance(body, FormData)
        if is_form:
            body = await self.flatten_form(body)
        if self.single:
            name, _, json_validator, form_validator = self.fields[0]
            validator = form_validator if is_form else json_validator
            value, field_errors = validator.absent() if body is None else validator.check(body)
            if field_errors:
                errors.extend(field_errors)
                return False
            values[name] = value
            return True
        ok = True
        for name, key, json_validator, form_validator in self.fields:
            validator = form_validator if is_form else json_validator
            if body is None:
                value = None
            else:
                try:
                    value = body.get(key)
                except AttributeError:
                    errors.append(missing_error(validator.loc))
                    ok = False
                    continue
            value, field_errors = validator.absent() if value is None else validator.check(value)
            if field_errors:
                errors.extend(field_errors)
                ok = False
            else:
                values[name] = value
        return ok
