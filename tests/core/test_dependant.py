"""fastapi._core.dependant: the analysed form of a callable, and its cache identity."""

from __future__ import annotations

from fastapi._core.dependant import Dependant


def run() -> None: ...


def test_the_cache_key_is_the_callable_and_its_scopes_as_a_set() -> None:
    first = Dependant(call=run, security_scopes=["b", "a", "a"])
    second = Dependant(call=run, security_scopes=["a", "b"])
    assert first.cache_key == second.cache_key == (run, ("a", "b"))
    assert Dependant(call=run).cache_key == (run, ())
    assert Dependant(call=len).cache_key != Dependant(call=run).cache_key


def test_a_new_dependant_has_empty_parameter_lists_of_its_own() -> None:
    one, two = Dependant(), Dependant()
    one.query_params.append(object())  # type: ignore[arg-type]
    assert two.query_params == [] and one.use_cache and one.scope is None
