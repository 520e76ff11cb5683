"""fastapi._core.compile.plan: one step per dependency call in FastAPI's order, each knowing at
compile time which sources it reads and how it is called."""

from collections.abc import AsyncIterator, Iterator
from typing import Annotated

from fastapi import Depends, Header
from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.compile.plan import CallKind, Source, compile_plan


def token(authorization: Annotated[str | None, Header()] = None) -> str | None:
    return authorization


def session() -> Iterator[str]:
    yield "session"


async def audit() -> AsyncIterator[None]:
    yield None


async def endpoint(
    item_id: int, q: str = "", user: str | None = Depends(token), db: str = Depends(session), _: None = Depends(audit)
) -> None: ...


def test_steps_in_resolution_order_with_their_kinds() -> None:
    plan = compile_plan(build_dependant(path="/items/{item_id}", call=endpoint), embed_body=False)
    assert [step.call for step in plan.steps] == [token, session, audit, endpoint]
    assert [step.kind for step in plan.steps] == [
        CallKind.SYNC,
        CallKind.GENERATOR,
        CallKind.ASYNC_GENERATOR,
        CallKind.ASYNC,
    ]
    assert plan.needs_exit_stack and not plan.trivial


def test_each_step_lists_only_the_sources_it_reads() -> None:
    plan = compile_plan(build_dependant(path="/items/{item_id}", call=endpoint), embed_body=False)
    assert [source for source, _ in plan.steps[0].sources] == [Source.HEADER]
    assert plan.steps[1].sources == () and not plan.steps[1].has_params
    assert [source for source, _ in plan.endpoint.sources] == [Source.PATH, Source.QUERY]


def test_an_endpoint_without_parameters_is_trivial() -> None:
    async def hello() -> str:
        return "hi"

    assert compile_plan(build_dependant(path="/", call=hello), embed_body=False).trivial
