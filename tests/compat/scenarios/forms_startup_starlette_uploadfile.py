"""Registration error: annotating a parameter with Starlette's own UploadFile class (not FastAPI's)."""
from fastapi import FastAPI
from starlette.datastructures import UploadFile

app = FastAPI()


@app.post("/upload")
async def upload(file: UploadFile):
    return {"filename": file.filename}


CASES = [
    {"method": "POST", "url": "/upload"},
]
