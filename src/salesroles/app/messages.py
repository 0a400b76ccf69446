"""What screens ask of the app. A screen posts one of these; the app decides which screen
to push, so screens never import each other or the app."""

from __future__ import annotations

from collections.abc import Sequence

from textual.message import Message

from salesroles.results import Result


class OpenProfile(Message):
    """Show one role's profile."""

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id


class OpenComparison(Message):
    """Compare these roles side by side."""

    def __init__(self, role_ids: Sequence[str]) -> None:
        super().__init__()
        self.role_ids = tuple(role_ids)


class OpenCareer(Message):
    """Show where a role comes from and leads to."""

    def __init__(self, role_id: str) -> None:
        super().__init__()
        self.role_id = role_id


class ExportView(Message):
    """Save what a screen shows, as the CLI's Markdown, to a file the user names."""

    def __init__(self, result: Result, suggested: str) -> None:
        super().__init__()
        self.result = result
        self.suggested = suggested


class OpenDetail(Message):
    """Show every point of one row of a glance."""

    def __init__(self, result: Result, name: str) -> None:
        super().__init__()
        self.result = result
        self.name = name
