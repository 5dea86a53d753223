"""Numeric claims: figures with their unit, qualifier, change, measure, period, actors and
source (the ``claims`` stage, ``claims/stage.py``; docs/RECORDS.md)."""
