"""Startup error: a dependency parameter annotated with a class pydantic cannot validate."""
from fastapi import Depends, FastAPI

app = FastAPI()


class Connection:
    def __init__(self, dsn: str = "sqlite://"):
        self.dsn = dsn


def get_repo(conn: Connection):
    return conn.dsn


@app.get("/")
def root(repo: str = Depends(get_repo)):
    return {"repo": repo}


CASES = [{"method": "GET", "url": "/"}]
