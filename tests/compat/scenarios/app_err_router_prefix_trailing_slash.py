"""Startup error: APIRouter(prefix=...) ending with '/'."""
from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter(prefix="/api/")

CASES = []
