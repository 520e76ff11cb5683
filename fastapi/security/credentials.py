"""How every built-in scheme reads its credential: find it, parse it, or turn the request away.

A scheme says three things and :class:`CredentialScheme` does the rest, the same way for API
keys, HTTP authentication, OAuth2 and OpenID Connect:

- ``locate``: the raw value (a header, a query parameter, a cookie); absent or empty is
  ``Not authenticated``;
- ``parse``: the value given to the endpoint, or :class:`Unusable` with what to answer;
- ``refusal``: how the answer looks (:class:`Refusal`).

With ``auto_error=False`` a missing or unusable credential gives ``None`` instead, unless
the parser says the failure is final (HTTP Basic credentials that cannot be decoded).

FastAPI 0.116 answers most failures with 403 and no challenge; FastAPI 0.122 made them all
401 ``Not authenticated`` with a ``WWW-Authenticate`` header naming the scheme. An app opts
in to the newer answers with ``FastAPI(security_401=True)``, so a 0.116 app keeps its own.
"""

from dataclasses import dataclass
from typing import Generic, Optional, TypeVar

from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import HTTPConnection, Request
from starlette.status import HTTP_401_UNAUTHORIZED, HTTP_403_FORBIDDEN

from fastapi._core.security import SecurityBase

NOT_AUTHENTICATED = "Not authenticated"
INVALID_CREDENTIALS = "Invalid authentication credentials"

CredentialT = TypeVar("CredentialT")


class Unusable(Exception):
    """A parser's verdict: a credential is there, but it cannot be used."""

    def __init__(self, detail: str = INVALID_CREDENTIALS, *, final: bool = False) -> None:
        super().__init__(detail)
        self.detail = detail
        #: Refused even with ``auto_error=False``.
        self.final = final


def answers_401(connection: HTTPConnection | None) -> bool:
    """Whether the app serving this request asked for FastAPI 0.122's 401 answers."""
    if connection is None:
        return False
    return bool(getattr(connection.scope.get("app"), "security_401", False))


@dataclass(frozen=True)
class Refusal:
    """How a scheme turns a request away.

    ``challenge`` is the ``WWW-Authenticate`` value naming the scheme. ``challenged``: FastAPI
    0.116 already answers 401 with it (HTTP Basic, OAuth2 bearer tokens); otherwise 0.116
    answers 403 without a header. ``exception`` is the class FastAPI raises for this scheme
    (Starlette's own for API keys and OpenID Connect), which exception handlers match on.
    """

    challenge: str
    challenged: bool = False
    exception: type[StarletteHTTPException] = StarletteHTTPException

    def answer(self, detail: str, connection: HTTPConnection | None) -> StarletteHTTPException:
        if answers_401(connection):  # one answer for every failure
            detail = NOT_AUTHENTICATED
        elif not self.challenged:
            return self.exception(status_code=HTTP_403_FORBIDDEN, detail=detail)
        headers = {"WWW-Authenticate": self.challenge}
        return self.exception(status_code=HTTP_401_UNAUTHORIZED, detail=detail, headers=headers)


class CredentialScheme(SecurityBase, Generic[CredentialT]):
    """A scheme that reads one credential from each request; subclasses say where and how."""

    auto_error: bool

    def _declare(self, model: object, scheme_name: Optional[str], auto_error: bool) -> None:
        """What every scheme's constructor sets: its OpenAPI model, its name, ``auto_error``."""
        self.model = model
        self.scheme_name = self._name_or_default(scheme_name)
        self.auto_error = auto_error

    def locate(self, request: Request) -> Optional[str]:
        """The raw credential of the request, ``None`` when there is none."""
        raise NotImplementedError

    def parse(self, raw: str) -> CredentialT:
        """The value given to the endpoint; raises :class:`Unusable`. By default the raw value."""
        return raw  # type: ignore[return-value]

    def refusal(self) -> Refusal:
        """How this scheme answers a request without a usable credential."""
        raise NotImplementedError

    def read(self, request: Request) -> Optional[CredentialT]:
        """The credential of the request, or ``None``; raises the refusal. Each scheme's
        ``async __call__`` (its own, as error messages name it) returns this."""
        raw = self.locate(request)
        if raw:
            try:
                return self.parse(raw)
            except Unusable as unusable:
                failure = unusable
        else:
            failure = Unusable(NOT_AUTHENTICATED)
        # Raised outside the except block: the answer carries no parser exception as context.
        if self.auto_error or failure.final:
            raise self.refusal().answer(failure.detail, request)
        return None
