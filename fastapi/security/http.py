"""HTTP authentication schemes read from the ``Authorization`` header."""

from base64 import b64decode
from typing import Optional

from pydantic import BaseModel
from starlette.requests import Request

from fastapi._lazy import lazy_attributes, reexports
from fastapi.exceptions import HTTPException
from fastapi.openapi.models import HTTPBase as HTTPBaseModel
from fastapi.openapi.models import HTTPBearer as HTTPBearerModel
from fastapi.security.credentials import (
    INVALID_CREDENTIALS,
    NOT_AUTHENTICATED,
    CredentialScheme,
    Refusal,
    Unusable,
)
from fastapi.security.utils import get_authorization_scheme_param


class HTTPBasicCredentials(BaseModel):
    """A user name and password decoded from an ``Authorization: Basic ...`` header."""

    username: str
    password: str


class HTTPAuthorizationCredentials(BaseModel):
    """An ``Authorization`` header split at its first space.

    ``Authorization: Bearer abc.def`` gives ``scheme="Bearer"`` and ``credentials="abc.def"``.
    """

    scheme: str
    credentials: str


def authorization_header(request: Request) -> Optional[str]:
    """Where every HTTP and OAuth2 scheme finds its credential."""
    return request.headers.get("Authorization")


class HTTPBase(CredentialScheme[HTTPAuthorizationCredentials]):
    """Any HTTP authentication scheme; the dependency gives :class:`HTTPAuthorizationCredentials`.

    A missing header, or one lacking a scheme or credentials, answers 403 ``Not
    authenticated``. A subclass naming ``expected_scheme`` answers another scheme (in any
    case) with 403 ``Invalid authentication credentials``. Both give ``None`` when
    ``auto_error=False``.
    """

    model: HTTPBaseModel
    expected_scheme: Optional[str] = None  # lower case; HTTPBase itself takes any

    def __init__(
        self,
        *,
        scheme: str,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self._declare(
            HTTPBaseModel(scheme=scheme, description=description), scheme_name, auto_error
        )

    async def __call__(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        return self.read(request)

    locate = staticmethod(authorization_header)

    def parse(self, raw: str) -> HTTPAuthorizationCredentials:
        scheme, credentials = get_authorization_scheme_param(raw)
        if not (scheme and credentials):
            raise Unusable(NOT_AUTHENTICATED)
        if self.expected_scheme is not None and scheme.lower() != self.expected_scheme:
            raise Unusable(INVALID_CREDENTIALS)
        return HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials)

    def refusal(self) -> Refusal:
        return Refusal(self.model.scheme.title(), exception=HTTPException)


class HTTPBasic(HTTPBase):
    """HTTP Basic authentication; the dependency gives :class:`HTTPBasicCredentials`.

    Every failure answers 401 with ``WWW-Authenticate: Basic`` (``Basic realm="..."`` when a
    realm is set). A missing header or another scheme is ``Not authenticated`` (``None``
    when ``auto_error=False``); credentials that are not base64 of ASCII ``user:password``
    are ``Invalid authentication credentials``, whatever ``auto_error`` says.
    """

    def __init__(
        self,
        *,
        scheme_name: Optional[str] = None,
        realm: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self._declare(
            HTTPBaseModel(scheme="basic", description=description), scheme_name, auto_error
        )
        self.realm = realm

    async def __call__(self, request: Request) -> Optional[HTTPBasicCredentials]:  # type: ignore[override]
        return self.read(request)  # type: ignore[return-value]

    def parse(self, raw: str) -> HTTPBasicCredentials:  # type: ignore[override]
        scheme, encoded = get_authorization_scheme_param(raw)
        if scheme.lower() != "basic":
            raise Unusable(NOT_AUTHENTICATED)
        try:
            decoded = b64decode(encoded).decode("ascii")
        except ValueError:  # bad base64 (binascii.Error), non-ASCII text or bytes
            raise Unusable(final=True) from None
        username, separator, password = decoded.partition(":")
        if not separator:
            raise Unusable(final=True)
        return HTTPBasicCredentials(username=username, password=password)

    def refusal(self) -> Refusal:
        challenge = f'Basic realm="{self.realm}"' if self.realm else "Basic"
        return Refusal(challenge, challenged=True, exception=HTTPException)


class HTTPBearer(HTTPBase):
    """HTTP Bearer authentication (``Authorization: Bearer <token>``)."""

    model: HTTPBearerModel  # type: ignore[assignment]
    expected_scheme = "bearer"

    def __init__(
        self,
        *,
        bearerFormat: Optional[str] = None,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        model = HTTPBearerModel(bearerFormat=bearerFormat, description=description)
        self._declare(model, scheme_name, auto_error)

    async def __call__(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        return self.read(request)


class HTTPDigest(HTTPBase):
    """HTTP Digest authentication, as far as reading the header goes: the credentials are
    the raw digest parameters."""

    expected_scheme = "digest"

    def __init__(
        self,
        *,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self._declare(
            HTTPBaseModel(scheme="digest", description=description), scheme_name, auto_error
        )

    async def __call__(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        return self.read(request)


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated"),
        **reexports("starlette.status", "HTTP_401_UNAUTHORIZED", "HTTP_403_FORBIDDEN"),
        "Doc": "typing_extensions",
        "SecurityBase": "fastapi.security.base",
        "binascii": "binascii",
    },
)
