"""OAuth2 building blocks: the schemes, the password-flow login form, and scopes."""

from typing import Annotated, Any, Optional, Union

from starlette.requests import Request
from starlette.status import HTTP_401_UNAUTHORIZED, HTTP_403_FORBIDDEN

from fastapi._lazy import lazy_attributes, reexports
from fastapi.exceptions import HTTPException
from fastapi.openapi.models import OAuth2 as OAuth2Model
from fastapi.openapi.models import OAuthFlowAuthorizationCode, OAuthFlowPassword
from fastapi.openapi.models import OAuthFlows as OAuthFlowsModel
from fastapi.param_functions import Form
from fastapi.security.base import SecurityBase
from fastapi.security.scopes import SecurityScopes as SecurityScopes
from fastapi.security.unauthorized import answers_401, unauthorized
from fastapi.security.utils import get_authorization_scheme_param


class OAuth2PasswordRequestForm:
    """The login form of the OAuth2 password flow, to use as ``Depends()`` on a token endpoint.

    Its fields are form fields: ``username`` and ``password`` (required), ``grant_type``
    (optional, but ``"password"`` when given), ``scope`` (space-separated; read it as the
    list ``scopes``), ``client_id`` and ``client_secret``.
    """

    def __init__(
        self,
        *,
        grant_type: Annotated[Union[str, None], Form(pattern="^password$")] = None,
        username: Annotated[str, Form()],
        password: Annotated[str, Form(json_schema_extra={"format": "password"})],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[
            Union[str, None], Form(json_schema_extra={"format": "password"})
        ] = None,
    ) -> None:
        self.grant_type = grant_type
        self.username = username
        self.password = password
        self.scopes = scope.split()
        self.client_id = client_id
        self.client_secret = client_secret


class OAuth2PasswordRequestFormStrict(OAuth2PasswordRequestForm):
    """:class:`OAuth2PasswordRequestForm` that requires ``grant_type=password``, as the
    OAuth2 specification does."""

    def __init__(
        self,
        grant_type: Annotated[str, Form(pattern="^password$")],
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[Union[str, None], Form()] = None,
    ) -> None:
        super().__init__(
            grant_type=grant_type,
            username=username,
            password=password,
            scope=scope,
            client_id=client_id,
            client_secret=client_secret,
        )


class OAuth2(SecurityBase):
    """An OAuth2 scheme described by its ``flows``; the dependency gives the whole
    ``Authorization`` header value, unparsed.

    A missing or empty header answers 403 ``Not authenticated`` (``None`` when
    ``auto_error=False``). Subclass it to read tokens another way.
    """

    model: OAuth2Model
    uses_scopes = True

    def __init__(
        self,
        *,
        flows: Union[OAuthFlowsModel, dict[str, dict[str, Any]]] = OAuthFlowsModel(),
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self.model = OAuth2Model.model_validate({"flows": flows, "description": description})
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

    def _bearer_token(self, request: Request) -> Optional[str]:
        """The token of an ``Authorization: Bearer <token>`` header (scheme in any case).

        Anything else answers 401 ``Not authenticated`` with ``WWW-Authenticate: Bearer``
        (``None`` when ``auto_error=False``). The token may be empty.
        """
        authorization = request.headers.get("Authorization")
        scheme, param = get_authorization_scheme_param(authorization)
        if not authorization or scheme.lower() != "bearer":
            if self.auto_error:
                raise HTTPException(
                    status_code=HTTP_401_UNAUTHORIZED,
                    detail="Not authenticated",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            return None
        return param


class OAuth2PasswordBearer(OAuth2):
    """OAuth2 password flow: the dependency gives the bearer token of the request.

    ``tokenUrl`` is where clients get tokens (the operation reading
    :class:`OAuth2PasswordRequestForm`); ``scopes`` maps each scope to its description.
    A missing header or another scheme answers 401 ``Not authenticated`` with
    ``WWW-Authenticate: Bearer`` (``None`` when ``auto_error=False``).
    """

    def __init__(
        self,
        tokenUrl: str,
        scheme_name: Optional[str] = None,
        scopes: Optional[dict[str, str]] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
        refreshUrl: Optional[str] = None,
    ) -> None:
        flow = OAuthFlowPassword(tokenUrl=tokenUrl, refreshUrl=refreshUrl, scopes=scopes or {})
        super().__init__(
            flows=OAuthFlowsModel(password=flow),
            scheme_name=scheme_name,
            description=description,
            auto_error=auto_error,
        )

    async def __call__(self, request: Request) -> Optional[str]:
        return self._bearer_token(request)


class OAuth2AuthorizationCodeBearer(OAuth2):
    """OAuth2 authorization-code flow: the dependency gives the bearer token of the request.

    Failures are answered like :class:`OAuth2PasswordBearer`'s.
    """

    def __init__(
        self,
        authorizationUrl: str,
        tokenUrl: str,
        refreshUrl: Optional[str] = None,
        scheme_name: Optional[str] = None,
        scopes: Optional[dict[str, str]] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        flow = OAuthFlowAuthorizationCode(
            authorizationUrl=authorizationUrl,
            tokenUrl=tokenUrl,
            refreshUrl=refreshUrl,
            scopes=scopes or {},
        )
        super().__init__(
            flows=OAuthFlowsModel(authorizationCode=flow),
            scheme_name=scheme_name,
            description=description,
            auto_error=auto_error,
        )

    async def __call__(self, request: Request) -> Optional[str]:
        return self._bearer_token(request)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Dict", "List", "cast"),
        "Doc": "typing_extensions",
    },
)
