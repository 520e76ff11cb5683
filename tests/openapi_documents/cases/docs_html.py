"""The HTML of the documentation pages, with default and custom arguments."""

from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)

doc = {
    "swagger_min": get_swagger_ui_html(openapi_url="/o.json", title="T").body.decode(),
    "swagger_full": get_swagger_ui_html(
        openapi_url="/o.json",
        title="T <x>",
        swagger_js_url="a.js",
        swagger_css_url="b.css",
        swagger_favicon_url="f.ico",
        oauth2_redirect_url="/redir",
        init_oauth={"a": [1, None], "b": "c"},
        swagger_ui_parameters={"dom_id": "#x", "n": None, "z": {"q": 1}},
    ).body.decode(),
    "swagger_empty_oauth": get_swagger_ui_html(
        openapi_url="/o.json",
        title="T",
        init_oauth={},
        oauth2_redirect_url="",
        swagger_ui_parameters={},
    ).body.decode(),
    "redoc": get_redoc_html(openapi_url="/o.json", title="T").body.decode(),
    "redoc_nofonts": get_redoc_html(
        openapi_url="/o.json",
        title="T",
        redoc_js_url="r.js",
        redoc_favicon_url="f",
        with_google_fonts=False,
    ).body.decode(),
    "redirect": get_swagger_ui_oauth2_redirect_html().body.decode(),
    "headers": [
        list(h) for h in get_swagger_ui_html(openapi_url="/o.json", title="T").headers.items()
    ],
}
