"""A plan's dependency steps as one generated coroutine function, built once per plan.

The generic way to run steps is a loop that asks each step, per request, what the plan
already knows: how many sub-dependencies it has and which, whether it reads the request,
how it is called, where its exit goes. Here those facts are written into Python source, one
block per step in resolution order, compiled once per distinct *shape* of plan (the same
source serves every route whose dependencies have the same structure) and bound to the
plan's own callables. ``source_of(plan)`` shows what runs.

Two forms are written. ``dependency_runner`` resolves the dependencies for ``solve`` (exits
on the caller's ``AsyncExitStack``). ``route_runner`` serves a route whole: it solves, calls
the route's responder, and runs the exits of its ``yield`` dependencies in nested
``try`` blocks, async generators driven directly (``generator_exits``): what an exit stack
does, in the same order, with the same errors reaching each dependency, at a third of the
cost. Both run exactly what ``solve`` would: each step's sub-dependency results, the cache
(where a result is remembered), its own parameters (``read_step``), then the call; a step
whose parameters or sub-dependencies failed is not called, and neither are its users.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AsyncExitStack
from typing import Any

from fastapi._core.compile.plan import CallKind, Plan, Source, Step
from fastapi._core.execute.generator_exits import not_stopped, throw_into
from fastapi._core.execute.inline_reads import (
    bind_lines,
    keyword_arguments,
    needs_sources,
    read_lines,
    reads_inline,
)
from fastapi._core.execute.query import query_params_of
from fastapi._core.execute.resolution import (
    NOTHING_SOLVED,
    Resolution,
    Sources,
    background_of,
    read_step,
)
from fastapi._core.execute.task_port import TaskPort
from fastapi._core.execute.thread_context import ThreadedContext
from fastapi._core.execute.threads import run_sync
from fastapi._core.security import SecurityScopes

# (sources, body, resolution, remember, stack, request_stack) -> (endpoint values, ok)
Runner = Callable[..., Awaitable[tuple[dict[str, Any], bool]]]
# (request, body, request_stack) -> (resolution, the response or None)
RouteRunner = Callable[..., Awaitable[tuple[Resolution, Any]]]
ReadStep = Callable[..., Awaitable[bool]]

_MAX_SHAPES = 1024
# Python nests at most 20 blocks in one function: beyond this many exits, an exit stack.
_MAX_NESTED_EXITS = 12
_factories: dict[str, Callable[..., Any]] = {}
_by_shape: dict[tuple[Any, ...], Callable[..., Any]] = {}
_NAMESPACE = {
    "run_sync": run_sync,
    "ThreadedContext": ThreadedContext,
    "AsyncExitStack": AsyncExitStack,
    "throw_into": throw_into,
    "not_stopped": not_stopped,
    "Resolution": Resolution,
    "Sources": Sources,
    "NOTHING_SOLVED": NOTHING_SOLVED,
    "query_params_of": query_params_of,
    "COOKIE": Source.COOKIE,
    "background_of": background_of,
    "SecurityScopes": SecurityScopes,
}


def _nests_exit(step: Step, nested: bool) -> bool:
    """Whether the route runner leaves this step in a ``try`` block of its own."""
    return nested and step.context is not None and not step.request_scoped


def _arguments_of(index: int, step: Step, inline: bool) -> str:
    # A step that reads nothing from the request is called with its sub-dependencies' results
    # as keywords (parameter names are identifiers); the others with what they read as well.
    if inline and reads_inline(step):
        return ", ".join(keyword_arguments(index, step))
    if step.reads:
        return "**values"
    return ", ".join(f"{name}=result{child}" for name, child in step.named_children)


def _call_expression(index: int, step: Step, inline: bool) -> str:
    arguments = _arguments_of(index, step, inline)
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


def _enter_lines(index: int, step: Step) -> list[str]:
    """Entering a yield dependency whose exit the route runner nests itself."""
    arguments = _arguments_of(index, step, inline=True)
    if step.kind is CallKind.GENERATOR:
        return [
            f"gen{index} = ThreadedContext(call{index}({arguments}))",
            f"result{index} = await gen{index}.__aenter__()",
        ]
    return [
        f"gen{index} = call{index}({arguments})",
        "try:",
        f"    result{index} = await gen{index}.__anext__()",
        "except StopAsyncIteration:",
        '    raise RuntimeError("generator didn\'t yield") from None',
    ]


def _always_entered(step: Step, remember: str) -> bool:
    """Whether the runner enters this yield dependency on every request."""
    return step.always_ok and not (remember and step.use_cache)


def _exit_wrapped(index: int, step: Step, inner: list[str], entered: bool) -> list[str]:
    """``inner`` (every later step and the response) within this step's exit; ``entered``:
    whether the dependency was entered on every request (else ``gen`` says)."""
    if step.kind is CallKind.GENERATOR:
        error = f"error{index}"
        thrown = f"await gen{index}.__aexit__(type({error}), {error}, {error}.__traceback__)"
        clean = [f"    await gen{index}.__aexit__(None, None, None)"]
    else:
        thrown = f"await throw_into(gen{index}, error{index})"
        clean = [
            "    try:",
            f"        await gen{index}.__anext__()",
            "    except StopAsyncIteration:",
            "        pass",
            "    else:",
            f"        await not_stopped(gen{index})",
        ]
    if entered:
        return [
            "try:",
            *["    " + line for line in inner],
            f"except BaseException as error{index}:",
            f"    if not {thrown}:",
            "        raise",
            "else:",
            *clean,
        ]
    return [
        "try:",
        *["    " + line for line in inner],
        f"except BaseException as error{index}:",
        f"    if gen{index} is None or not {thrown}:",
        "        raise",
        "else:",
        f"    if gen{index} is not None:",
        *["    " + line for line in clean],
    ]


def _children_ok(step: Step) -> str:
    """Whether the step's sub-dependencies all succeeded (those that can fail, that is)."""
    return " and ".join(f"ok{child}" for child in step.fallible_children) or "True"


