"""Registration error: File() used (default-value style) for a path parameter."""
from fastapi import FastAPI, File

app = FastAPI()


@app.post("/upload/{blob}")
def upload(blob: bytes = File()):
    return {"size": len(blob)}


CASES = [
    {"method": "POST", "url": "/upload/x"},
]
