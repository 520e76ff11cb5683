"""OpenID Connect discovery as a security scheme."""

from typing import Optional

from starlette.requests import Request

from fastapi._lazy import lazy_attributes, reexports
from fastapi.openapi.models import OpenIdConnect as OpenIdConnectModel
from fastapi.security.credentials import CredentialScheme, Refusal
from fastapi.security.http import authorization_header

_REFUSAL = Refusal("Bearer")  # FastAPI raises Starlette's HTTPException here


class OpenIdConnect(CredentialScheme[str]):
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
        model = OpenIdConnectModel(openIdConnectUrl=openIdConnectUrl, description=description)
        self._declare(model, scheme_name, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)

    locate = staticmethod(authorization_header)

    def refusal(self) -> Refusal:
        return _REFUSAL


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