def _arguments(step: Step) -> str:
    return "{" + ", ".join(f"{name!r}: result{child}" for name, child in step.named_children) + "}"


def _step_block(index: int, step: Step, remember: str, nested: bool, inline: bool) -> list[str]:
    """The lines that resolve one dependency (at the run function's indentation).

    ``remember``: the condition under which results are cached ("" for never); ``nested``:
    its exit nested in the runner; ``inline``: its parameters read by the runner itself.
    """
    name = str(getattr(step.call, "__qualname__", type(step.call).__qualname__))
    if not name.isprintable():  # any string can be a name: a line break would end the comment
        name = repr(name)
    lines = [f"# step {index}: {name} ({step.kind.value})"]
    if not step.always_ok:
        lines.append(f"ok{index} = {_children_ok(step)}")
    body = []
    if inline and reads_inline(step):
        body += read_lines(index, step, f"ok{index}")
    elif step.reads:
        read = f"await read_step(step{index}, sources, body, values, resolution)"
        body += [
            f"values = {_arguments(step)}",
            read if step.always_ok else f"ok{index} = {read} and ok{index}",
        ]
    if _nests_exit(step, nested):
        if not _always_entered(step, remember):
            lines.append(f"gen{index} = None")
        call = _enter_lines(index, step)
    else:
        call = [f"result{index} = {_call_expression(index, step, inline)}"]
    if remember:
        call += [f"if {remember}key{index} not in cache:", f"    cache[key{index}] = result{index}"]
    # A step that cannot fail is called unconditionally.
    body += call if step.always_ok else [f"if ok{index}:", *["    " + line for line in call]]
    if not step.use_cache or not remember:
        return lines + body
    condition = remember if _children_ok(step) == "True" else f"ok{index} and {remember}"
    lines += [
        f"if {condition}key{index} in cache:",
        f"    result{index} = cache[key{index}]",
        "else:",
    ]
    return lines + ["    " + line for line in body]


def _unset_results(plan: Plan) -> list[str]:
    """The results of the steps that may not be called (those that cannot fail always are)."""
    steps = enumerate(plan.dependencies)
    return [f"result{index} = None" for index, step in steps if not step.always_ok]


def _bind_lines(plan: Plan, nested: bool, inline: bool) -> list[str]:
    bind = []
    for index, step in enumerate(plan.dependencies):
        raw = _nests_exit(step, nested) and step.kind is CallKind.ASYNC_GENERATOR
        call = "step.context" if step.context is not None and not raw else "step.call"
        bind += [
            f"step{index} = steps[{index}]",
            f"call{index} = {call.replace('step.', f'step{index}.')}",
            f"key{index} = step{index}.cache_key",
        ]
        if inline and reads_inline(step):
            bind += bind_lines(index, step, f"step{index}")
    return bind


def plan_source(plan: Plan) -> str:
    """The source of the runner factory for plans shaped like ``plan`` (for ``solve``)."""
    run = ["cache = resolution.cache"]
    run += _unset_results(plan)
    for index, step in enumerate(plan.dependencies):
        run += _step_block(index, step, "remember and ", nested=False, inline=False)
    endpoint = plan.endpoint
    run += [
        f"ok = {_children_ok(endpoint)}",
        f"return ({_arguments(endpoint)} if ok else {{}}), ok",
    ]
    return "\n".join(
        [
            "def make(steps, read_step):",
            *["    " + line for line in _bind_lines(plan, nested=False, inline=False)],
            "",
            "    async def run(sources, body, resolution, remember, stack, request_stack):",
            *["        " + line for line in run],
            "",
            "    return run",
            "",
        ]
    )


