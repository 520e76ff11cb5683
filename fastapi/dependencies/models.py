"""``Dependant`` and ``SecurityRequirement``, where FastAPI has them (defined in ``fastapi._core``)."""

from fastapi._core.dependant import Dependant as Dependant
from fastapi._core.dependant import SecurityRequirement as SecurityRequirement
from fastapi._lazy import lazy_attributes, reexports

# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports("typing", "Any", "Callable", "List", "Optional", "Sequence", "Tuple"),
        **reexports("dataclasses", "dataclass", "field"),
        "ModelField": "fastapi._compat",
        "SecurityBase": "fastapi.security.base",
    },
)
