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

from airshield.errors import AirshieldError, InputError
from airshield.safepaths import inside

META, SCENARIO, SUMMARY = "meta.json", "scenario.yaml", "summary.json"


class StoreWriteError(AirshieldError):
    """A file of a run directory could not be written (disk full, read-only, no permission)."""

    def __init__(self, path: Path, exc: OSError):
        super().__init__(f"{path}: cannot write ({exc.strerror or exc}); the files written before are "
                         "intact: free space or fix permissions, then complete the run with --resume")


def read_stored(path: Path, parse, what: str):
    """``parse(path)`` or an InputError naming the damaged or unreadable file."""
    try:
        return parse(path)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid and json errors are ValueErrors
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        raise InputError(f"{what} cannot be read ({reason})", file=str(path),
                         expected="a file written by airshield run; the run may be damaged") from None


def json_mapping(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename; the file's mode follows
    the umask (0644 under umask 022), so that a shared runs folder works.

    A disk error (full, read-only, no permission) is a :class:`StoreWriteError`; ``path`` is then
    left as it was.
    """
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise StoreWriteError(path, exc) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise StoreWriteError(path, exc) from None
        raise


class RunStore:
    """Reads and writes one run directory."""

    def __init__(self, directory: Path):
        self.dir = Path(directory)

    @classmethod
    def create(cls, root: Path, name: str, meta: dict, scenario: dict) -> "RunStore":
        """A new run directory ``root/name`` with its metadata and resolved scenario."""
        root = Path(root)
        directory = inside(root, name, kind="run")
        try:
            root.mkdir(parents=True, exist_ok=True)
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
        return read_stored(self.dir / META, json_mapping, "the run's meta.json")

    def write_meta(self, meta: dict) -> None:
        atomic_write_bytes(self.dir / META, json.dumps(meta, indent=2, default=str).encode())

    def scenario_text(self) -> str:
        return read_stored(self.dir / SCENARIO, lambda p: p.read_text(encoding="utf-8"), "the run's scenario.yaml")

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
        frame = pd.concat([read_stored(p, pd.read_parquet, "a metrics part") for p in parts], ignore_index=True)
        return frame.sort_values("replication", kind="stable").drop_duplicates("replication").reset_index(drop=True)

    def events(self, index: int) -> pd.DataFrame:
        """The event log of replication ``index`` (if it was kept)."""
        path = self.dir / "events" / f"rep-{index:06d}.parquet"
        if not path.is_file():
            raise InputError(f"no event log for replication {index}", file=str(self.dir),
                             expected="a run made with --keep-events")
        return read_stored(path, pd.read_parquet, f"the event log of replication {index}")

    def finish(self, summary: dict, meta_updates: dict) -> None:
        """Write the summary, then mark the run complete."""
        atomic_write_bytes(self.dir / SUMMARY, json.dumps(summary, indent=2, default=str).encode())
        self.write_meta({**self.meta(), **meta_updates, "status": "complete"})

    def summary(self) -> dict | None:
        path = self.dir / SUMMARY
        return read_stored(path, json_mapping, "the run's summary.json") if path.is_file() else None


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
