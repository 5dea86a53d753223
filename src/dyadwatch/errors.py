"""The one exception hierarchy of dyadwatch.

Every message says what went wrong and what to do about it. The CLI maps each class to an
exit code (``exit_code``) and prints the message on one line; library code raises and logs,
never prints.

    DyadwatchError
    ├── ConfigError          a setting, stage name or pipeline order is wrong   (exit 2)
    ├── InputError           an input cannot be read or parsed                   (exit 1)
    │   └── UnsupportedInput the file is binary or of a format we do not read   (exit 1)
    ├── StageError           a pipeline stage failed on one article              (exit 1)
    ├── ModelError           a model is not installed or fails to load           (exit 3)
    ├── StoreError           the database cannot be opened or written            (exit 4)
    │   └── NotFound         a requested record is not in the store              (exit 5)
    └── QualityGateError     an evaluation score fell below its recorded floor   (exit 6)
"""

from __future__ import annotations


class DyadwatchError(Exception):
    """Base class: catch this to catch every error dyadwatch raises on purpose."""

    exit_code = 1


class ConfigError(DyadwatchError):
    exit_code = 2


class InputError(DyadwatchError):
    exit_code = 1

    def __init__(self, message: str, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.path = path
        self.line = line


class UnsupportedInput(InputError):
    pass


class StageError(DyadwatchError):
    exit_code = 1

    def __init__(self, stage: str, message: str):
        super().__init__(f"stage {stage!r} failed: {message}")
        self.stage = stage


class ModelError(DyadwatchError):
    exit_code = 3


class StoreError(DyadwatchError):
    exit_code = 4


class NotFound(StoreError):
    exit_code = 5


class QualityGateError(DyadwatchError):
    exit_code = 6


# Exit code when a batch finished but some inputs failed.
EXIT_SOME_FAILED = 1
