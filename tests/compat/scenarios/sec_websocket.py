"""Security schemes on WebSocket routes: the schemes take a Request, which a socket is not."""
from typing import Annotated, Optional

from fastapi import Depends, FastAPI, WebSocket
from fastapi.security import APIKeyQuery, HTTPBearer, OAuth2PasswordBearer

app = FastAPI()

oauth2 = OAuth2PasswordBearer(tokenUrl="token")
api_key = APIKeyQuery(name="key", auto_error=False)
bearer = HTTPBearer(auto_error=False)


@app.websocket("/ws-oauth2")
async def ws_oauth2(websocket: WebSocket, token: Annotated[str, Depends(oauth2)]):
    await websocket.accept()
    await websocket.send_json({"token": token})
    await websocket.close()


@app.websocket("/ws-key")
async def ws_key(websocket: WebSocket, key: Annotated[Optional[str], Depends(api_key)]):
    await websocket.accept()
    await websocket.send_json({"key": key})
    await websocket.close()


@app.websocket("/ws-bearer")
async def ws_bearer(websocket: WebSocket, cred: Annotated[Optional[object], Depends(bearer)]):
    await websocket.accept()
    await websocket.send_json({"bearer": cred is not None})
    await websocket.close()


@app.get("/http-oauth2")
def http_oauth2(token: Annotated[str, Depends(oauth2)]):
    return {"token": token}


CASES = [
    {"websocket": "/ws-oauth2", "headers": {"authorization": "Bearer abc"}, "receive": 1},
    {"websocket": "/ws-oauth2", "receive": 1},
    {"websocket": "/ws-key?key=k", "receive": 1},
    {"websocket": "/ws-bearer", "headers": {"authorization": "Bearer abc"}, "receive": 1},
    {"method": "GET", "url": "/http-oauth2", "headers": {"authorization": "Bearer abc"}},
]
