"""The OAuth2 password flow end to end: a token endpoint reading OAuth2PasswordRequestForm
(and the Strict form, and a subclass), tokens checked by OAuth2PasswordBearer, scopes granted
at login and required per operation through Security/SecurityScopes."""
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import (
    OAuth2PasswordBearer,
    OAuth2PasswordRequestForm,
    OAuth2PasswordRequestFormStrict,
    SecurityScopes,
)

app = FastAPI()

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="token", scopes={"me": "Read information about the current user.", "items": "Read items."}
)

USERS = {"johndoe": {"password": "secret", "scopes": ["me", "items"]}, "alice": {"password": "wonder", "scopes": ["me"]}}


class LoginForm(OAuth2PasswordRequestForm):
    """A subclass that keeps the parent's form fields."""


@app.post("/token")
def login(form_data: Annotated[OAuth2PasswordRequestForm, Depends()]):
    user = USERS.get(form_data.username)
    if not user or user["password"] != form_data.password:
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    granted = [s for s in form_data.scopes if s in user["scopes"]]
    return {"access_token": form_data.username + ":" + ",".join(granted), "token_type": "bearer"}


@app.post("/token-strict")
def login_strict(form_data: OAuth2PasswordRequestFormStrict = Depends()):
    return {"username": form_data.username, "scopes": form_data.scopes, "grant_type": form_data.grant_type,
            "client_id": form_data.client_id, "client_secret": form_data.client_secret}


@app.post("/token-subclass")
def login_subclass(form_data: Annotated[LoginForm, Depends()]):
    return {"type": type(form_data).__name__, "username": form_data.username, "scopes": form_data.scopes}


def get_current_user(security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]):
    authenticate_value = f'Bearer scope="{security_scopes.scope_str}"' if security_scopes.scopes else "Bearer"
    username, _, scope_list = token.partition(":")
    if username not in USERS:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Could not validate credentials",
            headers={"WWW-Authenticate": authenticate_value},
        )
    granted = scope_list.split(",") if scope_list else []
    for scope in security_scopes.scopes:
        if scope not in granted:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Not enough permissions",
                headers={"WWW-Authenticate": authenticate_value},
            )
    return {"username": username, "scopes": granted}


@app.get("/users/me")
def read_users_me(current_user: Annotated[dict, Security(get_current_user, scopes=["me"])]):
    return current_user


@app.get("/users/me/items")
def read_own_items(current_user: Annotated[dict, Security(get_current_user, scopes=["items"])]):
    return [{"item_id": "Foo", "owner": current_user["username"]}]


@app.get("/status")
def read_status(current_user: Annotated[dict, Depends(get_current_user)]):
    return {"status": "ok", "user": current_user["username"]}


def bearer(token: str) -> dict:
    return {"authorization": f"Bearer {token}"}


CASES = [
    {"method": "POST", "url": "/token", "data": {"username": "johndoe", "password": "secret", "scope": "me items"}},
    {"method": "POST", "url": "/token", "data": {"username": "johndoe", "password": "secret"}},
    {"method": "POST", "url": "/token", "data": {"username": "alice", "password": "wonder", "scope": "me items"}},
    {"method": "POST", "url": "/token", "data": {"username": "johndoe", "password": "wrong"}},
    {"method": "POST", "url": "/token", "data": {"username": "nobody", "password": "x"}},
    {"method": "POST", "url": "/token", "data": {"username": "johndoe"}},
    {"method": "POST", "url": "/token", "data": {"password": "secret"}},
    {"method": "POST", "url": "/token", "data": {"username": "johndoe", "password": "secret", "grant_type": "password"}},
    {"method": "POST", "url": "/token", "data": {"username": "johndoe", "password": "secret", "grant_type": "client_credentials"}},
    {"method": "POST", "url": "/token", "data": {"username": "johndoe", "password": "secret", "scope": "  me\titems\nx  "}},
    {"method": "POST", "url": "/token", "json": {"username": "johndoe", "password": "secret"}},
    {"method": "POST", "url": "/token", "content": b"username=johndoe&password=secret&username=other",
     "headers": {"content-type": "application/x-www-form-urlencoded"}},
    {"method": "POST", "url": "/token-strict", "data": {"username": "u", "password": "p"}},
    {"method": "POST", "url": "/token-strict", "data": {"username": "u", "password": "p", "grant_type": "password",
                                                       "scope": "a b", "client_id": "id", "client_secret": "sec"}},
    {"method": "POST", "url": "/token-strict", "data": {"username": "u", "password": "p", "grant_type": "passwords"}},
    {"method": "POST", "url": "/token-strict"},
    {"method": "POST", "url": "/token-subclass", "data": {"username": "u", "password": "p", "scope": "x y"}},
    {"method": "POST", "url": "/token-subclass", "data": {"username": "u"}},
    {"method": "GET", "url": "/users/me"},
    {"method": "GET", "url": "/users/me", "headers": bearer("johndoe:me,items")},
    {"method": "GET", "url": "/users/me", "headers": bearer("alice:")},
    {"method": "GET", "url": "/users/me", "headers": bearer("mallory:me")},
    {"method": "GET", "url": "/users/me/items", "headers": bearer("alice:me")},
    {"method": "GET", "url": "/users/me/items", "headers": bearer("johndoe:me,items")},
    {"method": "GET", "url": "/status", "headers": bearer("alice:")},
    {"method": "GET", "url": "/status", "headers": {"authorization": "Basic abc"}},
]
