"""``Dependant`` and ``SecurityRequirement``, where FastAPI has them (defined in ``fastapi._core``)."""

from fastapi._core.dependant import Dependant as Dependant
from fastapi._core.dependant import SecurityRequirement as SecurityRequirement
