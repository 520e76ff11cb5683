"""The exit stack of ``Depends(..., scope="request")``: closed once the response was sent.

The route handler opens it only when the route has such a dependency, and leaves it in the
request's scope; ``fastapi.routing.request_response`` closes it after sending the response
(or when handling the request failed, with that error, so the dependency sees it).
"""

from __future__ import annotations

from contextlib import AsyncExitStack

from starlette.requests import Request
from starlette.types import Scope

REQUEST_EXIT_STACK = "fastapi.request_exit_stack"


def open_request_stack(request: Request) -> AsyncExitStack:
    stack = request.scope.get(REQUEST_EXIT_STACK)
    if stack is None:
        stack = request.scope[REQUEST_EXIT_STACK] = AsyncExitStack()
    return stack


async def close_request_stack(scope: Scope, error: BaseException | None = None) -> None:
    """Run the request-scoped exits (no-op when the route opened none)."""
    stack: AsyncExitStack | None = scope.pop(REQUEST_EXIT_STACK, None)
    if stack is None:
        return
    if error is None:
        await stack.aclose()
    else:
        await stack.__aexit__(type(error), error, error.__traceback__)
