"""root_path_in_servers=False: the root_path is kept out of `servers` (which stays absent
when not configured), while the docs page still points at root_path + openapi_url."""
from fastapi import FastAPI

app = FastAPI(root_path="/prefix", root_path_in_servers=False)


@app.get("/ping")
def ping():
    return {"ok": True}


CASES = [
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/prefix/ping"},
]
