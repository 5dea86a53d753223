"""Ingest: readers for files and stdin, cleaning, language and duplicate detection."""

from .readers import read_inputs, read_path

__all__ = ["read_inputs", "read_path"]
