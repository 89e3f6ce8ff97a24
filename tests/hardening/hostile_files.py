"""Hostile scenario files: each case is (id, a maker that writes its files in a folder and returns the
``airshield validate`` argument, words the refusal must contain).

Shared by the in-process tests (exit 2, one clear line) and the memory test (every refusal in one
process, under 1 GB).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

WAVE = "  - {threat: shahed-136, count: %s, launch: kursk}\n"
Maker = Callable[[Path], str]


def text(name: str, body: str) -> Maker:
    """A file ``name`` with ``body``."""
    def make(folder: Path) -> str:
        (folder / name).write_text(body, encoding="utf-8")
        return name
    return make


def extending(name: str, body: str) -> Maker:
    """A file ``name`` that extends kyiv-small with ``body``."""
    return text(name, f"name: {name[:-5]}\nextends: kyiv-small\n{body}")


def fifo(folder: Path) -> str:
    os.mkfifo(folder / "fifo.yaml")
    return "fifo.yaml"


def symlink_loop(folder: Path) -> str:
    (folder / "loop-a.yaml").symlink_to("loop-b.yaml")
    (folder / "loop-b.yaml").symlink_to("loop-a.yaml")
    return "loop-a.yaml"


def directory(folder: Path) -> str:
    (folder / "dir.yaml").mkdir()
    return "dir.yaml"


def sparse_55mb(folder: Path) -> str:
    with open(folder / "huge.yaml", "wb") as stream:
        stream.truncate(55_000_000)  # 55 MB on paper, nothing on disk
    return "huge.yaml"


def latin1(folder: Path) -> str:
    (folder / "latin.yaml").write_bytes("name: café\n".encode("latin-1"))
    return "latin.yaml"


def then(first: Maker, second: Maker) -> Maker:
    """Make ``first``'s files, then return ``second``'s argument."""
    return lambda folder: (first(folder), second(folder))[1]


LAUGHS = "a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
    f"{k}: &{k} [{', '.join(['*' + p] * 10)}]\n" for p, k in zip("abcdefgh", "bcdefghi"))
UNITS = "fire_units+:\n" + "".join(f"  - {{name: u{i}, type: gepard, lat: 50.4, lon: 30.5}}\n" for i in range(10_001))

CASES: list[tuple[str, Maker, list[str]]] = [
    ("fifo", fifo, ["fifo.yaml", "FIFO"]),
    ("extends-dev-zero", text("zero.yaml", "name: z\nextends: /dev/zero\n"), ["zero.yaml", "character device"]),
    ("extends-fifo", then(fifo, text("to-fifo.yaml", "name: f\nextends: fifo.yaml\n")), ["to-fifo.yaml", "FIFO"]),
    ("symlink-loop", symlink_loop, ["loop-a.yaml", "loop"]),
    ("extends-symlink-loop", then(symlink_loop, text("to-loop.yaml", "name: l\nextends: loop-a.yaml\n")),
     ["to-loop.yaml", "loop"]),
    ("directory", directory, ["dir.yaml", "directory"]),
    ("file-55mb", sparse_55mb, ["huge.yaml", "over the limit of 20 MB"]),
    ("missing", lambda folder: "nothing-here.yaml", ["nothing-here.yaml", "not found"]),
    ("name-10000-chars", lambda folder: "x" * 10_000, ["no built-in scenario", "xxx..."]),
    ("waves-1e9-threats", extending("waves.yaml", "raid:\n  waves:\n" + WAVE % 100_000 * 10_000),
     ["waves.yaml", "raid.waves", "1,000,000,000 threats", "GB of memory"]),
    ("units-over-cap", extending("units.yaml", UNITS), ["units.yaml", "fire_units", "over the limit of 10,000"]),
    ("nodes-over-cap", text("nodes.yaml", "name: n\nlist: [" + "1," * 1_100_000 + "1]\n"),
     ["nodes.yaml", "more than 1,000,000 YAML nodes"]),
    ("billion-laughs", text("laughs.yaml", LAUGHS), ["laughs.yaml", "expands to more than"]),
    ("duplicate-key", text("dup.yaml", "name: a\nextends: kyiv-small\nname: b\n"),
     ["dup.yaml", "'name' is given twice", "line 3"]),
    ("duplicate-nested-key", extending("dup2.yaml", "run:\n  seed: 1\n  seed: 2\n"), ["dup2.yaml", "'seed'", "line 5"]),
    ("count-true", extending("bool.yaml", "raid:\n  waves:\n" + WAVE % "true"),
     ["bool.yaml", "raid.waves[0].count", "not a count"]),
    ("replications-false", extending("bool2.yaml", "run: {replications: false}\n"),
     ["bool2.yaml", "run.replications", "not a count"]),
    ("nested-2000", text("deep.yaml", "a: " + "[" * 2000 + "]" * 2000 + "\n"), ["deep.yaml", "nesting"]),
    ("not-utf8", latin1, ["latin.yaml", "UTF-8"]),
    ("nan-count", extending("nan.yaml", "raid:\n  waves:\n" + WAVE % ".nan"), ["nan.yaml", "raid.waves[0].count"]),
    ("top-level-list", text("list.yaml", "- a\n- b\n"), ["list.yaml", "mapping"]),
    ("extends-absolute-outside", text("abs.yaml", "name: a\nextends: /etc/passwd\n"), ["abs.yaml", "extends"]),
]
