"""Start-up benchmark: salesroles against the bare interpreter and a one-command Typer app.

Run it in the venv where salesroles is installed:

    python benchmarks/startup.py            # prints median ratios and peak memory
    python benchmarks/startup.py --check    # exits 1 when a budget is missed
    python benchmarks/startup.py --scaling  # load time for 100, 300 and 1,000 roles
    python benchmarks/startup.py --app      # only the full-screen app's first screen

Each pair of commands runs alternately (A B A B ...) after a warm-up, and the
figure is the median of the per-pair ratios B/A: noise that drifts over the run
falls on both sides of each ratio alike. Absolute times are never reported as
results: they are not comparable between machines. It is a benchmark, not a test:
CI may run it for information but should not fail on noise.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from importlib.resources import files
from pathlib import Path
from typing import Any

import tomli_w

TYPER_APP = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"hello {name}")


app()
'''


# Real-world titles of the kinds a recruiter pastes from a spreadsheet.
TITLES = [
    "VP of Sales", "Sr. Director, Sales EMEA", "Head of Sales", "Regional Sales Manager",
    "Account Executive", "Chief Revenue Officer", "Sales & Marketing Director",
    "District Sales Manager", "Chief Risk Officer", "Enterprise Account Executive, DACH",
    "SVP Global Sales", "Director of Marketing", "Inside Sales Rep", "CRO",
    "Vertriebsleiterin (m/w/d)", "Executive Assistant to the VP of Sales", "Dircetor of Sales",
    "Head of Sales – Remote (Hybrid, UK)", "Directeur commercial", "SDR",
]  # fmt: skip


def generate(n_roles: int) -> dict[str, Any]:
    """A valid dataset of ``n_roles`` roles: copies of the bundled ten, suffixed after the first."""
    raw = tomllib.loads((files("salesroles") / "data" / "roles.toml").read_text(encoding="utf-8"))
    roles, contrasts = [], []
    copies = max(1, n_roles // len(raw["roles"]))
    for k in range(copies):

        def rid(role_id: str, k: int = k) -> str:
            return role_id if k == 0 else f"{role_id}-{k}"

        for role in raw["roles"]:
            new = {**role, "id": rid(role["id"])}
            if k:
                new["title"] = f"{role['title']} {k}"
                new["aliases"] = [f"{a}-{k}" for a in role.get("aliases", [])]
            if "career" in role:
                new["career"] = [{**m, "to": [rid(t) for t in m["to"]]} for m in role["career"]]
            if "reporting" in role:
                reports = [
                    rid(r) if r not in raw["executives"] else r
                    for r in role["reporting"].get("reports_to", [])
                ]
                new["reporting"] = {**role["reporting"], "reports_to": reports}
            roles.append(new)
        contrasts += [{**c, "roles": [rid(r) for r in c["roles"]]} for c in raw["contrasts"]]
    return {**raw, "roles": roles[:n_roles], "contrasts": contrasts}


def salesroles_command() -> list[str]:
    script = Path(sys.executable).parent / "salesroles"
    return [str(script)] if script.exists() else [sys.executable, "-m", "salesroles"]


STDIN: dict[str, Path] = {}  # a command's standard input, by its first argument after -


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Wall time of one run, in seconds (``which -`` reads the titles file on stdin)."""
    source = STDIN.get(" ".join(argv))
    start = time.perf_counter()
    with (source or Path(os.devnull)).open("rb") as stdin:
        done = subprocess.run(
            argv, env=env, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(argv)}")
    return elapsed


def peak_memory(argv: list[str], env: dict[str, str]) -> float | None:
    """Peak resident memory in MiB, by GNU time: a child forked from this process would
    report this process's peak too, as Linux keeps the high-water mark across exec."""
    if not Path("/usr/bin/time").exists():
        return None
    peaks = []
    for _ in range(3):
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *argv],
            env=env,
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        peaks.append(int(done.stderr.strip().splitlines()[-1]) / 1024)
    return max(peaks)


