"""fastapi-users (15): registration, login, the current user, on an in-memory user table."""
import dataclasses
from typing import Optional

from fastapi_users import BaseUserManager, FastAPIUsers, IntegerIDMixin, schemas
from fastapi_users.authentication import AuthenticationBackend, BearerTransport
from fastapi_users.db import BaseUserDatabase

from fastapi import Depends, FastAPI

REQUIRES = "fastapi_users"


@dataclasses.dataclass
class User:
    id: int
    email: str
    hashed_password: str
    is_active: bool = True
    is_superuser: bool = False
    is_verified: bool = False


class UserRead(schemas.BaseUser[int]):
    pass


class UserCreate(schemas.BaseUserCreate):
    pass


class UserUpdate(schemas.BaseUserUpdate):
    pass


class MemoryUsers(BaseUserDatabase[User, int]):
    def __init__(self) -> None:
        self.users: dict[int, User] = {}

    async def get(self, id: int) -> Optional[User]:
        return self.users.get(id)

    async def get_by_email(self, email: str) -> Optional[User]:
        return next((u for u in self.users.values() if u.email.lower() == email.lower()), None)

    async def create(self, create_dict: dict) -> User:
        user = User(id=len(self.users) + 1, **create_dict)
        self.users[user.id] = user
        return user

    async def update(self, user: User, update_dict: dict) -> User:
        for key, value in update_dict.items():
            setattr(user, key, value)
        return user

    async def delete(self, user: User) -> None:
        del self.users[user.id]


class NumberedTokens:
    """A token per user, predictable so that the recorded answers repeat."""

    async def read_token(self, token, user_manager):
        if token is None or not token.startswith("token-"):
            return None
        return await user_manager.user_db.get(int(token.removeprefix("token-")))

    async def write_token(self, user: User) -> str:
        return f"token-{user.id}"

    async def destroy_token(self, token: str, user: User) -> None:
        return None


DATABASE = MemoryUsers()


class UserManager(IntegerIDMixin, BaseUserManager[User, int]):
    reset_password_token_secret = "secret"
    verification_token_secret = "secret"


async def get_user_manager():
    yield UserManager(DATABASE)


backend = AuthenticationBackend(
    name="numbered",
    transport=BearerTransport(tokenUrl="auth/login"),
    get_strategy=lambda: NumberedTokens(),
)
fastapi_users = FastAPIUsers[User, int](get_user_manager, [backend])
current_user = fastapi_users.current_user(active=True)

app = FastAPI()
app.include_router(fastapi_users.get_auth_router(backend), prefix="/auth", tags=["auth"])
app.include_router(fastapi_users.get_register_router(UserRead, UserCreate), prefix="/auth", tags=["auth"])
app.include_router(fastapi_users.get_users_router(UserRead, UserUpdate), prefix="/users", tags=["users"])


@app.get("/private")
def private(user: User = Depends(current_user)):
    return {"hello": user.email}


REGISTER = {"email": "king@example.com", "password": "correct horse"}
LOGIN = {"username": "king@example.com", "password": "correct horse"}
BEARER = {"Authorization": "Bearer token-1"}
CASES = [
    {"method": "POST", "url": "/auth/register", "json": REGISTER},
    {"method": "POST", "url": "/auth/register", "json": REGISTER},
    {"method": "POST", "url": "/auth/register", "json": {"email": "not-an-email", "password": "x"}},
    {"method": "POST", "url": "/auth/login", "data": LOGIN},
    {"method": "POST", "url": "/auth/login", "data": {"username": "king@example.com", "password": "wrong"}},
    {"method": "POST", "url": "/auth/login", "data": {}},
    {"method": "GET", "url": "/users/me", "headers": BEARER},
    {"method": "GET", "url": "/users/me"},
    {"method": "PATCH", "url": "/users/me", "headers": BEARER, "json": {"email": "queen@example.com"}},
    {"method": "GET", "url": "/users/1", "headers": BEARER},
    {"method": "GET", "url": "/private", "headers": BEARER},
    {"method": "GET", "url": "/private", "headers": {"Authorization": "Bearer nope"}},
    {"method": "POST", "url": "/auth/logout", "headers": BEARER},
]
