"""A query's result as the CLI's table renderer draws it, in a scrolling view."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from salesroles.render.text import clean

if TYPE_CHECKING:
    from salesroles.results import Comparison, Result


def literal(text: str, style: str = "") -> Text:
    """Dataset text for a widget: shown as typed, never as markup or control codes."""
    return Text(clean(text), style=style)


Builder = Callable[[int], RenderableType]  # draws a view at a given width


def table(result: Result, mark: str | None = None) -> Builder:
    """The CLI's table for ``result``, drawn at the view's width; row ``mark`` reversed."""
    from salesroles.render.table import view

    return lambda width: view(result, width=width, mark=mark)


def side_by_side_width(result: Comparison, width: int) -> int:
    """The width at which the table renderer keeps ``result``'s roles side by side.

    Below it the CLI stacks them (one role under another); the app keeps the
    columns and scrolls sideways instead, so they stay aligned dimension by dimension.
    """
    from salesroles.render import table as tables

    for wide in range(width, width + 1000):  # bounded: a renderer that never fits stacks
        if tables.fits_side_by_side(len(result.roles), wide):
            return wide
    return width


class ResultView(ScrollView, can_focus=True):
    """A query's result as the table renderer draws it, scrolled as one piece.

    The CLI's own Rich renderable is drawn whole, so a comparison's columns stay
    aligned dimension by dimension and scroll together. It is rendered once per
    width into lines (a Static would render it twice, to measure and to draw),
    and the lines are kept per view key, so toggling back to a view is instant.
    """

    DEFAULT_CSS = """
    ResultView {
        scrollbar-gutter: stable;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.builder: Builder = lambda width: ""
        self.key: Hashable = None
        self.min_width = 0
        self.lines: list[Strip] = []
        self.rendered: dict[tuple[Hashable, int], list[Strip]] = {}

    def show(self, builder: Builder, key: Hashable = None, min_width: int = 0) -> None:
        """Show what ``builder`` draws at the view's width (at least ``min_width``: wider
        scrolls sideways); a ``key`` lets the lines be reused when shown again."""
        self.builder = builder
        self.key = key if key is not None else object()
        self.min_width = min_width
        self.draw()

    def prepare(self, builder: Builder, key: Hashable, min_width: int = 0) -> None:
        """Render ahead of time, so showing ``key`` later is instant."""
        width = self.scrollable_content_region.width
        if width > 0 and (key, width) not in self.rendered:
            drawn = max(width, min_width)
            self.rendered[key, width] = self.render_lines_of(builder(drawn), drawn)

    def is_prepared(self, key: Hashable) -> bool:
        return (key, self.scrollable_content_region.width) in self.rendered

    def render_lines_of(self, renderable: RenderableType, width: int) -> list[Strip]:
        console = self.app.console
        options = console.options.update_width(width).update(highlight=False, markup=False)
        lines = console.render_lines(renderable, options, pad=False)
        return Strip.from_lines(lines) if lines else [Strip.blank(width)]

    def draw(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: on_resize draws
        lines = self.rendered.get((self.key, width))
        if lines is None:
            drawn = max(width, self.min_width)
            lines = self.render_lines_of(self.builder(drawn), drawn)
            self.rendered[self.key, width] = lines
        self.lines = lines
        self.virtual_size = Size(max(s.cell_length for s in lines), len(lines))
        self.refresh()

    def on_resize(self) -> None:
        self.draw()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if index >= len(self.lines):
            return Strip.blank(width, self.rich_style)
        line = self.lines[index].crop_extend(scroll_x, scroll_x + width, self.rich_style)
        return line.apply_style(self.rich_style)

    # Keys scroll at once: an animated scroll keeps moving after the key is let go.
    def action_scroll_down(self) -> None:
        self.scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False)

    def text(self) -> str:
        """The whole rendered view as plain text (for tests and debugging)."""
        return "\n".join(line.text.rstrip() for line in self.lines)

    def reversed_line(self) -> int | None:
        """The first line holding reversed text: where the marked row is drawn."""
        for number, line in enumerate(self.lines):
            if any(segment.style and segment.style.reverse for segment in line):
                return number
        return None

    def reveal(self, line: int) -> None:
        """Scroll just enough that ``line`` (and a few after it) can be seen."""
        top, height = round(self.scroll_offset.y), self.scrollable_content_region.height
        if line < top:
            self.scroll_to(y=max(0, line - 1), animate=False)
        elif line + 3 >= top + height:
            self.scroll_to(y=max(0, line + 4 - height), animate=False)
