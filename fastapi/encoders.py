"""``jsonable_encoder`` and the per-type encoders it uses."""

from fastapi._core.serialize.jsonable import (
    ENCODERS_BY_TYPE,
    decimal_encoder,
    encoders_by_class_tuples,
    generate_encoders_by_class_tuples,
    isoformat,
    jsonable_encoder,
)

__all__ = [
    "ENCODERS_BY_TYPE",
    "decimal_encoder",
    "encoders_by_class_tuples",
    "generate_encoders_by_class_tuples",
    "isoformat",
    "jsonable_encoder",
]
