"""Exception handlers passed as FastAPI(exception_handlers={...}) (by class and by status
code, later @app.exception_handler overriding a constructor entry), and their isolation
between a parent and a mounted sub-FastAPI (each app uses only its own handlers)."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse


class TeaError(Exception):
    pass


async def ctor_404(request: Request, exc: HTTPException):
    return JSONResponse({"ctor_404": request.url.path}, status_code=404)


async def ctor_tea(request: Request, exc: TeaError):
    return PlainTextResponse("ctor tea handler", status_code=418)


async def ctor_validation(request: Request, exc: RequestValidationError):
    return JSONResponse({"ctor_validation": len(exc.errors())}, status_code=400)


app = FastAPI(exception_handlers={404: ctor_404, TeaError: ctor_tea, RequestValidationError: ctor_validation})


@app.exception_handler(TeaError)
async def decorated_tea(request: Request, exc: TeaError):
    return PlainTextResponse("decorated tea handler overrides", status_code=418)


@app.get("/tea")
def tea():
    raise TeaError()


@app.get("/num/{n}")
def num(n: int):
    if n == 0:
        raise HTTPException(status_code=404, detail="zero")
    return {"n": n}


sub = FastAPI()


@sub.get("/tea")
def sub_tea():
    raise TeaError()


@sub.get("/num/{n}")
def sub_num(n: int):
    return {"n": n}


app.mount("/sub", sub)


CASES = [
    {"method": "GET", "url": "/tea"},
    {"method": "GET", "url": "/num/0"},
    {"method": "GET", "url": "/num/x"},
    {"method": "GET", "url": "/missing"},
    {"method": "GET", "url": "/sub/tea"},
    {"method": "GET", "url": "/sub/num/x"},
    {"method": "GET", "url": "/sub/missing"},
]
