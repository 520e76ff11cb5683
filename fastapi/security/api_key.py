"""API keys read from a header, a query parameter or a cookie."""

from collections.abc import Mapping
from typing import Optional

from starlette.requests import Request

from fastapi._lazy import lazy_attributes, reexports
from fastapi.openapi.models import APIKey, APIKeyIn
from fastapi.security.credentials import NOT_AUTHENTICATED, CredentialScheme, Refusal

_REFUSAL = Refusal("APIKey")  # FastAPI raises Starlette's HTTPException for API keys
# The request attribute each kind of key is looked up in (headers match case-insensitively).
_SOURCES = {APIKeyIn.query: "query_params", APIKeyIn.header: "headers", APIKeyIn.cookie: "cookies"}


class APIKeyBase(CredentialScheme[str]):
    """An API key named ``name``, looked up where the subclass's ``where`` says; the
    dependency gives the key (a ``str``).

    A missing or empty key answers 403 ``Not authenticated``, or gives ``None`` when
    ``auto_error=False``.
    """

    model: APIKey
    where: APIKeyIn

    @staticmethod
    def check_api_key(api_key: Optional[str], auto_error: bool) -> Optional[str]:
        """The key itself; when absent or empty, ``None`` or a 403 (with ``auto_error``)."""
        if api_key:
            return api_key
        if auto_error:
            raise _REFUSAL.answer(NOT_AUTHENTICATED, None)
        return None

    def locate(self, request: Request) -> Optional[str]:
        source: Mapping[str, str] = getattr(request, _SOURCES[self.where])
        return source.get(self.model.name)

    def refusal(self) -> Refusal:
        return _REFUSAL


def _declare_api_key(
    self: APIKeyBase,
    *,
    name: str,
    scheme_name: Optional[str] = None,
    description: Optional[str] = None,
    auto_error: bool = True,
) -> None:
    """The constructor of the three API-key schemes (``APIKeyBase`` itself takes nothing)."""
    model = APIKey.model_validate({"in": self.where, "name": name, "description": description})
    self._declare(model, scheme_name, auto_error)


class APIKeyQuery(APIKeyBase):
    """An API key in the query parameter ``name`` (the last one when repeated)."""

    where = APIKeyIn.query
    __init__ = _declare_api_key

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)


class APIKeyHeader(APIKeyBase):
    """An API key in the request header ``name`` (matched case-insensitively)."""

    where = APIKeyIn.header
    __init__ = _declare_api_key

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)


class APIKeyCookie(APIKeyBase):
    """An API key in the cookie ``name``."""

    where = APIKeyIn.cookie
    __init__ = _declare_api_key

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated"),
        **reexports("starlette.status", "HTTP_403_FORBIDDEN"),
        "Doc": "typing_extensions",
        "HTTPException": "starlette.exceptions",
        "SecurityBase": "fastapi.security.base",
    },
)
