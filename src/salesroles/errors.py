"""The one exception family the tool raises; the CLI reports it once, at the top."""

from __future__ import annotations


class SalesRolesError(Exception):
    """A problem to report to the user as one sentence, with an exit code."""

    exit_code = 1


class DataError(SalesRolesError):
    """A dataset that cannot be read or is invalid, or a file that cannot be written."""

    exit_code = 1


class UsageError(SalesRolesError):
    """A bad argument: unknown role, unknown dimension, wrong number of roles."""

    exit_code = 2


class Leave(Exception):
    """The user chose to stop at a prompt (q, Ctrl-D, Ctrl-C): leave quietly, exit 0."""


class Terminated(BaseException):
    """SIGTERM arrived while a file was being written: clean up, then exit 143."""
