"""A route's plans: the one compiled at registration, and one per set of dependency overrides.

``app.dependency_overrides`` may change at any time (tests do it around each case); the plan
for each distinct set of overrides is compiled once and kept (at most 64 sets per route).
"""

from __future__ import annotations

from typing import Any

from fastapi._core.compile.plan import Overrides, Plan, compile_plan
from fastapi._core.dependant import Dependant

_MAX_OVERRIDE_SETS = 64


class PlanCache:
    """The route's plan, and the plans compiled for the dependency overrides seen so far."""

    __slots__ = (
        "_by_overrides",
        "base",
        "dependant",
        "embed_body",
        "fixed",
        "provider",
        "reads_form",
        "streams",
    )

    def __init__(
        self,
        dependant: Dependant,
        *,
        embed_body: bool,
        provider: Any,
        reads_form: bool = False,
        streams: bool = False,
    ) -> None:
        self.dependant = dependant
        self.embed_body = embed_body
        self.provider = provider
        self.reads_form = reads_form
        self.streams = streams  # the endpoint yields (see compile_plan)
        self.base = self._compile(None)
        self._by_overrides: dict[Any, Plan] = {}
        # Overrides replace sub-dependencies only: without any, every plan is the base one.
        self.fixed = not provider or not dependant.dependencies

    def _compile(self, overrides: Overrides | None) -> Plan:
        return compile_plan(
            self.dependant,
            embed_body=self.embed_body,
            overrides=overrides,
            reads_form=self.reads_form,
            streams=self.streams,
        )

    def current(self) -> Plan:
        if self.fixed:
            return self.base
        overrides: Overrides | None = getattr(self.provider, "dependency_overrides", None)
        if not overrides:
            return self.base
        try:
            key: Any = tuple(overrides.items())
            hash(key)
        except TypeError:  # unhashable callables: compile every time
            return self._compile(overrides)
        plan = self._by_overrides.get(key)
        if plan is None:
            if len(self._by_overrides) > _MAX_OVERRIDE_SETS:
                self._by_overrides.clear()
            plan = self._by_overrides[key] = self._compile(overrides)
        return plan
