"""A route path's template, its parameters and (compiled when first needed) its regex.

Starlette's ``compile_path`` does all three at once; compiling a regex is most of a route's
registration cost, while a request only ever tries the few routes its literal path prefix
selects (see ``route_index``). So the template and convertors are worked out (and checked)
when the route is declared, and the regex on its first match.
"""

from __future__ import annotations

from typing import Any

from starlette.convertors import CONVERTOR_TYPES, Convertor
from starlette.routing import PARAM_REGEX

from fastapi._core.declaration import require


def path_template(path: str) -> tuple[str, dict[str, Convertor[Any]]]:
    """``("/users/{id}", {"id": IntegerConvertor()})`` for ``"/users/{id:int}"``, as Starlette."""
    if "{" not in path:  # a literal path (``PARAM_REGEX`` needs a brace)
        return path, {}
    path_format = ""
    convertors: dict[str, Convertor[Any]] = {}
    duplicated: set[str] = set()
    index = 0
    for match in PARAM_REGEX.finditer(path):
        name, kind = match.groups("str")
        kind = kind.lstrip(":")
        require(
            kind in CONVERTOR_TYPES,
            f"Unknown path convertor '{kind}'",
            fix=f"one of {', '.join(sorted(CONVERTOR_TYPES))}",
        )
        path_format += path[index : match.start()] + "{" + name + "}"
        if name in convertors:
            duplicated.add(name)
        convertors[name] = CONVERTOR_TYPES[kind]
        index = match.end()
    if duplicated:
        names = ", ".join(sorted(duplicated))
        ending = "s" if len(duplicated) > 1 else ""
        raise ValueError(f"Duplicated param name{ending} {names} at path {path}")
    return path_format + path[index:], convertors
