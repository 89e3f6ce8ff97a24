"""The results store: one directory per run, written atomically (write to a temporary name, then rename).

Layout of ``RUN_DIR``::

    meta.json              airshield version, seed, replications, backend, workers, timings, status
    scenario.yaml          the resolved scenario (re-runnable on its own)
    metrics/part-NNNNNN.parquet   per-replication metrics, one row per replication, column ``replication``
    events/rep-NNNNNN.parquet     event logs, when asked for
    summary.json           written last; its presence and meta status 'complete' mark a complete run

A run killed halfway leaves status 'incomplete' and only whole Parquet parts.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

import pandas as pd
import yaml

from airshield.errors import InputError

META, SCENARIO, SUMMARY = "meta.json", "scenario.yaml", "summary.json"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; the file's mode follows
    the umask (0644 under umask 022), so that a shared runs folder works."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class RunStore:
    """Reads and writes one run directory."""

    def __init__(self, directory: Path):
        self.dir = Path(directory)

    @classmethod
    def create(cls, root: Path, name: str, meta: dict, scenario: dict) -> "RunStore":
        """A new run directory ``root/name`` with its metadata and resolved scenario."""
        root = Path(root)
        try:
            root.mkdir(parents=True, exist_ok=True)
            directory = root / name
            directory.mkdir()
        except FileExistsError:
            raise InputError(f"run directory '{root / name}' exists already", path="--out",
                             expected="a new run name, or --resume to complete it") from None
        except OSError as exc:
            raise InputError(f"cannot create the run directory: {exc.strerror}", file=str(root), path="--out",
                             expected="a writable folder") from None
        store = cls(directory)
        store.write_meta({**meta, "status": "incomplete"})
        atomic_write_bytes(directory / SCENARIO, yaml.safe_dump(scenario, sort_keys=False, allow_unicode=True).encode())
        return store

    @classmethod
    def open(cls, directory: Path) -> "RunStore":
        """An existing run directory, or an InputError."""
        store = cls(Path(directory))
        if not (store.dir / META).is_file():
            raise InputError("not a run directory (no meta.json)", file=str(directory), expected="a folder written by airshield run")
        return store

    def meta(self) -> dict:
        """The run's metadata."""
        return json.loads((self.dir / META).read_text())

    def write_meta(self, meta: dict) -> None:
        atomic_write_bytes(self.dir / META, json.dumps(meta, indent=2, default=str).encode())

    def scenario_text(self) -> str:
        return (self.dir / SCENARIO).read_text(encoding="utf-8")

    def write_metrics(self, rows: list[dict]) -> None:
        """Write a part of per-replication rows (each with a ``replication`` index)."""
        if not rows:
            return
        first = min(int(r["replication"]) for r in rows)
        frame = pd.DataFrame(rows)
        atomic_write_bytes(self.dir / "metrics" / f"part-{first:06d}.parquet", frame.to_parquet(index=False))

    def write_events(self, index: int, events: pd.DataFrame) -> None:
        atomic_write_bytes(self.dir / "events" / f"rep-{index:06d}.parquet", events.to_parquet(index=False))

    def metrics(self) -> pd.DataFrame:
        """All per-replication rows written so far, sorted by replication."""
        parts = sorted((self.dir / "metrics").glob("part-*.parquet"))
        if not parts:
            return pd.DataFrame({"replication": pd.Series(dtype=int)})
        frame = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
        return frame.sort_values("replication", kind="stable").drop_duplicates("replication").reset_index(drop=True)

    def events(self, index: int) -> pd.DataFrame:
        """The event log of replication ``index`` (if it was kept)."""
        path = self.dir / "events" / f"rep-{index:06d}.parquet"
        if not path.is_file():
            raise InputError(f"no event log for replication {index}", file=str(self.dir),
                             expected="a run made with --keep-events")
        return pd.read_parquet(path)

    def finish(self, summary: dict, meta_updates: dict) -> None:
        """Write the summary, then mark the run complete."""
        atomic_write_bytes(self.dir / SUMMARY, json.dumps(summary, indent=2, default=str).encode())
        self.write_meta({**self.meta(), **meta_updates, "status": "complete"})

    def summary(self) -> dict | None:
        path = self.dir / SUMMARY
        return json.loads(path.read_text()) if path.is_file() else None


def list_runs(root: Path) -> list[RunStore]:
    """Run directories under ``root``, oldest first by name."""
    root = Path(root)
    if not root.is_dir():
        return []
    return [RunStore(p) for p in sorted(root.iterdir()) if (p / META).is_file()]


def all_metrics(root: Path) -> pd.DataFrame:
    """Every run's per-replication metrics under ``root`` in one table, with a ``run`` column."""
    frames = []
    for store in list_runs(root):
        frame = store.metrics()
        frame.insert(0, "run", store.dir.name)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
