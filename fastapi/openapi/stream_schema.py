"""The documented content of an endpoint that ``yield``\\s: one schema per streamed item.

OpenAPI 3.2's ``itemSchema`` describes each item of a sequential media type: a JSON Lines
item is the declared item type; an event-stream item is an event object whose ``data``
holds the item as JSON.
"""

from __future__ import annotations

from typing import Any

from fastapi._core.serialize.stream import JSON_LINES


def _event_schema(data: dict[str, Any] | None) -> dict[str, Any]:
    data_schema: dict[str, Any] = {"type": "string"}
    if data is not None:
        data_schema.update(contentMediaType="application/json", contentSchema=data)
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            "data": data_schema,
            "event": {"type": "string"},
            "id": {"type": "string"},
            "retry": {"type": "integer", "minimum": 0},
        },
    }
    if data is not None:
        schema["required"] = ["data"]
    return schema


def stream_content(
    stream_format: str, item_schema: dict[str, Any] | None, media_type: str | None
) -> dict[str, Any] | None:
    """The ``content`` of a streaming route's main response (None: nothing to document)."""
    if stream_format == "sse":
        return {"text/event-stream": {"itemSchema": _event_schema(item_schema)}}
    if stream_format == "jsonl":
        return {JSON_LINES: {"itemSchema": {} if item_schema is None else item_schema}}
    if media_type:
        return {media_type: {"schema": {"type": "string"}}}
    return None
