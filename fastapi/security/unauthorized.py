"""``FastAPI(security_401=True)``: schemes answer 401 with a challenge, as newer FastAPI does.

FastAPI 0.116 answers a missing API key, bearer token or OAuth2 token with 403 (and a wrong
Bearer/Digest scheme with "Invalid authentication credentials"); FastAPI 0.122 made every
such failure a 401 ``Not authenticated`` with a ``WWW-Authenticate`` header naming the
scheme. Apps opt in with one keyword, so a 0.116 app keeps its answers.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.status import HTTP_401_UNAUTHORIZED

from fastapi.exceptions import HTTPException

NOT_AUTHENTICATED = "Not authenticated"


def answers_401(connection: HTTPConnection) -> bool:
    """Whether the app serving this request asked for 401 answers."""
    return bool(getattr(connection.scope.get("app"), "security_401", False))


def unauthorized(challenge: str) -> HTTPException:
    """The 401 ``Not authenticated`` whose ``WWW-Authenticate`` names the scheme."""
    return HTTPException(
        status_code=HTTP_401_UNAUTHORIZED,
        detail=NOT_AUTHENTICATED,
        headers={"WWW-Authenticate": challenge},
    )
