"""API keys read from a header, a query parameter or a cookie."""

from typing import Optional

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.status import HTTP_403_FORBIDDEN

from fastapi._lazy import lazy_attributes, reexports
from fastapi.openapi.models import APIKey, APIKeyIn
from fastapi.security.base import SecurityBase
from fastapi.security.unauthorized import answers_401, unauthorized


class APIKeyBase(SecurityBase):
    """What the three API-key schemes share: how a missing key is answered."""

    model: APIKey

    @staticmethod
    def check_api_key(api_key: Optional[str], auto_error: bool) -> Optional[str]:
        """The key itself; when absent or empty, ``None`` or a 403 (with ``auto_error``)."""
        if not api_key:
            if auto_error:
                raise HTTPException(status_code=HTTP_403_FORBIDDEN, detail="Not authenticated")
            return None
        return api_key

    def _checked(self, request: Request, api_key: Optional[str]) -> Optional[str]:
        if not api_key and self.auto_error and answers_401(request):
            raise unauthorized("APIKey")
        return self.check_api_key(api_key, self.auto_error)

    def _setup(
        self,
        where: APIKeyIn,
        name: str,
        scheme_name: Optional[str],
        description: Optional[str],
        auto_error: bool,
    ) -> None:
        self.model = APIKey.model_validate({"in": where, "name": name, "description": description})
        self.scheme_name = self._name_or_default(scheme_name)
        self.auto_error = auto_error


class APIKeyQuery(APIKeyBase):
    """An API key in the query parameter ``name``; the dependency gives the key (a ``str``).

    A missing or empty parameter answers 403 ``Not authenticated``, or gives ``None`` when
    ``auto_error=False``.
    """

    def __init__(
        self,
        *,
        name: str,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self._setup(APIKeyIn.query, name, scheme_name, description, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self._checked(request, request.query_params.get(self.model.name))


class APIKeyHeader(APIKeyBase):
    """An API key in the request header ``name`` (matched case-insensitively).

    A missing or empty header answers 403 ``Not authenticated``, or gives ``None`` when
    ``auto_error=False``.
    """

    def __init__(
        self,
        *,
        name: str,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self._setup(APIKeyIn.header, name, scheme_name, description, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self._checked(request, request.headers.get(self.model.name))


class APIKeyCookie(APIKeyBase):
    """An API key in the cookie ``name``.

    A missing or empty cookie answers 403 ``Not authenticated``, or gives ``None`` when
    ``auto_error=False``.
    """

    def __init__(
        self,
        *,
        name: str,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self._setup(APIKeyIn.cookie, name, scheme_name, description, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self._checked(request, request.cookies.get(self.model.name))


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated"),
        "Doc": "typing_extensions",
    },
)
