"""FastAPI(...) metadata in the OpenAPI document and the HTML of /docs, /redoc and
/docs/oauth2-redirect: title with HTML-ish characters, summary, description, version,
terms_of_service, contact, license_info (identifier), openapi_tags (order, externalDocs,
tags used but not declared), swagger_ui_parameters, swagger_ui_init_oauth, separate_input_output_schemas."""
from fastapi import FastAPI

app = FastAPI(
    title="ChimichangApp <&> \"quoted\"",
    summary="Deadpool's favorite app. Nuff said.",
    description="""
ChimichangApp API helps you do awesome stuff. 🚀

## Items

You can **read items**.
""",
    version="0.0.1-beta",
    terms_of_service="http://example.com/terms/",
    contact={
        "name": "Deadpoolio the Amazing",
        "url": "http://x-force.example.com/contact/",
        "email": "dp@x-force.example.com",
    },
    license_info={"name": "Apache 2.0", "identifier": "Apache-2.0"},
    openapi_tags=[
        {"name": "users", "description": "Operations with users. The **login** logic is also here."},
        {
            "name": "items",
            "description": "Manage items. So _fancy_ they have their own docs.",
            "externalDocs": {"description": "Items external docs", "url": "https://fastapi.tiangolo.com/"},
        },
        {"name": "unused", "description": "Declared but never used"},
    ],
    swagger_ui_parameters={"syntaxHighlight": False, "deepLinking": False, "docExpansion": "none",
                           "defaultModelsExpandDepth": -1},
    swagger_ui_init_oauth={"clientId": "my-client", "appName": "App </script>", "usePkceWithAuthorizationCodeGrant": True},
)


@app.get("/users/", tags=["users"])
async def get_users():
    return [{"name": "Harry"}, {"name": "Ron"}]


@app.get("/items/", tags=["items", "extra-undeclared"])
async def get_items():
    return [{"name": "wand"}, {"name": "flying broom"}]


@app.get("/untagged")
async def untagged():
    return "no tags"


CASES = [
    {"method": "GET", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs"},
    {"method": "GET", "url": "/redoc"},
    {"method": "GET", "url": "/docs/oauth2-redirect"},
    {"method": "HEAD", "url": "/docs"},
    {"method": "HEAD", "url": "/openapi.json"},
    {"method": "GET", "url": "/docs/"},
    {"method": "GET", "url": "/openapi.json/", "follow_redirects": False},
    {"method": "GET", "url": "/docs?x=1"},
]
