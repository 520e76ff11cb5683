"""E-mail addresses in the OpenAPI models: pydantic's ``EmailStr`` (any string, with a
warning, when email-validator is missing), and the contact address, validated as
``EmailStr`` validates but importing email-validator only when an address is given."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic.networks import validate_email
from pydantic_core import CoreSchema, core_schema

from fastapi.logger import logger

__all__ = ["ContactEmail", "EmailStr"]

_HAS_EMAIL_VALIDATOR = importlib.util.find_spec("email_validator") is not None

if _HAS_EMAIL_VALIDATOR:
    from pydantic import EmailStr
else:  # pragma: no cover - depends on the environment
    logger.warning(
        "email-validator not installed, email fields will be treated as str.\n"
        "To install, run: pip install email-validator"
    )

    class EmailStr(str):  # type: ignore[no-redef]
        """An e-mail address, accepted as any string when ``email-validator`` is missing."""

        @classmethod
        def __get_validators__(cls) -> Iterable[Callable[..., Any]]:
            yield cls.validate

        @classmethod
        def validate(cls, value: Any) -> str:
            return str(value)

        @classmethod
        def _validate(cls, value: Any, _info: Any = None) -> str:
            return str(value)

        @classmethod
        def __get_pydantic_json_schema__(
            cls, core: CoreSchema, handler: GetJsonSchemaHandler
        ) -> JsonSchemaValue:
            return {"type": "string", "format": "email"}

        @classmethod
        def __get_pydantic_core_schema__(
            cls, source: type[Any], handler: Callable[[Any], CoreSchema]
        ) -> CoreSchema:
            return core_schema.with_info_plain_validator_function(cls._validate)


class ContactEmail(str):
    """A contact's e-mail address, validated and normalised as ``EmailStr`` does it, but
    email-validator (about 30 ms to import) is imported only when an address is given."""

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        if not _HAS_EMAIL_VALIDATOR:  # any string, as the stand-in EmailStr takes it
            return handler.generate_schema(EmailStr)
        return core_schema.no_info_after_validator_function(
            _normalised_email, core_schema.str_schema()
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(core), "type": "string", "format": "email"}


def _normalised_email(address: str) -> str:
    return validate_email(address)[1]
