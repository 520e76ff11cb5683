"""OAuth2 password flow with hashed passwords, signed JWT access tokens and scopes.

Run it::

    pip install pyjwt "pwdlib[argon2]" uvicorn
    OAUTH2_JWT_SECRET=$(python -c "import secrets; print(secrets.token_hex(32))") \\
        uvicorn examples.security.oauth2_jwt:app --reload

then open http://127.0.0.1:8000/docs, press "Authorize", log in as ``alice`` / ``wonderland``
(scopes ``me`` and ``items``), ``root`` / ``t0p-secret`` (every scope) or ``bob`` /
``builder`` (a disabled account), and call the operations. With curl::

    curl -d "username=alice&password=wonderland&scope=me items" http://127.0.0.1:8000/token
    curl -H "Authorization: Bearer <access_token>" http://127.0.0.1:8000/users/me

How it fits together:

* ``POST /token`` reads the login form (:class:`OAuth2PasswordRequestForm`), checks the
  password against its argon2 hash and answers a JWT whose ``sub`` is the user name and whose
  ``scope`` lists the scopes granted: the ones asked for that the user may have.
* :data:`oauth2_scheme` (:class:`OAuth2PasswordBearer`) reads ``Authorization: Bearer ...``
  and documents the flow in OpenAPI, so the docs page can log in by itself.
* :func:`get_current_user` decodes and checks the token, then checks that it carries every
  scope the operation asks for: ``Security(get_current_user, scopes=[...])`` on the way down
  collects them into :class:`SecurityScopes`.
"""

from __future__ import annotations

import os
import secrets
from datetime import datetime, timedelta, timezone
from typing import Annotated, Any

import jwt
from pwdlib import PasswordHash
from pydantic import BaseModel

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, SecurityScopes

# -- settings ---------------------------------------------------------------------------------

# Set OAUTH2_JWT_SECRET in production: without it each process signs with its own random key,
# so tokens do not survive a restart nor work across workers.
SECRET_KEY = os.environ.get("OAUTH2_JWT_SECRET") or secrets.token_hex(32)
ALGORITHM = "HS256"
ACCESS_TOKEN_EXPIRE = timedelta(minutes=30)

SCOPES = {
    "me": "Read information about the current user.",
    "items": "Read the current user's items.",
    "admin": "List every user.",
}

# -- models -----------------------------------------------------------------------------------


class Token(BaseModel):
    access_token: str
    token_type: str
    expires_in: int
    scope: str


class User(BaseModel):
    username: str
    full_name: str | None = None
    disabled: bool = False


class UserInDB(User):
    hashed_password: str
    allowed_scopes: list[str]


class Item(BaseModel):
    name: str
    owner: str


# -- users and passwords ----------------------------------------------------------------------

password_hash = PasswordHash.recommended()  # argon2id

# A stand-in for a database. Only hashes are kept; the plain passwords of these demo accounts
# are given in the module docstring.
USERS: dict[str, UserInDB] = {
    "alice": UserInDB(
        username="alice",
        full_name="Alice Liddell",
        hashed_password=password_hash.hash("wonderland"),
        allowed_scopes=["me", "items"],
    ),
    "root": UserInDB(
        username="root",
        full_name="The Administrator",
        hashed_password=password_hash.hash("t0p-secret"),
        allowed_scopes=["me", "items", "admin"],
    ),
    "bob": UserInDB(
        username="bob",
        hashed_password=password_hash.hash("builder"),
        allowed_scopes=["me", "items"],
        disabled=True,
    ),
}

ITEMS = [Item(name="Looking glass", owner="alice"), Item(name="Pocket watch", owner="alice")]

# Verified against when the user does not exist, so that both failures take as long.
_DUMMY_HASH = password_hash.hash(secrets.token_hex(16))


def authenticate_user(username: str, password: str) -> UserInDB | None:
    """The user if ``password`` is theirs, else ``None``."""
    user = USERS.get(username)
    if user is None:
        password_hash.verify(password, _DUMMY_HASH)
        return None
    if not password_hash.verify(password, user.hashed_password):
        return None
    return user


# -- tokens -----------------------------------------------------------------------------------


def create_access_token(subject: str, scopes: list[str], expires_delta: timedelta = ACCESS_TOKEN_EXPIRE) -> str:
    """A signed JWT for ``subject`` carrying ``scopes``, valid for ``expires_delta``."""
    now = datetime.now(timezone.utc)
    claims: dict[str, Any] = {"sub": subject, "scope": " ".join(scopes), "iat": now, "exp": now + expires_delta}
    return jwt.encode(claims, SECRET_KEY, algorithm=ALGORITHM)


oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token", scopes=SCOPES)


def get_current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]) -> User:
    """The user the bearer token was issued to, once the token has every scope required."""
    # RFC 6750: tell the client which scopes would have been enough.
    challenge = f'Bearer scope="{security_scopes.scope_str}"' if security_scopes.scopes else "Bearer"

    def unauthorized(detail: str) -> HTTPException:
        return HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED, detail=detail, headers={"WWW-Authenticate": challenge}
        )

    try:
        claims = jwt.decode(token, SECRET_KEY, algorithms=[ALGORITHM], options={"require": ["exp", "sub"]})
    except jwt.ExpiredSignatureError:
        raise unauthorized("Token has expired")
    except jwt.InvalidTokenError:
        raise unauthorized("Could not validate credentials")
    user = USERS.get(claims["sub"])
    if user is None:
        raise unauthorized("Could not validate credentials")
    granted = str(claims.get("scope", "")).split()
    missing = [scope for scope in security_scopes.scopes if scope not in granted]
    if missing:
        raise unauthorized("Not enough permissions")
    return User(**user.model_dump(include={"username", "full_name", "disabled"}))


def get_current_active_user(user: Annotated[User, Security(get_current_user, scopes=["me"])]) -> User:
    if user.disabled:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Inactive user")
    return user


# -- the app ----------------------------------------------------------------------------------

app = FastAPI(title="OAuth2 with JWT")


@app.post("/token")
def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    """Exchange a user name and password for an access token."""
    user = authenticate_user(form_data.username, form_data.password)
    if user is None:
        # RFC 6749 section 5.2: a wrong password is an "invalid_grant", answered with a 400.
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Incorrect username or password")
    if user.disabled:
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Inactive user")
    granted = [scope for scope in form_data.scopes if scope in user.allowed_scopes]
    return Token(
        access_token=create_access_token(user.username, granted),
        token_type="bearer",
        expires_in=int(ACCESS_TOKEN_EXPIRE.total_seconds()),
        scope=" ".join(granted),
    )


@app.get("/users/me")
def read_users_me(current_user: Annotated[User, Depends(get_current_active_user)]) -> User:
    return current_user


@app.get("/users/me/items")
def read_own_items(
    current_user: Annotated[User, Security(get_current_active_user, scopes=["items"])],
) -> list[Item]:
    return [item for item in ITEMS if item.owner == current_user.username]


@app.get("/users", dependencies=[Security(get_current_user, scopes=["admin"])])
def list_users() -> list[User]:
    return [User(**user.model_dump(include={"username", "full_name", "disabled"})) for user in USERS.values()]


@app.get("/status")
def read_status(current_user: Annotated[User, Depends(get_current_user)]) -> dict[str, str]:
    """Any valid token will do, whatever its scopes."""
    return {"status": "ok", "user": current_user.username}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=8000)
