"""Where BackgroundTasks can be injected and whether every injection point shares one object.

Endpoints, plain and class dependencies, sub-dependencies, ``use_cache=False`` dependencies,
router-, app- and decorator-level dependencies all ask for BackgroundTasks; each records
``id``-free facts (``x is y``) and adds tasks that append to LOG. GET /log shows what ran and
in which order.
"""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI
from starlette.background import BackgroundTasks as StarletteBackgroundTasks

LOG: list[str] = []
SEEN: dict[str, object] = {}


def note(msg: str):
    LOG.append(msg)


async def anote(msg: str):
    LOG.append(msg)


def app_dep(background_tasks: BackgroundTasks):
    SEEN["app"] = background_tasks
    background_tasks.add_task(note, "task from app-level dependency")


def router_dep(tasks: BackgroundTasks):
    SEEN["router"] = tasks
    tasks.add_task(note, "task from router-level dependency")


def decorator_dep(bt: BackgroundTasks):
    SEEN["decorator"] = bt
    bt.add_task(note, "task from decorator dependency")


app = FastAPI(dependencies=[Depends(app_dep)])
router = APIRouter(prefix="/r", dependencies=[Depends(router_dep)])


def sub_dep(background_tasks: BackgroundTasks):
    SEEN["sub"] = background_tasks
    background_tasks.add_task(note, "task from sub-dependency")
    return "sub"


async def mid_dep(background_tasks: BackgroundTasks, s: str = Depends(sub_dep)):
    SEEN["mid"] = background_tasks
    background_tasks.add_task(anote, "task from async mid dependency")
    return s + "+mid"


def uncached_dep(background_tasks: BackgroundTasks):
    SEEN.setdefault("uncached", []).append(background_tasks)
    background_tasks.add_task(note, "task from uncached dependency")


class Notifier:
    def __init__(self, background_tasks: BackgroundTasks, who: str = "anon"):
        self.tasks = background_tasks
        self.who = who

    def notify(self, msg: str):
        self.tasks.add_task(note, f"notify {self.who}: {msg}")


def returns_tasks(background_tasks: BackgroundTasks) -> BackgroundTasks:
    return background_tasks


@router.post("/all", dependencies=[Depends(decorator_dep)])
async def all_points(
    background_tasks: BackgroundTasks,
    chain: Annotated[str, Depends(mid_dep)],
    notifier: Annotated[Notifier, Depends()],
    u1: Annotated[None, Depends(uncached_dep, use_cache=False)],
    u2: Annotated[None, Depends(uncached_dep, use_cache=False)],
    returned=Depends(returns_tasks),
):
    SEEN["endpoint"] = background_tasks
    background_tasks.add_task(note, "task from endpoint")
    notifier.notify("hello")
    ep = SEEN["endpoint"]
    same = {k: (v is ep) for k, v in SEEN.items() if k != "uncached"}
    same["uncached"] = [v is ep for v in SEEN["uncached"]]
    same["notifier"] = notifier.tasks is ep
    same["returned"] = returned is ep
    SEEN.clear()
    return {"chain": chain, "same_instance": same, "queued": len(background_tasks.tasks)}


@app.post("/two-params")
def two_params(a: BackgroundTasks, b: BackgroundTasks):
    a.add_task(note, "via a")
    b.add_task(note, "via b")
    return {"same": a is b, "type_a": type(a).__module__ + "." + type(a).__qualname__, "queued": len(a.tasks)}


@app.post("/starlette-annotation")
def starlette_annotation(tasks: StarletteBackgroundTasks):
    tasks.add_task(note, "via starlette-annotated parameter")
    return {"type": type(tasks).__module__ + "." + type(tasks).__qualname__}


class MyTasks(BackgroundTasks):
    pass


@app.post("/subclass-annotation")
def subclass_annotation(tasks: MyTasks):
    tasks.add_task(note, "via subclass-annotated parameter")
    return {"type": type(tasks).__module__ + "." + type(tasks).__qualname__, "is_mytasks": isinstance(tasks, MyTasks)}