def _route_tail(plan: Plan) -> list[str]:
    """Innermost: the endpoint's own parameters, then the response (unless any failed)."""
    endpoint = plan.endpoint
    index = len(plan.dependencies)
    lines = [f"ok = {_children_ok(endpoint)}"]
    if reads_inline(endpoint):
        arguments = (argument.split("=", 1) for argument in keyword_arguments(index, endpoint))
        values = "{" + ", ".join(f"{name!r}: {value}" for name, value in arguments) + "}"
        lines += [*read_lines(index, endpoint, "ok"), "if ok:", f"    resolution.values = {values}"]
    else:
        lines.append(f"values = {_arguments(endpoint)} if ok else {{}}")
        if endpoint.reads:
            lines.append("ok = await read_step(endpoint, sources, body, values, resolution) and ok")
        lines += ["if ok:", "    resolution.values = values"]
    return [
        *lines,
        "if resolution.errors:",
        "    outcome = resolution, None",
        "else:",
        "    outcome = resolution, await respond(request, plan, resolution, body)",
    ]


def _route_steps(plan: Plan, nested: bool) -> list[str]:
    """Every step, each nested exit wrapping the steps after it and the response."""
    remember = "True and " if plan.repeats else ""
    lines = _route_tail(plan)
    for index in reversed(range(len(plan.dependencies))):
        step = plan.dependencies[index]
        if _nests_exit(step, nested):
            lines = _exit_wrapped(index, step, lines, _always_entered(step, remember))
        lines = _step_block(index, step, remember, nested, inline=True) + lines
    return lines


def route_source(plan: Plan) -> str:
    """The source of the route runner factory for plans shaped like ``plan``."""
    exits = sum(1 for step in plan.dependencies if _nests_exit(step, True))
    nested = exits <= _MAX_NESTED_EXITS
    run = ["resolution = Resolution(tasks)", "errors = resolution.errors"]
    if any(needs_sources(step) for step in plan.steps):
        run.append("sources = Sources(request)")
    if plan.repeats:
        run.append("cache = resolution.cache")
    run += _unset_results(plan)
    # What a yield dependency swallowing the error leaves: no errors and no response.
    run.append("outcome = NOTHING_SOLVED, None")
    steps = _route_steps(plan, nested)
    if not nested:
        steps = ["async with AsyncExitStack() as stack:", *["    " + line for line in steps]]
    else:
        run.append("stack = None")
    bind = [*_bind_lines(plan, nested, inline=True), "endpoint = plan.endpoint"]
    if reads_inline(plan.endpoint):
        bind += bind_lines(len(plan.dependencies), plan.endpoint, "endpoint")
    return "\n".join(
        [
            "def make(steps, read_step, plan, respond, tasks):",
            *["    " + line for line in bind],
            "",
            "    async def run(request, body, request_stack):",
            *["        " + line for line in run + steps],
            "        return outcome",
            "",
            "    return run",
            "",
        ]
    )


def _factory(source: str) -> Callable[..., Any]:
    factory = _factories.get(source)
    if factory is None:
        namespace: dict[str, Any] = dict(_NAMESPACE)
        exec(compile(source, "<fastapi plan>", "exec"), namespace)  # the source written here
        factory = namespace["make"]
        if len(_factories) >= _MAX_SHAPES:
            _factories.clear()
        _factories[source] = factory
    return factory


def _step_shape(step: Step) -> tuple[Any, ...]:
    """Everything about a step that the generated source depends on (but its name)."""
    sources = tuple(
        (source, tuple(reader.name for reader in readers)) for source, readers in step.sources
    )
    return (
        step.kind,
        step.reads,
        step.body is None,
        step.injections,
        sources,
        step.named_children,
        step.fallible_children,
        step.always_ok,
        step.use_cache,
        step.context is None,
        step.request_scoped,
    )


def _shape(plan: Plan, form: str) -> tuple[Any, ...]:
    """What decides a plan's generated source: plans of one shape share its compiled code
    (found without writing the source out again, a third of a route's build time)."""
    return (form, plan.repeats, *(_step_shape(step) for step in plan.steps))


def _shared_factory(plan: Plan, form: str, source: Callable[[Plan], str]) -> Callable[..., Any]:
    shape = _shape(plan, form)
    factory = _by_shape.get(shape)
    if factory is None:
        factory = _factory(source(plan))
        if len(_by_shape) >= _MAX_SHAPES:
            _by_shape.clear()
        _by_shape[shape] = factory
    return factory


def dependency_runner(plan: Plan, read_step: ReadStep) -> Runner:
    """The plan's runner for ``solve``, generated on first use and kept on the plan."""
    runner: Runner | None = plan.runner
    if runner is not None:
        return runner
    factory = _shared_factory(plan, "solve", plan_source)
    runner = plan.runner = factory(plan.dependencies, read_step)
    return runner


Respond = Callable[..., Awaitable[Any]]


def route_runner(plan: Plan, respond: Respond, tasks: TaskPort) -> RouteRunner:
    """What serves a request with ``plan``: solve, ``respond(request, plan, resolution,
    body)`` when nothing failed, every exit; generated once per plan and responder."""
    runner: RouteRunner | None = plan.route_runner
    if runner is None:
        factory = _shared_factory(plan, "route", route_source)
        runner = plan.route_runner = factory(plan.dependencies, read_step, plan, respond, tasks)
    return runner


def source_of(plan: Plan, *, route: bool = False) -> str:
    """What runs a plan's dependencies (for reading; the runners above build it)."""
    return route_source(plan) if route else plan_source(plan)
