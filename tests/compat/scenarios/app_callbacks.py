"""OpenAPI callbacks: an APIRouter whose routes describe the callback (with {$request...}
runtime expressions in the path) passed as callbacks=router.routes to a path operation;
also on include_router and on APIRouter(callbacks=...); the callback routes are not
served by the app; the main endpoint works normally."""
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, HttpUrl

app = FastAPI(title="Callbacks")


class Invoice(BaseModel):
    id: str
    title: str | None = None
    customer: str
    total: float


class InvoiceEvent(BaseModel):
    description: str
    paid: bool


class InvoiceEventReceived(BaseModel):
    ok: bool


invoices_callback_router = APIRouter()


@invoices_callback_router.post(
    "{$callback_url}/invoices/{$request.body.id}", response_model=InvoiceEventReceived
)
def invoice_notification(body: InvoiceEvent):
    pass


other_callback_router = APIRouter()


@other_callback_router.get("{$request.query.hook}", summary="Ping hook")
def ping_hook():
    pass


@app.post("/invoices/", callbacks=invoices_callback_router.routes)
def create_invoice(invoice: Invoice, callback_url: HttpUrl | None = None):
    """Create an invoice. This will (let's imagine) let the API user (some external
    developer) create an invoice."""
    return {"msg": "Invoice received", "callback_url": str(callback_url) if callback_url else None}


router = APIRouter(callbacks=other_callback_router.routes)


@router.get("/with-router-callbacks")
def with_router_callbacks(hook: str):
    return {"hook": hook}


@router.get("/route-and-router-callbacks", callbacks=invoices_callback_router.routes)
def both_callbacks():
    return {"both": True}


app.include_router(router)

router2 = APIRouter()


@router2.get("/include-callbacks")
def include_callbacks():
    return {"include": True}


app.include_router(router2, callbacks=other_callback_router.routes)


CASES = [
    {"method": "POST", "url": "/invoices/", "json": {"id": "1", "customer": "Bob", "total": 2.5}},
    {"method": "POST", "url": "/invoices/?callback_url=https://example.com/hooks",
     "json": {"id": "1", "customer": "Bob", "total": 2.5}},
    {"method": "POST", "url": "/invoices/?callback_url=not-a-url",
     "json": {"id": "1", "customer": "Bob", "total": "x"}},
    {"method": "GET", "url": "/with-router-callbacks?hook=h"},
    {"method": "GET", "url": "/route-and-router-callbacks"},
    {"method": "GET", "url": "/include-callbacks"},
    {"method": "POST", "url": "/invoices/1"},
]
