"""A step's own parameters read in the generated route runner itself, into local variables.

``read_step`` reads any step (bodies, injected objects, every source) into a dict; for the
common step that takes path, query, header or cookie parameters and injected objects (the
request, ``Response``, ``BackgroundTasks``, ``SecurityScopes``) but no body, the runner instead calls each reader and passes the values on as keywords: no
coroutine, no loop, no dict. Values, errors and their order are ``read_step``'s.
"""

from __future__ import annotations

import keyword

from fastapi._core.compile.plan import Inject, Source, Step

# Where each source is found (as ``Sources.of`` finds it: the query string parsed once per
# request and shared with the request, Starlette's own cached headers, cookies as read).
_SOURCE_EXPRESSIONS = {
    Source.PATH: "request.path_params",
    Source.QUERY: "query_params_of(request)",
    Source.HEADER: "request.headers",
    Source.COOKIE: "sources.of(COOKIE)",
}
# Injected objects that are the request itself (a route's connection is always a Request).
_THE_REQUEST = (Inject.REQUEST, Inject.CONNECTION)
# The others, made where ``read_step`` makes them: after the parameters, failed or not.
_INJECTED = {
    Inject.RESPONSE: "resolution.sub_response()",
    Inject.BACKGROUND: "background_of(resolution, request)",
    Inject.SCOPES: "SecurityScopes(scopes=scopes{index})",
}


def _names(step: Step) -> list[str]:
    names = [name for name, _ in step.named_children]
    names += [reader.name for _, readers in step.sources for reader in readers]
    return names + [name for name, _ in step.injections]


def reads_inline(step: Step) -> bool:
    """Whether the runner reads this step's parameters itself (see the module's doc)."""
    if step.body is not None or any(kind is Inject.WEBSOCKET for _, kind in step.injections):
        return False
    names = _names(step)
    usable = all(name.isidentifier() and not keyword.iskeyword(name) for name in names)
    return usable and len(set(names)) == len(names)


def needs_sources(step: Step) -> bool:
    """Whether reading this step takes the request's ``Sources`` object."""
    if step.reads and not reads_inline(step):
        return True
    return any(source is Source.COOKIE for source, _ in step.sources)


def _readers(step: Step) -> list[tuple[Source, int, str]]:
    """(source, position in ``step.sources``, position in its readers) of each reader."""
    return [
        (source, position, f"{position}_{number}")
        for position, (source, readers) in enumerate(step.sources)
        for number in range(len(readers))
    ]


def bind_lines(index: int, step: Step, holder: str) -> list[str]:
    """Each reader's ``read`` bound once, when the runner is made (``holder``: the step)."""
    lines = [
        f"read{index}_{tag} = {holder}.sources[{position}][1][{tag.split('_')[1]}].read"
        for _, position, tag in _readers(step)
    ]
    if any(kind is Inject.SCOPES for _, kind in step.injections):
        lines.append(f"scopes{index} = {holder}.dependant.security_scopes")
    return lines


def read_lines(index: int, step: Step, ok: str) -> list[str]:
    """Every reader of the step, its value into ``arg{index}_...``, its errors collected."""
    lines: list[str] = []
    current: Source | None = None
    for source, _, tag in _readers(step):
        if source is not current:
            lines.append(f"source = {_SOURCE_EXPRESSIONS[source]}")
            current = source
        lines += [
            f"arg{index}_{tag}, failed = read{index}_{tag}(source)",
            "if failed:",
            "    errors.extend(failed)",
            f"    {ok} = False",
        ]
    for number, (_, kind) in enumerate(step.injections):
        if kind not in _THE_REQUEST:
            lines.append(f"injected{index}_{number} = {_INJECTED[kind].format(index=index)}")
    return lines


def keyword_arguments(index: int, step: Step) -> list[str]:
    """``name=value`` for each argument, in ``read_step``'s order (sub-dependencies, then
    parameters by source, then the request)."""
    arguments = [f"{name}=result{child}" for name, child in step.named_children]
    readers = [reader for _, readers in step.sources for reader in readers]
    arguments += [
        f"{reader.name}=arg{index}_{tag}"
        for reader, (_, _, tag) in zip(readers, _readers(step), strict=True)
    ]
    return arguments + [
        f"{name}=request" if kind in _THE_REQUEST else f"{name}=injected{index}_{number}"
        for number, (name, kind) in enumerate(step.injections)
    ]
