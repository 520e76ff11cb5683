"""fastapi._core.compile.plan_cache: one plan per set of dependency overrides, compiled once."""

from types import SimpleNamespace

from fastapi import Depends
from fastapi._core.analyse.dependant import build_dependant
from fastapi._core.compile.plan_cache import PlanCache


def real_user() -> str:
    return "real"


def fake_user() -> str:
    return "fake"


def endpoint(user: str = Depends(real_user)) -> str:
    return user


def test_no_overrides_is_the_plan_compiled_at_registration() -> None:
    provider = SimpleNamespace(dependency_overrides={})
    plans = PlanCache(build_dependant(path="/", call=endpoint), embed_body=False, provider=provider)
    assert plans.current() is plans.base
    assert PlanCache(plans.dependant, embed_body=False, provider=None).current().endpoint.call is endpoint


def test_each_set_of_overrides_is_compiled_once_and_kept() -> None:
    provider = SimpleNamespace(dependency_overrides={})
    plans = PlanCache(build_dependant(path="/", call=endpoint), embed_body=False, provider=provider)
    provider.dependency_overrides[real_user] = fake_user
    overridden = plans.current()
    assert overridden is not plans.base
    assert [step.call for step in overridden.steps] == [fake_user, endpoint]
    assert plans.current() is overridden
    provider.dependency_overrides.clear()
    assert plans.current() is plans.base


def test_unhashable_overrides_are_compiled_each_time() -> None:
    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self) -> str:
            return "unhashable"

    replacement = Unhashable()
    provider = SimpleNamespace(dependency_overrides={real_user: replacement})
    plans = PlanCache(build_dependant(path="/", call=endpoint), embed_body=False, provider=provider)
    first, second = plans.current(), plans.current()
    assert first is not second
    assert first.steps[0].call is replacement


def no_dependencies(q: str = "") -> str:
    return q


def test_without_dependencies_overrides_cannot_change_the_plan() -> None:
    provider = SimpleNamespace(dependency_overrides={real_user: fake_user, no_dependencies: fake_user})
    plans = PlanCache(build_dependant(path="/", call=no_dependencies), embed_body=False, provider=provider)
    assert plans.fixed
    assert plans.current() is plans.base
    assert [step.call for step in plans.current().steps] == [no_dependencies]
    assert not PlanCache(build_dependant(path="/", call=endpoint), embed_body=False, provider=provider).fixed
