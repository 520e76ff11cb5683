"""Server-Sent Events: ``EventSourceResponse`` and ``ServerSentEvent``.

Declare ``response_class=EventSourceResponse`` on an endpoint that ``yield``\\s: each item
becomes an event (a ``ServerSentEvent`` is sent as given, anything else as its JSON
``data``). See docs/streaming.md.
"""

from fastapi._core.serialize.sse import KEEPALIVE_COMMENT as KEEPALIVE_COMMENT
from fastapi._core.serialize.sse import EventSourceResponse as EventSourceResponse
from fastapi._core.serialize.sse import ServerSentEvent as ServerSentEvent
from fastapi._core.serialize.sse import format_sse_event as format_sse_event

__all__ = ["KEEPALIVE_COMMENT", "EventSourceResponse", "ServerSentEvent", "format_sse_event"]
