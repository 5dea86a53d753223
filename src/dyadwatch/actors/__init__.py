"""Actors: mentions found and resolved to PLOVER codes, sectors and identities."""
