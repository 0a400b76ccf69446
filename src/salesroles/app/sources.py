"""The sources pane (``s``): each source the view cites, with its kind, year and URL."""

from __future__ import annotations

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from salesroles.app.base import ResultView, plain
from salesroles.catalog import Catalog
from salesroles.models import Source
from salesroles.queries import Comparison, Profile, Result

_DETAILS = ("kind", "year", "publisher", "url", "note")  # shown where a source has them


def cited(result: Result) -> list[str]:
    """The sources a result cites, in the order the table renderer lists them."""
    if isinstance(result, Profile):
        return list(result.sources)
    if isinstance(result, Comparison):
        return list(dict.fromkeys(s for r in result.roles for s in r.sources))
    return []


def source_table(catalog: Catalog, names: list[str]) -> Table | Text:
    if not names:
        return plain("This view cites no sources of its own.", "dim italic")
    known: dict[str, Source] = {}
    for each in catalog.dataset.sources:
        known[each.title] = each
        known[str(getattr(each, "id", each.title))] = each
    table = Table(box=box.SIMPLE, show_header=True, header_style="bold", expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("source", ratio=2, overflow="fold")
    table.add_column("details", ratio=3, overflow="fold")
    for number, name in enumerate(names, 1):
        source = known.get(name)
        details = [
            plain(f"{field}: {getattr(source, field)}")
            for field in _DETAILS
            if source is not None and getattr(source, field, None) not in (None, "")
        ]
        title = source.title if source else name
        table.add_row(str(number), plain(title, "bold"), Text("\n").join(details))
    return table


class SourcesPane(ResultView):
    """Hidden until ``s``; shows the sources of whatever the screen shows."""

    def show_sources(self, catalog: Catalog, result: Result) -> None:
        heading = plain("Sources (s hides them)", "bold")
        self.show(Group(heading, source_table(catalog, cited(result))))
