"""A plan's dependency steps as one generated coroutine function, built once per plan.

The generic way to run steps is a loop that asks each step, per request, what the plan
already knows: how many sub-dependencies it has and which, whether it reads the request,
how it is called, where its exit goes. Here those facts are written into Python source, one
block per step in resolution order, compiled once per distinct *shape* of plan (the same
source serves every route whose dependencies have the same structure) and bound to the
plan's own callables. ``source_of(plan)`` shows what runs.

The generated function runs exactly what ``solve`` would: each step's sub-dependency
results, the cache (where ``remember``), its own parameters (``read_step``), then the call;
a step whose parameters or sub-dependencies failed is not called, and neither are its users.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from fastapi._core.compile.plan import CallKind, Plan, Step
from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._core.execute.threads import run_sync

# (sources, body, resolution, remember, stack, request_stack) -> (endpoint values, ok)
Runner = Callable[..., Awaitable[tuple[dict[str, Any], bool]]]
ReadStep = Callable[..., Awaitable[bool]]

_MAX_SHAPES = 1024
_factories: dict[str, Callable[..., Runner]] = {}


def _call_expression(index: int, step: Step) -> str:
    # A step that reads nothing from the request is called with its sub-dependencies' results
    # as keywords (parameter names are identifiers); the others with what they read as well.
    if step.reads:
        arguments = "**values"
    else:
        arguments = ", ".join(f"{name}=result{child}" for name, child in step.named_children)
    if step.kind is CallKind.ASYNC:
        return f"await call{index}({arguments})"
    if step.kind is CallKind.SYNC:
        return f"await run_sync(call{index}{', ' if arguments else ''}{arguments})"
    target = "stack"
    if step.request_scoped:  # its exit waits for the response, when the caller keeps a stack
        target = "(request_stack if request_stack is not None else stack)"
    manager = f"call{index}({arguments})"
    if step.kind is CallKind.GENERATOR:  # a sync generator runs in a worker thread
        manager = f"ThreadedContext({manager})"
    return f"await {target}.enter_async_context({manager})"


def _children_ok(step: Step) -> str:
    return " and ".join(f"ok{child}" for _, child in step.children) or "True"


def _arguments(step: Step) -> str:
    return "{" + ", ".join(f"{name!r}: result{child}" for name, child in step.named_children) + "}"


def _step_block(index: int, step: Step) -> list[str]:
    """The lines that resolve one dependency (at the run function's indentation)."""
    name = str(getattr(step.call, "__qualname__", type(step.call).__qualname__))
    if not name.isprintable():  # any string can be a name: a line break would end the comment
        name = repr(name)
    lines = [f"# step {index}: {name} ({step.kind.value})", f"ok{index} = {_children_ok(step)}"]
    body = []
    if step.reads:
        body += [
            f"values = {_arguments(step)}",
            f"ok{index} = await read_step(step{index}, sources, body, values, resolution)"
            f" and ok{index}",
        ]
    body += [
        f"if ok{index}:",
        f"    result{index} = {_call_expression(index, step)}",
        f"    if remember and key{index} not in cache:",
        f"        cache[key{index}] = result{index}",
    ]
    if not step.use_cache:
        return lines + body
    condition = "remember" if lines[-1].endswith("True") else f"ok{index} and remember"
    lines += [
        f"if {condition} and key{index} in cache:",
        f"    result{index} = cache[key{index}]",
        "else:",
    ]
    return lines + ["    " + line for line in body]


def plan_source(plan: Plan) -> str:
    """The source of the runner factory for plans shaped like ``plan``."""
    count = len(plan.dependencies)
    run = ["cache = resolution.cache"]
    run += [f"result{index} = None" for index in range(count)]
    for index, step in enumerate(plan.dependencies):
        run += _step_block(index, step)
    endpoint = plan.endpoint
    run += [
        f"ok = {_children_ok(endpoint)}",
        f"return ({_arguments(endpoint)} if ok else {{}}), ok",
    ]
    bind = []
    for index, step in enumerate(plan.dependencies):
        call = "step.context" if step.context is not None else "step.call"
        bind += [
            f"step{index} = steps[{index}]",
            f"call{index} = {call.replace('step.', f'step{index}.')}",
            f"key{index} = step{index}.cache_key",
        ]
    return "\n".join(
        [
            "def make(steps, read_step):",
            *["    " + line for line in bind],
            "",
            "    async def run(sources, body, resolution, remember, stack, request_stack):",
            *["        " + line for line in run],
            "",
            "    return run",
            "",
        ]
    )


def dependency_runner(plan: Plan, read_step: ReadStep) -> Runner:
    """The plan's runner, generated on first use and kept on the plan."""
    runner: Runner | None = plan.runner
    if runner is not None:
        return runner
    source = plan_source(plan)
    factory = _factories.get(source)
    if factory is None:
        namespace: dict[str, Any] = {"run_sync": run_sync, "ThreadedContext": ThreadedContext}
        exec(compile(source, "<fastapi plan>", "exec"), namespace)  # the source written above
        factory = namespace["make"]
        if len(_factories) >= _MAX_SHAPES:
            _factories.clear()
        _factories[source] = factory
    runner = plan.runner = factory(plan.dependencies, read_step)
    return runner


def source_of(plan: Plan) -> str:
    """What runs a plan's dependencies (for reading; ``dependency_runner`` builds it)."""
    return plan_source(plan)
