"""Quotes: direct, indirect, mixed and partial, with speakers resolved to actors."""
