"""Registration error: Starlette's UploadFile class inside Annotated[..., File()]."""
from typing import Annotated

from fastapi import FastAPI, File
from starlette.datastructures import UploadFile

app = FastAPI()


@app.post("/upload")
async def upload(file: Annotated[UploadFile, File()]):
    return {"filename": file.filename}


CASES = [
    {"method": "POST", "url": "/upload"},
]
