"""Turning returned values into JSON-compatible data and bytes."""
