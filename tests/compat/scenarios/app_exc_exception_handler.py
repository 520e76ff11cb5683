"""A handler registered for the base Exception class: it answers every unhandled error
(via the outermost server-error layer), while HTTPException and validation errors keep
their own handlers; the exception is still re-raised after the response."""
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

app = FastAPI()


class CustomError(Exception):
    pass


@app.exception_handler(Exception)
async def catch_all(request: Request, exc: Exception):
    return JSONResponse(
        status_code=500,
        content={"caught": type(exc).__name__, "args": [str(a) for a in exc.args]},
        headers={"X-Catch-All": "1"},
    )


@app.exception_handler(CustomError)
async def custom_handler(request: Request, exc: CustomError):
    return JSONResponse(status_code=400, content={"custom": str(exc)})


@app.get("/crash")
def crash():
    raise RuntimeError("boom", 2)


@app.get("/custom")
def custom():
    raise CustomError("handled specifically")


@app.get("/http")
def http():
    raise HTTPException(status_code=403, detail="forbidden")


@app.get("/validate")
def validate(n: int):
    return {"n": n}


@app.get("/zero")
def zero():
    return 1 / 0


CASES = [
    {"method": "GET", "url": "/crash"},
    {"method": "GET", "url": "/crash", "raise_server_exceptions": True},
    {"method": "GET", "url": "/custom"},
    {"method": "GET", "url": "/http"},
    {"method": "GET", "url": "/validate?n=x"},
    {"method": "GET", "url": "/zero"},
    {"method": "GET", "url": "/missing"},
    {"method": "PUT", "url": "/crash"},
]
