"""OAuth2 building blocks: the schemes, the password-flow login form, and scopes."""

from typing import Annotated, Any, Optional, Union

from starlette.requests import Request

from fastapi._lazy import lazy_attributes, reexports
from fastapi.exceptions import HTTPException
from fastapi.openapi.models import OAuth2 as OAuth2Model
from fastapi.openapi.models import OAuthFlowAuthorizationCode, OAuthFlowPassword
from fastapi.openapi.models import OAuthFlows as OAuthFlowsModel
from fastapi.param_functions import Form
from fastapi.security.credentials import NOT_AUTHENTICATED, CredentialScheme, Refusal, Unusable
from fastapi.security.http import authorization_header
from fastapi.security.scopes import SecurityScopes as SecurityScopes
from fastapi.security.utils import get_authorization_scheme_param


def _keep_login_fields(
    form: "OAuth2PasswordRequestForm",
    grant_type: Optional[str],
    username: str,
    password: str,
    scope: str,
    client_id: Optional[str],
    client_secret: Optional[str],
) -> None:
    """What both login forms keep of their fields: the scope string becomes ``scopes``."""
    form.grant_type = grant_type
    form.username = username
    form.password = password
    form.scopes = scope.split()
    form.client_id = client_id
    form.client_secret = client_secret


class OAuth2PasswordRequestForm:
    """The login form of the OAuth2 password flow, to use as ``Depends()`` on a token endpoint.

    Its fields are form fields: ``username`` and ``password`` (required), ``grant_type``
    (optional, but ``"password"`` when given), ``scope`` (space-separated; read it as the
    list ``scopes``), ``client_id`` and ``client_secret``.
    """

    grant_type: Optional[str]
    username: str
    password: str
    scopes: list[str]
    client_id: Optional[str]
    client_secret: Optional[str]

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
        _keep_login_fields(self, grant_type, username, password, scope, client_id, client_secret)


class OAuth2PasswordRequestFormStrict(OAuth2PasswordRequestForm):
    """:class:`OAuth2PasswordRequestForm` that requires ``grant_type=password``, as the
    OAuth2 specification does (its fields may be passed by position, and none is marked as
    a password in the document)."""

    def __init__(
        self,
        grant_type: Annotated[str, Form(pattern="^password$")],
        username: Annotated[str, Form()],
        password: Annotated[str, Form()],
        scope: Annotated[str, Form()] = "",
        client_id: Annotated[Union[str, None], Form()] = None,
        client_secret: Annotated[Union[str, None], Form()] = None,
    ) -> None:
        _keep_login_fields(self, grant_type, username, password, scope, client_id, client_secret)


_BEARER = Refusal("Bearer", exception=HTTPException)
_BEARER_CHALLENGED = Refusal("Bearer", challenged=True, exception=HTTPException)


class OAuth2(CredentialScheme[str]):
    """An OAuth2 scheme described by its ``flows``; the dependency gives the whole
    ``Authorization`` header value, unparsed.

    A missing or empty header answers 403 ``Not authenticated`` (``None`` when
    ``auto_error=False``). Subclass it to read tokens another way.
    """

    model: OAuth2Model
    uses_scopes = True
    #: The credential is the token of ``Authorization: Bearer <token>`` (scheme in any case,
    #: the token may be empty), not the whole value; anything else answers 401 ``Not
    #: authenticated`` with ``WWW-Authenticate: Bearer``. Set by the two flows below.
    reads_bearer_token = False

    def __init__(
        self,
        *,
        flows: Union[OAuthFlowsModel, dict[str, dict[str, Any]]] = OAuthFlowsModel(),
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        model = OAuth2Model.model_validate({"flows": flows, "description": description})
        self._declare(model, scheme_name, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)

    locate = staticmethod(authorization_header)

    def parse(self, raw: str) -> str:
        if not self.reads_bearer_token:
            return raw
        scheme, token = get_authorization_scheme_param(raw)
        if scheme.lower() != "bearer":
            raise Unusable(NOT_AUTHENTICATED)
        return token

    def refusal(self) -> Refusal:
        return _BEARER_CHALLENGED if self.reads_bearer_token else _BEARER


class OAuth2PasswordBearer(OAuth2):
    """OAuth2 password flow: the dependency gives the bearer token of the request.

    ``tokenUrl`` is where clients get tokens (the operation reading
    :class:`OAuth2PasswordRequestForm`); ``scopes`` maps each scope to its description.
    """

    reads_bearer_token = True

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
        model = OAuth2Model(flows=OAuthFlowsModel(password=flow), description=description)
        self._declare(model, scheme_name, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)


class OAuth2AuthorizationCodeBearer(OAuth2):
    """OAuth2 authorization-code flow: the dependency gives the bearer token of the request,
    read as :class:`OAuth2PasswordBearer` reads it."""

    reads_bearer_token = True

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
        model = OAuth2Model(flows=OAuthFlowsModel(authorizationCode=flow), description=description)
        self._declare(model, scheme_name, auto_error)

    async def __call__(self, request: Request) -> Optional[str]:
        return self.read(request)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Dict", "List", "cast"),
        **reexports("starlette.status", "HTTP_401_UNAUTHORIZED", "HTTP_403_FORBIDDEN"),
        "Doc": "typing_extensions",
        "SecurityBase": "fastapi.security.base",
    },
)
