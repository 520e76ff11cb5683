"""The OpenAPI document builder behind ``fastapi.openapi.utils``, one concern per module.

``document`` assembles the document; ``operation`` turns one route into its path item,
from ``parameters``, ``request_body`` and ``responses``; ``route_inputs`` reads what a
route takes from the request once per document; ``schemas`` collects every documented
field and has Pydantic generate their schemas in one pass.
"""
