"""OpenID Connect discovery as a security scheme."""

from typing import Optional

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.status import HTTP_403_FORBIDDEN

from fastapi._lazy import lazy_attributes, reexports
from fastapi.openapi.models import OpenIdConnect as OpenIdConnectModel
from fastapi.security.base import SecurityBase
from fastapi.security.unauthorized import answers_401, unauthorized


class OpenIdConnect(SecurityBase):
    """An OpenID Connect scheme, documented by its discovery URL ``openIdConnectUrl``.

    The dependency gives the whole ``Authorization`` header value, unparsed; a missing or
    empty header answers 403 ``Not authenticated`` (``None`` when ``auto_error=False``).
    """

    model: OpenIdConnectModel
    uses_scopes = True

    def __init__(
        self,
        *,
        openIdConnectUrl: str,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self.model = OpenIdConnectModel(openIdConnectUrl=openIdConnectUrl, description=description)
        self.scheme_name = self._name_or_default(scheme_name)
        self.auto_error = auto_error

    async def __call__(self, request: Request) -> Optional[str]:
        authorization = request.headers.get("Authorization")
        if not authorization:
            if self.auto_error:
                if answers_401(request):
                    raise unauthorized("Bearer")
                raise HTTPException(status_code=HTTP_403_FORBIDDEN, detail="Not authenticated")
            return None
        return authorization


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated"),
        "Doc": "typing_extensions",
    },
)
