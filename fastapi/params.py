"""Parameter and dependency markers (``Query``, ``Body``, ``Depends``...), as FastAPI names them.

They are defined in ``fastapi._core.params``: the engine reads them, and ``_core`` imports no
public module.
"""

from fastapi._compat_versions import PYDANTIC_VERSION_MINOR_TUPLE as PYDANTIC_VERSION_MINOR_TUPLE
from fastapi._core.params import Body as Body
from fastapi._core.params import Cookie as Cookie
from fastapi._core.params import Depends as Depends
from fastapi._core.params import File as File
from fastapi._core.params import Form as Form
from fastapi._core.params import Header as Header
from fastapi._core.params import Param as Param
from fastapi._core.params import ParamTypes as ParamTypes
from fastapi._core.params import Path as Path
from fastapi._core.params import Query as Query
from fastapi._core.params import Security as Security
from fastapi._core.params import Undefined as Undefined
from fastapi._core.params import _Unset as _Unset
from fastapi._lazy import lazy_attributes, reexports

# Names FastAPI's module carries from elsewhere, which extensions import from it.
__getattr__ = lazy_attributes(
    __name__,
    {
        **reexports(
            "typing",
            "Annotated",
            "Any",
            "Callable",
            "Dict",
            "List",
            "Optional",
            "Sequence",
            "Union",
        ),
        "Enum": "enum",
        "FieldInfo": "pydantic.fields",
        "warnings": "warnings",
        "Example": "fastapi.openapi.models",
        "deprecated": "typing_extensions",
        "PYDANTIC_V2": "fastapi._compat",
    },
)
