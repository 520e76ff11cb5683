"""A response key that is neither a status code nor a range: the document cannot be built."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/bad", responses={"abc": {"description": "x"}})
def bad():
    return {}
