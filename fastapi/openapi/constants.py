"""Constants shared by OpenAPI generation and its extensions."""

# HTTP methods whose operations may document a request body.
METHODS_WITH_BODY = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"}

# Where component schemas live in the document, and the template of a reference to one.
REF_PREFIX = "#/components/schemas/"
REF_TEMPLATE = "#/components/schemas/{model}"
