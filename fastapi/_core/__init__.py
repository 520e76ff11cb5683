"""The machinery behind the public modules, in the order a route lives through it.

- ``analyse``: a callable's signature becomes parameter and dependency specs (``Dependant``).
- ``compile``: specs become one executable plan per route (extractors, validators, body reader,
  response serializer), built once when the route is registered.
- ``execute``: a request runs its route's plan.
- ``serialize``: what the endpoint returned becomes JSON-ready data and bytes.
"""
