"""How long each step of the full-screen app takes, beyond a key press that does nothing.

Run it in the venv where salesroles is installed (with the test extras: it drives the
app headless with Textual's pilot):

    python benchmarks/app_steps.py          # median milliseconds per step
    python benchmarks/app_steps.py --check  # exits 1 when a step is over its budget

The goal is 50 ms for moving, filtering and toggling; opening a screen costs Textual
more (building and styling its widgets). Each step runs in two passes; the second is
measured, after a pause as a reader would make. A benchmark, not a test: a busy
machine makes it slow, so CI never fails on it. The tests check the causes instead
(views prepared ahead, caches reused).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

from textual.pilot import Pilot

from salesroles.app.app import SalesRolesApp
from salesroles.dataset import load

STEP_BUDGET, OPEN_BUDGET = 0.15, 0.5  # seconds beyond an idle key press
OPENING = ("open compare", "open a profile", "career view", "advise")
STEPS = [  # (what, keys): run in order, twice; the second pass is measured
    ("move down", ["down"]),
    ("move up", ["up"]),
    ("open the filter", ["slash"]),
    ("filter: d", ["d"]),
    ("filter: i", ["i"]),
    ("filter: r", ["r"]),
    ("clear the filter", ["escape"]),
    ("mark", ["space"]),
    ("move", ["down"]),
    ("mark another", ["space"]),
    ("open compare", ["c"]),
    ("toggle all", ["a"]),
    ("toggle diff", ["d"]),
    ("toggle all back", ["a"]),
    ("toggle diff back", ["d"]),
    ("sources pane", ["s"]),
    ("sources pane off", ["s"]),
    ("back", ["escape"]),
    ("open a profile", ["enter"]),
    ("page down", ["pagedown"]),
    ("page up", ["pageup"]),
    ("career view", ["g"]),
    ("move in the ladder", ["down"]),
    ("back from career", ["escape"]),
    ("back to the list", ["escape"]),
    ("advise", ["h"]),
    ("answer", ["down", "enter"]),
    ("back from advise", ["escape"]),
]


def step_times() -> dict[str, float]:
    """Seconds each step adds to a key press that does nothing (the pilot's own cost)."""
    times: dict[str, list[float]] = {}
    idle: list[float] = []

    async def timed(pilot: Pilot[None], keys: list[str]) -> float:
        start = time.perf_counter()
        await pilot.press(*keys)
        await pilot.pause()
        return time.perf_counter() - start

    async def script(pilot: Pilot[None]) -> None:
        for _ in range(2):  # the first pass warms caches; the second is measured
            for label, keys in STEPS:
                idle.append(await timed(pilot, ["x"] * len(keys)))  # x: bound to nothing
                await pilot.pause(0.3)  # a person reads: views are prepared meanwhile
                times.setdefault(label, []).append(await timed(pilot, keys))

    async def go() -> None:
        app = SalesRolesApp(load.load())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(go())
    base = statistics.median(idle)
    return {label: max(0.0, statistics.median(t[1:]) - base) for label, t in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a step is over budget")
    args = parser.parse_args()
    times = step_times()
    over = []
    for label, seconds in times.items():
        budget = OPEN_BUDGET if label in OPENING else STEP_BUDGET
        flag = "  over budget" if seconds > budget else ""
        print(f"{label:<22} {seconds * 1000:6.0f} ms (budget {budget * 1000:.0f}){flag}")
        if flag:
            over.append(label)
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
