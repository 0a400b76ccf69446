"""What each hand-made mechanism saves against the standard way, measured in one run.

Run it in the venv where salesroles is installed:

    python benchmarks/mechanisms.py

Each figure is the median of many repeats, in milliseconds, measured in this process:
- models: defining the dataset's model classes with salesroles' ``@model`` (a dataclass
  that generates no methods, on the ``Frozen`` base) against ``@dataclass(frozen=True)``;
- commands: building every command's Click parameters (what ``typer.main.get_command``
  does for the whole app) against building only the one a run uses (``LazyGroup``);
- cache: rebuilding a cached role from the cache's JSON entry against ``pickle.loads``
  of the same role.
A benchmark, not a test: the figures say whether each mechanism still earns its keep.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import statistics
import time
from collections.abc import Callable
from typing import Any


def median_ms(work: Callable[[], object], repeats: int = 30) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def models() -> tuple[float, float]:
    """Defining the models: salesroles' way, and ``@dataclass(frozen=True)``."""
    from salesroles import models as m

    def ours() -> None:
        for kind in m.MODELS:
            shaped = type(kind.__name__, (m.Frozen,), {
                "__annotations__": {f.name: f.type for f in dataclasses.fields(kind)},  # type: ignore[arg-type]
                **{f.name: f.default for f in dataclasses.fields(kind)  # type: ignore[arg-type]
                   if f.default is not dataclasses.MISSING},
            })  # fmt: skip
            m.model(shaped)

    def standard() -> None:
        for kind in m.MODELS:
            spec: list[Any] = []
            for f in dataclasses.fields(kind):  # type: ignore[arg-type]
                if f.default is not dataclasses.MISSING:
                    spec.append((f.name, f.type, dataclasses.field(default=f.default)))
                elif f.default_factory is not dataclasses.MISSING:
                    spec.append(
                        (f.name, f.type, dataclasses.field(default_factory=f.default_factory))
                    )
                else:
                    spec.append((f.name, f.type))
            dataclasses.make_dataclass(kind.__name__, spec, frozen=True)

    return median_ms(ours), median_ms(standard)


def commands() -> tuple[float, float]:
    """Building one command's parameters, and every command's (Typer's way)."""
    from typer import main as typer_main

    from salesroles import cli, group

    one = next(i for i in group.commands.registered_commands if i.name == "show" or
               getattr(i.callback, "__name__", "") == "show")  # fmt: skip

    def lazy() -> None:
        typer_main.get_command_from_info(one, pretty_exceptions_short=True, rich_markup_mode=None)

    def whole() -> None:
        typer_main.get_command(group.commands)

    del cli  # imported for its registrations
    return median_ms(lazy), median_ms(whole)


def cache() -> tuple[float, float]:
    """Rebuilding one cached role from the cache's JSON, and unpickling it."""
    from salesroles.dataset import cache as entries
    from salesroles.dataset import load
    from salesroles.models import Role

    catalog = load.load(use_cache=False)
    text = catalog.index["roles"]["director"]
    pickled = pickle.dumps(catalog.roles["director"])

    def ours() -> None:
        entries.build(Role, json.loads(text))

    def standard() -> None:
        pickle.loads(pickled)

    return median_ms(ours, 200), median_ms(standard, 200)


def main() -> None:
    print(f"{'mechanism':<52} {'ours ms':>8} {'standard ms':>12}")
    for label, (ours, standard) in (
        ("models: @model on Frozen / @dataclass(frozen=True)", models()),
        ("commands: the one used / every command (Typer)", commands()),
        ("cache: one role from JSON / pickle.loads", cache()),
    ):
        print(f"{label:<52} {ours:>8.2f} {standard:>12.2f}")


if __name__ == "__main__":
    main()
