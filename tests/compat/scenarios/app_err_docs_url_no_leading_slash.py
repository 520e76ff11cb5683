"""Startup error: FastAPI(docs_url=...) not starting with '/'."""
from fastapi import FastAPI

app = FastAPI(docs_url="docs")

CASES = []
