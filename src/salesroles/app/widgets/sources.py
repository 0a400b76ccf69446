"""The sources pane (``s``): every source the view cites, whole, with its URL, numbered
as the view's markers are (``[3]``)."""

from __future__ import annotations

from rich.console import RenderableType

from salesroles.app.widgets.result_view import ResultView
from salesroles.results import Result


class SourcesPane(ResultView):
    """Hidden until ``s``; drawn ahead of time so the first ``s`` is instant."""

    def show_sources(self, result: Result, key: object) -> None:
        def draw(width: int) -> RenderableType:
            from salesroles.render.table import numbered_sources

            return numbered_sources(result, width=width)

        self.border_title = "sources, numbered as in the view · s hides them"
        self.show(draw, key=("sources", key))
        self.set_timer(0.3, self.prepare_while_hidden)

    def prepare_while_hidden(self) -> None:
        """Render at the width the pane will have, so the first ``s`` is instant."""
        width = self.app.size.width - self.styles.gutter.width
        width -= self.styles.scrollbar_size_vertical
        if width > 0 and (self.key, width) not in self.rendered:
            self.rendered[self.key, width] = self.render_lines_of(self.builder(width), width)
