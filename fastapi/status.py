from starlette.status import *  # noqa: F403
