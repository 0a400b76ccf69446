"""The keys of the current screen on one line: a light stand-in for Textual's Footer.

Textual's Footer builds a widget per key and rebuilds them all whenever focus or
the screen changes, which costs about 100 ms a step; this is one line of text,
redrawn when the screen's bindings change. Each key can be clicked.
"""

from __future__ import annotations

from textual.content import Content
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """``q Quit  ? Keys …``: the shown bindings of the screen, clickable."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        link-style: none;
        link-style-hover: reverse;
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.redraw)
        self.redraw(self.screen)

    def redraw(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        parts: list[str] = []
        seen: set[str] = set()
        for _, binding, enabled, _ in screen.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = escape(self.app.get_key_display(binding))
            action = escape(f"app.simulate_key({binding.key.split(',')[0]!r})")
            parts.append(
                f"[@click={action}][bold $footer-key-foreground] {key}[/] "
                f"{escape(binding.description)} [/]"
            )
        self.update(Content.from_markup("".join(parts)))
