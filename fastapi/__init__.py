"""A drop-in implementation of FastAPI 0.116 on Starlette and Pydantic v2."""

__version__ = "0.116.1"

from starlette import status as status

from ._lazy import lazy_attributes as _lazy_attributes
from .applications import FastAPI as FastAPI
from .background import BackgroundTasks as BackgroundTasks
from .datastructures import UploadFile as UploadFile
from .exceptions import HTTPException as HTTPException
from .exceptions import WebSocketException as WebSocketException
from .param_functions import Body as Body
from .param_functions import Cookie as Cookie
from .param_functions import Depends as Depends
from .param_functions import File as File
from .param_functions import Form as Form
from .param_functions import Header as Header
from .param_functions import Path as Path
from .param_functions import Query as Query
from .param_functions import Security as Security
from .requests import Request as Request
from .responses import Response as Response
from .routing import APIRouter as APIRouter
from .websockets import WebSocket as WebSocket
from .websockets import WebSocketDisconnect as WebSocketDisconnect

# ``import fastapi`` does not import the OpenAPI machinery nor the compatibility helpers
# (start-up time); code that reaches them as attributes (``fastapi.openapi.utils.get_openapi``,
# ``fastapi._compat.ModelField``) still finds them.
__getattr__ = _lazy_attributes(
    "fastapi", submodules=("_compat", "middleware", "openapi", "security")
)
