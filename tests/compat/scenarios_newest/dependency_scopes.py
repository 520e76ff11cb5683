"""Depends(scope=...): a yield dependency exits before ("function") or after ("request") the
response is sent; a stream shows which, by reading the resource while it is sent."""

from typing import Annotated

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse

app = FastAPI()


class Resource:
    def __init__(self) -> None:
        self.open = True


async def resource():
    held = Resource()
    yield held
    held.open = False


def sync_resource():
    held = Resource()
    yield held
    held.open = False


def report(held: Resource):
    def chunks():
        yield f"open while streaming: {held.open}"

    return StreamingResponse(chunks(), media_type="text/plain")


@app.get("/function")
def function_scope(held: Annotated[Resource, Depends(resource, scope="function")]):
    return report(held)


@app.get("/request")
def request_scope(held: Annotated[Resource, Depends(resource, scope="request")]):
    return report(held)


@app.get("/request-sync")
def request_scope_sync(held: Annotated[Resource, Depends(sync_resource, scope="request")]):
    return report(held)


@app.get("/generator-function", response_model=None)
async def generator_function(held: Annotated[Resource, Depends(resource, scope="function")]):
    yield {"open": held.open}


@app.get("/generator-request")
async def generator_request(held: Annotated[Resource, Depends(resource, scope="request")]):
    yield {"open": held.open}


CASES = [
    {"method": "GET", "url": "/function"},
    {"method": "GET", "url": "/request"},
    {"method": "GET", "url": "/request-sync"},
    {"method": "GET", "url": "/generator-function"},
    {"method": "GET", "url": "/generator-request"},
]
