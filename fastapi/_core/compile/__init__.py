"""Compile: specs become one executable plan per route, built when the route is registered."""
