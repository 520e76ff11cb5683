"""Helpers shared by the security schemes."""

from typing import Optional

from fastapi._lazy import lazy_attributes, reexports


def get_authorization_scheme_param(authorization_header_value: Optional[str]) -> tuple[str, str]:
    """An ``Authorization`` header value cut at its first space: ``(scheme, parameter)``.

    A missing or empty value gives ``("", "")``; a value without a space is all scheme.
    Nothing is stripped: ``"Bearer  x"`` gives ``("Bearer", " x")``.
    """
    scheme, _space, parameter = (authorization_header_value or "").partition(" ")
    return scheme, parameter


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Tuple"),
    },
)
