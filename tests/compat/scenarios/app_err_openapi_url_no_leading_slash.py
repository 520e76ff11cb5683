"""Startup error: FastAPI(openapi_url=...) not starting with '/'."""
from fastapi import FastAPI

app = FastAPI(openapi_url="openapi.json")

CASES = []
