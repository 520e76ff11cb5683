"""Annotated[X, Depends(f)] type aliases reused across endpoints and sub-dependencies, with
dependencies taking query, header, cookie and body parameters (typical "current user" app)."""
from typing import Annotated

from fastapi import Body, Cookie, Depends, FastAPI, Header, HTTPException, Query
from pydantic import BaseModel, Field

app = FastAPI()


class User(BaseModel):
    username: str
    admin: bool = False


USERS = {"alice": User(username="alice", admin=True), "bob": User(username="bob")}


def get_token(authorization: Annotated[str | None, Header()] = None) -> str:
    if not authorization or not authorization.startswith("Token "):
        raise HTTPException(status_code=401, detail="Not authenticated", headers={"WWW-Authenticate": "Token"})
    return authorization[len("Token "):]


TokenDep = Annotated[str, Depends(get_token)]


def get_current_user(token: TokenDep) -> User:
    user = USERS.get(token)
    if user is None:
        raise HTTPException(status_code=404, detail=f"Unknown user {token!r}")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_admin(user: CurrentUser) -> User:
    if not user.admin:
        raise HTTPException(status_code=403, detail="Admins only")
    return user


AdminUser = Annotated[User, Depends(get_admin)]


class Pagination:
    def __init__(
        self,
        page: Annotated[int, Query(ge=1)] = 1,
        size: Annotated[int, Query(ge=1, le=100)] = 20,
    ):
        self.page = page
        self.size = size


PageDep = Annotated[Pagination, Depends()]


def get_lang(lang: Annotated[str | None, Cookie()] = None, accept_language: Annotated[str, Header()] = "en"):
    return lang or accept_language.split(",")[0]


LangDep = Annotated[str, Depends(get_lang)]


class Comment(BaseModel):
    text: str = Field(min_length=1, max_length=20)


def get_comment(comment: Comment, user: CurrentUser) -> dict:
    return {"author": user.username, "text": comment.text}


CommentDep = Annotated[dict, Depends(get_comment)]


@app.get("/me")
def me(user: CurrentUser):
    return user


@app.get("/me/token")
def my_token(token: TokenDep, user: CurrentUser):
    return {"token": token, "user": user.username}


@app.get("/admin")
def admin(user: AdminUser, page: PageDep):
    return {"admin": user.username, "page": page.page, "size": page.size}


@app.get("/list")
def listing(page: PageDep, lang: LangDep):
    return {"page": page.page, "size": page.size, "lang": lang}


@app.post("/comments")
def post_comment(comment: CommentDep, lang: LangDep):
    return {"comment": comment, "lang": lang}


@app.post("/comments/with-extra")
def post_comment_extra(comment: CommentDep, priority: Annotated[int, Body()] = 0):
    return {"comment": comment, "priority": priority}


@app.get("/page-first")
def page_first(page: PageDep, user: CurrentUser, flag: bool = False):
    return {"page": page.page, "user": user.username, "flag": flag}


CASES = [
    {"method": "GET", "url": "/me"},
    {"method": "GET", "url": "/me", "headers": {"authorization": "Bearer alice"}},
    {"method": "GET", "url": "/me", "headers": {"authorization": "Token alice"}},
    {"method": "GET", "url": "/me", "headers": {"authorization": "Token carol"}},
    {"method": "GET", "url": "/me", "headers": {"authorization": "Token "}},
    {"method": "GET", "url": "/me/token", "headers": {"authorization": "Token bob"}},
    {"method": "GET", "url": "/admin", "headers": {"authorization": "Token bob"}},
    {"method": "GET", "url": "/admin?page=2&size=5", "headers": {"authorization": "Token alice"}},
    {"method": "GET", "url": "/admin?page=0&size=101", "headers": {"authorization": "Token alice"}},
    {"method": "GET", "url": "/admin?page=0"},
    {"method": "GET", "url": "/list"},
    {"method": "GET", "url": "/list?page=3", "headers": {"accept-language": "fr-FR,fr;q=0.9"}},
    {"method": "GET", "url": "/list", "headers": {"cookie": "lang=de", "accept-language": "fr"}},
    {"method": "GET", "url": "/list?page=-1&size=abc"},
    {"method": "POST", "url": "/comments", "headers": {"authorization": "Token bob"}, "json": {"text": "hi"}},
    {"method": "POST", "url": "/comments", "headers": {"authorization": "Token bob"}, "json": {"text": ""}},
    {"method": "POST", "url": "/comments", "headers": {"authorization": "Token bob"}, "json": {"text": "x" * 21}},
    {"method": "POST", "url": "/comments", "json": {"text": "hi"}},
    {"method": "POST", "url": "/comments", "json": {"text": ""}},
    {"method": "POST", "url": "/comments", "headers": {"authorization": "Token bob"}},
    {"method": "POST", "url": "/comments", "headers": {"authorization": "Token bob", "content-type": "application/json"}, "content": b"{bad json"},
    {"method": "POST", "url": "/comments/with-extra", "headers": {"authorization": "Token alice"}, "json": {"comment": {"text": "yo"}, "priority": 2}},
    {"method": "POST", "url": "/comments/with-extra", "headers": {"authorization": "Token alice"}, "json": {"text": "yo"}},
    {"method": "POST", "url": "/comments/with-extra", "headers": {"authorization": "Token alice"}, "json": {"comment": {"text": "ok"}, "priority": "high"}},
    {"method": "POST", "url": "/comments", "headers": {"content-type": "application/json"}, "content": b"{bad json"},
    {"method": "POST", "url": "/comments", "headers": {"content-type": "text/plain"}, "content": b"hello"},
    {"method": "GET", "url": "/page-first?page=0&flag=maybe"},
    {"method": "GET", "url": "/page-first?page=0&flag=maybe", "headers": {"authorization": "Token bob"}},
    {"method": "GET", "url": "/page-first?page=0&flag=maybe", "headers": {"authorization": "Token nobody"}},
]
