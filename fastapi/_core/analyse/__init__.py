"""Analyse: a callable's signature becomes parameter and dependency specs."""
