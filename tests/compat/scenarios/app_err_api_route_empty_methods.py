"""Startup error: api_route(..., methods=[]) (an empty method list)."""
from fastapi import FastAPI, Request

app = FastAPI()


@app.api_route("/no-methods", methods=[])
def no_methods(request: Request):
    return {"method": request.method}


CASES = []