def pair(a: list[str], b: list[str], env: dict[str, str], runs: int) -> dict[str, float]:
    for _ in range(2):  # warm-up: page cache, .pyc files, the validated-data cache
        run_once(a, env)
        run_once(b, env)
    ratios = []
    for _ in range(runs):
        first = run_once(a, env)
        ratios.append(run_once(b, env) / first)  # A and B back to back share the noise
    return {"ratio": statistics.median(ratios)}


FIRST_SCREEN_BUDGET = 40.0  # the bound for the app's first screen
FIRST_SCREEN_TEXT = "Chief Commercial Officer"  # the last role of the list: the screen is drawn


def first_screen_ratio(pairs: int = 7, env: dict[str, str] | None = None) -> float:
    """How many times ``python -c pass`` the full-screen app takes to show its first screen.

    Each run spawns ``salesroles browse`` in a pseudo-terminal (100×30), times it until
    the list of roles appears, then quits with q; ``python -c pass`` runs in a
    pseudo-terminal too, timed to its exit. The figure is the median of per-pair
    ratios, as for the other rows.
    """
    import pexpect  # in the test extra: only this measurement needs it

    env = {**(env or os.environ), "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)

    def once(argv: list[str], wait_for: str | None) -> float:
        start = time.perf_counter()
        child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(30, 100), timeout=60)
        if wait_for is None:
            child.expect(pexpect.EOF)
            elapsed = time.perf_counter() - start
        else:
            child.expect(wait_for)
            elapsed = time.perf_counter() - start
            child.send("q")
            child.expect(pexpect.EOF)
        child.close()
        if child.exitstatus != 0:
            raise SystemExit(f"failed ({child.exitstatus}): {' '.join(argv)}")
        return elapsed

    bare = [sys.executable, "-c", "pass"]
    app = [*salesroles_command(), "browse"]
    for _ in range(2):  # warm-up
        once(bare, None)
        once(app, FIRST_SCREEN_TEXT)
    ratios = []
    for _ in range(pairs):
        first = once(bare, None)
        ratios.append(once(app, FIRST_SCREEN_TEXT) / first)
    return statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=21, help="timed pairs per row (default 21)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument("--scaling", action="store_true", help="also time 100/300/1,000 roles")
    parser.add_argument("--app", action="store_true", help="only the app's first-screen ratio")
    args = parser.parse_args()
    if args.app:
        ratio = first_screen_ratio(max(5, args.pairs // 3))
        print(
            f"first full screen (browse) / python -c pass: {ratio:.1f}× (≤{FIRST_SCREEN_BUDGET:g}×)"
        )
        return 1 if (args.check and ratio > FIRST_SCREEN_BUDGET) else 0

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "SALESROLES_CACHE_DIR": str(folder / "cache"), "COLUMNS": "80"}
        env.pop("SALESROLES_DATA", None)
        # An installed wheel has its bytecode; without it every run would compile the
        # source again, which is not what a user's start costs.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        (folder / "typer_app.py").write_text(TYPER_APP, encoding="utf-8")
        big = folder / "roles-1000.toml"
        big.write_text(tomli_w.dumps(generate(1000)), encoding="utf-8")

        titles = folder / "titles.txt"
        titles.write_text("\n".join((TITLES * (10_000 // len(TITLES) + 1))[:10_000]) + "\n")
        spreadsheet = folder / "titles.csv"  # a CRM export: 10,000 rows of five columns
        spreadsheet.write_text(
            "Name,Job Title,Company,City,Email\r\n"
            + "".join(
                f'P{i},"{TITLES[i % len(TITLES)]}","Co {i}, Ltd",Town,p{i}@x.example\r\n'
                for i in range(10_000)
            ),
            encoding="utf-8",
        )
        bare = [sys.executable, "-c", "pass"]
        typer_app = [sys.executable, str(folder / "typer_app.py"), "--name", "x"]
        sr = salesroles_command()
        show_json = [*sr, "show", "director", "--json"]
        compare = [*sr, "compare", "head", "director"]
        which = [*sr, "which", "-", "--format", "csv"]
        which_sheet = [*sr, "which", "--from", str(spreadsheet), "--column", "Job Title"]
        STDIN[" ".join(which)] = titles
        show_title = [*sr, "show", "Sr. Director of Sales EMEA", "--json"]
        rows = [
            # label, A, B, budget on the ratio B/A, memory budget (MiB) for B or None
            ("show director --json / python -c pass", bare, show_json, 7.0, 20.0),
            ("compare head director / python -c pass", bare, compare, 12.0, 25.0),
            ("--help / python -c pass", bare, [*sr, "--help"], 12.0, None),
            ("which - (10,000 titles) / python -c pass", bare, which, 30.0, None),
            ("which --from (10,000×5 CSV) / python -c pass", bare, which_sheet, 30.0, None),
            ("show 'Sr. Director…' / show director", show_json, show_title, 1.1, None),
            ("one-command Typer app / python -c pass", bare, typer_app, None, None),
            ("show director --json / Typer app", typer_app, show_json, None, None),
            ("compare head director / Typer app", typer_app, compare, None, None),
            (
                "--data 1,000 roles show / bundled show",
                show_json,
                [*sr, "--data", str(big), "show", "director", "--json"],
                1.5,
                None,
            ),
        ]
        failed = False
        print(f"{'measure':<42} {'ratio':>7} {'budget':>7} {'peak MiB':>9}  ok")
        for label, a, b, budget, mem_budget in rows:
            result = pair(a, b, env, args.pairs)
            peak = peak_memory(b, env)
            ok = (budget is None or result["ratio"] <= budget) and (
                mem_budget is None or peak is None or peak <= mem_budget
            )
            failed |= not ok
            shown_budget = f"≤{budget:g}×" if budget else "—"
            memory = ("n/a" if peak is None else f"{peak:.1f}") + (
                f" ≤{mem_budget:g}" if mem_budget else ""
            )
            print(
                f"{label:<42} {result['ratio']:>6.2f}× {shown_budget:>7} {memory:>9}  "
                f"{'yes' if ok else 'NO'}"
            )
        ratio = first_screen_ratio(max(5, args.pairs // 3), env)
        ok = ratio <= FIRST_SCREEN_BUDGET
        failed |= not ok
        print(
            f"{'first full screen (browse) / python -c pass':<42} {ratio:>6.2f}× "
            f"{f'≤{FIRST_SCREEN_BUDGET:g}×':>7} {'n/a':>9}  {'yes' if ok else 'NO'}"
        )
        print(
            f"(median ratios of {args.pairs} alternating pairs; python -c pass took "
            f"{statistics.median([run_once(bare, env) for _ in range(5)]) * 1000:.0f} ms here)"
        )

        if args.scaling:
            print("\nLoad time by dataset size (show one role, --json):")
            print(f"{'roles':>7} {'cold ms':>9} {'warm ms':>9} {'cold µs/role':>13}")
            for n in (100, 300, 1000):  # 1,000 copies of the bundled roles: about 19 MiB
                path = folder / f"roles-{n}.toml"
                path.write_text(tomli_w.dumps(generate(n)), encoding="utf-8")
                argv = [*sr, "--data", str(path), "show", "director", "--json"]
                cold_env = {**env, "SALESROLES_NO_CACHE": "1"}
                cold = statistics.median([run_once(argv, cold_env) for _ in range(5)])
                run_once(argv, env)
                warm = statistics.median([run_once(argv, env) for _ in range(5)])
                print(f"{n:>7} {cold * 1000:>9.0f} {warm * 1000:>9.0f} {cold / n * 1e6:>13.0f}")
    return 1 if (args.check and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
