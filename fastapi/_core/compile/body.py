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

from fastapi._core import params
from fastapi._core.analyse import annotations as ann
from fastapi._core.analyse.field import ModelField, missing_error, param_group_model
from fastapi._core.compile.readers import Errors, SubField, Validator, sub_fields_of


class _FormEntry:
    """How one field is taken out of a form."""

    __slots__ = (
        "defaults",
        "empty_is_missing",
        "key",
        "multi",
        "read_bytes",
        "read_bytes_list",
        "sequence_type",
    )

    def __init__(
        self,
        key: str,
        annotation: Any,
        info: Any,
        defaults: Validator | SubField,
        first_is_file: bool,
    ) -> None:
        self.key = key
        self.multi = ann.is_sequence(annotation)
        self.defaults = defaults
        self.empty_is_missing = isinstance(info, params.Form)
        self.read_bytes = first_is_file and ann.is_bytes(annotation)
        self.read_bytes_list = first_is_file and ann.is_bytes_sequence(annotation)
        self.sequence_type = _sequence_type(annotation)

    async def take(self, form: FormData) -> Any:
        value: Any = form.getlist(self.key) if self.multi else form.get(self.key)
        if (
            value is None
            or (self.empty_is_missing and value == "")
            or (self.multi and len(value) == 0)
        ):
            return None if self.defaults.required else self.defaults.default_value()
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


async def _read_all(values: Sequence[Any]) -> list[Any]:
    """The content of each uploaded file; a plain form value among them is kept as it is, to
    be validated as ``bytes`` like a lone one (FastAPI answers a 500 there)."""
    results = list(values)

    async def read(index: int, file: StarletteUploadFile) -> None:
        results[index] = await file.read()

    async with anyio.create_task_group() as group:
        for index, value in enumerate(values):
            if isinstance(value, StarletteUploadFile):
                group.start_soon(read, index, value)
    return results


class BodyReader:
    """The body parameters of one Dependant, read from JSON or (``reads_form``) a form."""

    __slots__ = ("fields", "form_entries", "single")

    def __init__(self, fields: list[ModelField], *, embed: bool, reads_form: bool) -> None:
        self.single = len(fields) == 1 and not embed
        # A missing JSON value takes the default as it is; a missing form field's default is
        # validated (FastAPI puts it into the flattened form first).
        self.fields = [
            (
                field.name,
                field.alias,
                Validator(
                    field,
                    ("body",) if self.single else ("body", field.alias),
                    validate_default=reads_form,
                ),
            )
            for field in fields
        ]
        self.form_entries: list[_FormEntry] = []
        if not reads_form:
            return
        first_is_file = isinstance(fields[0].field_info, params.File)
        if self.single and param_group_model(fields) is not None:
            self.form_entries = [
                _FormEntry(sub.alias, sub.type_, sub.info, sub, False)
                for sub in sub_fields_of(fields[0].type_)
            ]
        else:
            self.form_entries = [
                _FormEntry(field.alias, field.type_, field.field_info, validator, first_is_file)
                for (_, _, validator), field in zip(self.fields, fields, strict=True)
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
        if isinstance(body, FormData):
            body = await self.flatten_form(body)
        if self.single:
            name, _, validator = self.fields[0]
            value, field_errors = validator.absent() if body is None else validator.check(body)
            if field_errors:
                errors.extend(field_errors)
                return False
            values[name] = value
            return True
        ok = True
        for name, key, validator in self.fields:
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
