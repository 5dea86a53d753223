"""Storage: the embedded SQLite database, its migrations, and exports."""

from .sqlite import Store

__all__ = ["Store"]
