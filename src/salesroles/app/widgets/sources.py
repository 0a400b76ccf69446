"""The sources pane (``s``): the sources of the roles on screen, with kind, year and URL.

It shows what ``salesroles sources ROLE`` prints, for each role in the view.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType

from salesroles import queries
from salesroles.app.widgets.result_view import ResultView
from salesroles.catalog import Catalog
from salesroles.models import Role
from salesroles.render.table import build


class SourcesPane(ResultView):
    """Hidden until ``s``; drawn when first shown."""

    def show_sources(self, catalog: Catalog, roles: Sequence[Role]) -> None:
        def draw(width: int) -> RenderableType:
            parts: list[RenderableType] = []
            for role in roles:  # the renderer heads each list with its role
                parts.append(build(queries.sources(catalog, role), width=width))
            return Group(*parts)

        self.border_title = "sources · s hides them"
        self.show(draw, key=tuple(r.id for r in roles))
        self.set_timer(0.3, self.prepare_while_hidden)

    def prepare_while_hidden(self) -> None:
        """Render at the width the pane will have, so the first ``s`` is instant."""
        width = self.app.size.width - self.styles.gutter.width
        width -= self.styles.scrollbar_size_vertical
        if width > 0 and (self.key, width) not in self.rendered:
            self.rendered[self.key, width] = self.render_lines_of(self.builder(width), width)
