"""``jsonable_encoder`` and the per-type encoders it uses."""

from fastapi._core.serialize.jsonable import (
    ENCODERS_BY_TYPE,
    decimal_encoder,
    encoders_by_class_tuples,
    generate_encoders_by_class_tuples,
    isoformat,
    jsonable_encoder,
)
from fastapi._lazy import lazy_attributes, reexports

__all__ = [
    "ENCODERS_BY_TYPE",
    "decimal_encoder",
    "encoders_by_class_tuples",
    "generate_encoders_by_class_tuples",
    "isoformat",
    "jsonable_encoder",
]


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports(
            "typing",
            "Annotated",
            "Any",
            "Callable",
            "Dict",
            "List",
            "Optional",
            "Tuple",
            "Type",
            "Union",
        ),
        "AnyUrl": "pydantic",
        "NameEmail": "pydantic",
        "BaseModel": "pydantic",
        "SecretBytes": "pydantic",
        "SecretStr": "pydantic",
        "Color": "pydantic.color",
        "Decimal": "decimal",
        "Doc": "typing_extensions",
        "Enum": "enum",
        "GeneratorType": "types",
        "IPv4Address": "ipaddress",
        "IPv4Interface": "ipaddress",
        "IPv4Network": "ipaddress",
        "IPv6Address": "ipaddress",
        "IPv6Interface": "ipaddress",
        "IPv6Network": "ipaddress",
        "Path": "pathlib",
        "PurePath": "pathlib",
        "Pattern": "re",
        "UUID": "uuid",
        "UndefinedType": "pydantic_core:PydanticUndefinedType",
        "Url": "pydantic_core",
        "_model_dump": "fastapi._compat",
        "dataclasses": "dataclasses",
        "datetime": "datetime",
        "defaultdict": "collections",
        "deque": "collections",
        "IncEx": "fastapi.types",
        "PYDANTIC_V2": "fastapi._compat",
    },
)
