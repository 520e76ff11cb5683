"""HTTP authentication schemes read from the ``Authorization`` header."""

from base64 import b64decode
from typing import Optional

from pydantic import BaseModel
from starlette.requests import Request
from starlette.status import HTTP_401_UNAUTHORIZED, HTTP_403_FORBIDDEN

from fastapi._lazy import lazy_attributes, reexports
from fastapi.exceptions import HTTPException
from fastapi.openapi.models import HTTPBase as HTTPBaseModel
from fastapi.openapi.models import HTTPBearer as HTTPBearerModel
from fastapi.security.base import SecurityBase
from fastapi.security.unauthorized import answers_401, unauthorized
from fastapi.security.utils import get_authorization_scheme_param

NOT_AUTHENTICATED = "Not authenticated"
INVALID_CREDENTIALS = "Invalid authentication credentials"


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


def _forbidden() -> HTTPException:
    return HTTPException(status_code=HTTP_403_FORBIDDEN, detail=NOT_AUTHENTICATED)


class HTTPBase(SecurityBase):
    """Any HTTP authentication scheme: the header is split, its scheme is not checked.

    A missing header, or one lacking a scheme or credentials, answers 403 ``Not
    authenticated`` (``None`` when ``auto_error=False``).
    """

    model: HTTPBaseModel

    def __init__(
        self,
        *,
        scheme: str,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self.model = HTTPBaseModel(scheme=scheme, description=description)
        self.scheme_name = self._name_or_default(scheme_name)
        self.auto_error = auto_error

    def _split(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        """The scheme and credentials of the header, or ``None``/403 when either is missing."""
        scheme, credentials = get_authorization_scheme_param(request.headers.get("Authorization"))
        if not (scheme and credentials):
            if self.auto_error:
                raise self._missing(request)
            return None
        return HTTPAuthorizationCredentials(scheme=scheme, credentials=credentials)

    def _expect(
        self, request: Request, expected_scheme: str
    ) -> Optional[HTTPAuthorizationCredentials]:
        """Like ``_split``, also requiring the scheme (any case): a wrong one is a 403
        ``Invalid authentication credentials`` (``None`` when ``auto_error=False``)."""
        found = self._split(request)
        if found is None or found.scheme.lower() == expected_scheme:
            return found
        if self.auto_error:
            if answers_401(request):
                raise self._missing(request)
            raise HTTPException(status_code=HTTP_403_FORBIDDEN, detail=INVALID_CREDENTIALS)
        return None

    def _missing(self, request: Request) -> HTTPException:
        """403 (FastAPI 0.116), or 401 naming the scheme with ``FastAPI(security_401=True)``."""
        if answers_401(request):
            return unauthorized(self.model.scheme.title())
        return _forbidden()

    async def __call__(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        return self._split(request)


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
        self.model = HTTPBaseModel(scheme="basic", description=description)
        self.scheme_name = self._name_or_default(scheme_name)
        self.realm = realm
        self.auto_error = auto_error

    def _challenge(self, detail: str, request: Request) -> HTTPException:
        value = f'Basic realm="{self.realm}"' if self.realm else "Basic"
        if answers_401(request):  # one answer for every failure
            detail = NOT_AUTHENTICATED
        return HTTPException(
            status_code=HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": value}
        )

    async def __call__(self, request: Request) -> Optional[HTTPBasicCredentials]:  # type: ignore[override]
        authorization = request.headers.get("Authorization")
        scheme, param = get_authorization_scheme_param(authorization)
        if not authorization or scheme.lower() != "basic":
            if self.auto_error:
                raise self._challenge(NOT_AUTHENTICATED, request)
            return None
        try:
            decoded = b64decode(param).decode("ascii")
        except ValueError:  # bad base64 (binascii.Error), non-ASCII text or bytes
            raise self._challenge(INVALID_CREDENTIALS, request)
        username, separator, password = decoded.partition(":")
        if not separator:
            raise self._challenge(INVALID_CREDENTIALS, request)
        return HTTPBasicCredentials(username=username, password=password)


class HTTPBearer(HTTPBase):
    """HTTP Bearer authentication; the dependency gives :class:`HTTPAuthorizationCredentials`.

    A missing header or empty credentials answer 403 ``Not authenticated``, another scheme
    403 ``Invalid authentication credentials`` (both ``None`` when ``auto_error=False``).
    """

    model: HTTPBearerModel

    def __init__(
        self,
        *,
        bearerFormat: Optional[str] = None,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self.model = HTTPBearerModel(bearerFormat=bearerFormat, description=description)
        self.scheme_name = self._name_or_default(scheme_name)
        self.auto_error = auto_error

    async def __call__(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        return self._expect(request, "bearer")


class HTTPDigest(HTTPBase):
    """HTTP Digest authentication, as far as reading the header goes: the dependency gives
    :class:`HTTPAuthorizationCredentials` with the raw digest parameters.

    Failures are answered like :class:`HTTPBearer`'s.
    """

    def __init__(
        self,
        *,
        scheme_name: Optional[str] = None,
        description: Optional[str] = None,
        auto_error: bool = True,
    ) -> None:
        self.model = HTTPBaseModel(scheme="digest", description=description)
        self.scheme_name = self._name_or_default(scheme_name)
        self.auto_error = auto_error

    async def __call__(self, request: Request) -> Optional[HTTPAuthorizationCredentials]:
        return self._expect(request, "digest")


# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Annotated"),
        "Doc": "typing_extensions",
        "binascii": "binascii",
    },
)