@app.post("/annotated-metadata")
def annotated_metadata(tasks: Annotated[BackgroundTasks, "some metadata"]):
    tasks.add_task(note, "via Annotated[BackgroundTasks, metadata]")
    return {"type": type(tasks).__qualname__}


@app.post("/default-none")
def default_none(tasks: BackgroundTasks = None):
    if tasks is None:
        return {"injected": False}
    tasks.add_task(note, "via parameter with default None")
    return {"injected": True}


@app.post("/only-dependency")
def only_dependency(chain: str = Depends(mid_dep)):
    # The endpoint itself never asks for BackgroundTasks.
    SEEN.clear()
    return {"chain": chain}


@app.post("/own-instance")
def own_instance(background_tasks: BackgroundTasks):
    mine = BackgroundTasks()
    mine.add_task(note, "task on a private BackgroundTasks (never attached)")
    background_tasks.add_task(note, "task on the injected one")
    return {"mine_is_injected": mine is background_tasks}


@app.post("/kwargs")
async def kwargs(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, msg="passed as keyword")
    background_tasks.add_task(LOG.extend, ["builtin method", "as a task"])
    background_tasks.add_task(lambda: LOG.append("lambda task"))
    return {"queued": len(background_tasks.tasks)}


def cached_dep(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task from cached dependency (used twice)")
    return "cached"


def uses_cached(c: str = Depends(cached_dep)):
    return c + "+user"


@app.post("/cached-twice")
def cached_twice(a: str = Depends(cached_dep), b: str = Depends(uses_cached)):
    return {"a": a, "b": b}


def original_dep(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task from ORIGINAL dependency")
    return "original"


def override_dep(background_tasks: BackgroundTasks):
    background_tasks.add_task(note, "task from OVERRIDE dependency")
    return "override"


def override_without_tasks():
    return "override-without-tasks"


@app.post("/overridable")
def overridable(value: str = Depends(original_dep)):
    return {"value": value}


@app.post("/override/{mode}")
def set_override(mode: str):
    if mode == "with-tasks":
        app.dependency_overrides[original_dep] = override_dep
    elif mode == "without-tasks":
        app.dependency_overrides[original_dep] = override_without_tasks
    else:
        app.dependency_overrides.clear()
    return {"mode": mode}


app.include_router(router)


@app.get("/log")
def read_log():
    return LOG


@app.delete("/log")
def clear_log():
    LOG.clear()


CASES = [
    {"method": "POST", "url": "/r/all"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # the Notifier class dependency takes ``who`` from the query string
    {"method": "POST", "url": "/r/all?who=zoe&background_tasks=x&tasks=y"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # two BackgroundTasks parameters in one signature: only one of them is filled
    {"method": "POST", "url": "/two-params"},
    {"method": "POST", "url": "/two-params", "raise_server_exceptions": True},
    {"method": "POST", "url": "/starlette-annotation"},
    {"method": "POST", "url": "/subclass-annotation"},
    {"method": "POST", "url": "/annotated-metadata"},
    {"method": "POST", "url": "/default-none"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/only-dependency"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/own-instance"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/kwargs"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    {"method": "POST", "url": "/cached-twice"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # dependency_overrides: the override's own BackgroundTasks parameter is injected too
    {"method": "POST", "url": "/overridable"},
    {"method": "POST", "url": "/override/with-tasks"},
    {"method": "POST", "url": "/overridable"},
    {"method": "POST", "url": "/override/without-tasks"},
    {"method": "POST", "url": "/overridable"},
    {"method": "POST", "url": "/override/clear"},
    {"method": "POST", "url": "/overridable"},
    {"method": "GET", "url": "/log"},
    {"method": "DELETE", "url": "/log"},
    # GET /log and DELETE /log also run the app-level dependency (it adds a task too)
    {"method": "GET", "url": "/log"},
    {"method": "GET", "url": "/log"},
]
