"""examples/security/oauth2_jwt.py driven end to end: login, tokens, scopes, failures."""

from __future__ import annotations

import importlib.util
import sys
from datetime import timedelta
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("jwt", reason="the example needs PyJWT")
pytest.importorskip("pwdlib", reason="the example needs pwdlib[argon2]")
pytest.importorskip("argon2", reason="the example needs pwdlib[argon2]")

import jwt  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "security" / "oauth2_jwt.py"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("example_oauth2_jwt", EXAMPLE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def client(example: ModuleType) -> TestClient:
    return TestClient(example.app)


def login(client: TestClient, username: str, password: str, scope: str = "") -> dict:
    response = client.post("/token", data={"username": username, "password": password, "scope": scope})
    assert response.status_code == 200, response.text
    return response.json()


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_passwords_are_stored_hashed(example: ModuleType) -> None:
    alice = example.USERS["alice"]
    assert alice.hashed_password.startswith("$argon2id$")
    assert "wonderland" not in alice.hashed_password


def test_login_and_read_me(client: TestClient, example: ModuleType) -> None:
    body = login(client, "alice", "wonderland", "me items")
    assert body["token_type"] == "bearer"
    assert body["scope"] == "me items"
    assert body["expires_in"] == 1800
    claims = jwt.decode(body["access_token"], example.SECRET_KEY, algorithms=["HS256"])
    assert claims["sub"] == "alice" and claims["scope"] == "me items"

    response = client.get("/users/me", headers=bearer(body["access_token"]))
    assert response.status_code == 200
    assert response.json() == {"username": "alice", "full_name": "Alice Liddell", "disabled": False}
    response = client.get("/users/me/items", headers=bearer(body["access_token"]))
    assert [item["name"] for item in response.json()] == ["Looking glass", "Pocket watch"]


def test_login_grants_only_allowed_scopes(client: TestClient) -> None:
    body = login(client, "alice", "wonderland", "admin items unknown")
    assert body["scope"] == "items"


def test_bad_password_and_unknown_user(client: TestClient) -> None:
    for username, password in [("alice", "wrong"), ("nobody", "wonderland"), ("alice", "")]:
        response = client.post("/token", data={"username": username, "password": password})
        assert response.status_code == 400
        assert response.json() == {"detail": "Incorrect username or password"}


def test_login_form_validation(client: TestClient) -> None:
    response = client.post("/token", data={"username": "alice"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    response = client.post("/token", data={"username": "alice", "password": "wonderland", "grant_type": "code"})
    assert response.status_code == 422


def test_disabled_user(client: TestClient, example: ModuleType) -> None:
    response = client.post("/token", data={"username": "bob", "password": "builder"})
    assert response.status_code == 400
    assert response.json() == {"detail": "Inactive user"}
    # A token issued before the account was disabled still authenticates, but is refused.
    token = example.create_access_token("bob", ["me"])
    response = client.get("/users/me", headers=bearer(token))
    assert response.status_code == 400
    assert response.json() == {"detail": "Inactive user"}


def test_no_token(client: TestClient) -> None:
    response = client.get("/users/me")
    assert response.status_code == 401
    assert response.json() == {"detail": "Not authenticated"}
    assert response.headers["www-authenticate"] == "Bearer"
    response = client.get("/users/me", headers={"Authorization": "Basic YWxpY2U6d29uZGVybGFuZA=="})
    assert response.status_code == 401


def test_expired_token(client: TestClient, example: ModuleType) -> None:
    token = example.create_access_token("alice", ["me"], expires_delta=timedelta(seconds=-10))
    response = client.get("/users/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"detail": "Token has expired"}
    assert response.headers["www-authenticate"] == 'Bearer scope="me"'


@pytest.mark.parametrize(
    "token_kind",
    ["garbage", "wrong-key", "unknown-user", "no-exp", "none-alg", "empty"],
)
def test_invalid_tokens(client: TestClient, example: ModuleType, token_kind: str) -> None:
    claims = {"sub": "alice", "scope": "me", "exp": 4102444800}
    token = {
        "garbage": "not.a.jwt",
        "wrong-key": jwt.encode(claims, "another secret that is long enough!!", algorithm="HS256"),
        "unknown-user": example.create_access_token("mallory", ["me"]),
        "no-exp": jwt.encode({"sub": "alice", "scope": "me"}, example.SECRET_KEY, algorithm="HS256"),
        "none-alg": jwt.encode(claims, None, algorithm="none"),
        "empty": "",
    }[token_kind]
    response = client.get("/users/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"detail": "Could not validate credentials"}
    assert response.headers["www-authenticate"] == 'Bearer scope="me"'


def test_missing_scope(client: TestClient) -> None:
    token = login(client, "alice", "wonderland", "me")["access_token"]
    assert client.get("/users/me", headers=bearer(token)).status_code == 200
    response = client.get("/users/me/items", headers=bearer(token))
    assert response.status_code == 401
    assert response.json() == {"detail": "Not enough permissions"}
    # The operation's scopes first, then those of the dependency below it.
    assert response.headers["www-authenticate"] == 'Bearer scope="items me"'
    response = client.get("/users", headers=bearer(token))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == 'Bearer scope="admin"'


def test_scope_free_operation_and_admin(client: TestClient) -> None:
    token = login(client, "alice", "wonderland")["access_token"]
    assert client.get("/status", headers=bearer(token)).json() == {"status": "ok", "user": "alice"}
    assert client.get("/users/me", headers=bearer(token)).status_code == 401

    admin = login(client, "root", "t0p-secret", "admin")["access_token"]
    response = client.get("/users", headers=bearer(admin))
    assert response.status_code == 200
    assert [user["username"] for user in response.json()] == ["alice", "root", "bob"]
    assert all("hashed_password" not in user for user in response.json())


def test_openapi(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    assert document["components"]["securitySchemes"] == {
        "OAuth2PasswordBearer": {
            "type": "oauth2",
            "flows": {
                "password": {
                    "scopes": {
                        "me": "Read information about the current user.",
                        "items": "Read the current user's items.",
                        "admin": "List every user.",
                    },
                    "tokenUrl": "token",
                }
            },
        }
    }
    paths = document["paths"]
    assert paths["/users/me"]["get"]["security"] == [{"OAuth2PasswordBearer": ["me"]}]
    assert paths["/users/me/items"]["get"]["security"] == [{"OAuth2PasswordBearer": ["items", "me"]}]
    assert paths["/users"]["get"]["security"] == [{"OAuth2PasswordBearer": ["admin"]}]
    assert paths["/status"]["get"]["security"] == [{"OAuth2PasswordBearer": []}]
    assert "security" not in paths["/token"]["post"]
