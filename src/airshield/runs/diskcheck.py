"""Before resuming a stored run: is its folder writable, and is there plausibly room for what is left?

Checked before anything is simulated, so a read-only folder or a full disk is a clean message at
once instead of a failure after the work is done. The stored files are never touched here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from airshield.errors import InputError

FALLBACK_BYTES_PER_REPLICATION = {True: 400_000, False: 20_000}  # [bytes] with / without event logs
MARGIN = 1.5  # [-] on the estimate
MINIMUM_FREE = 1_000_000  # [bytes]


def check_room(directory: Path, *, done: int, remaining: int, keep_events: bool) -> None:
    """InputError if ``directory`` (and its metrics and events folders) cannot be written, or if the free
    space is below the estimate for ``remaining`` replications (from the bytes per replication so far)."""
    directory = Path(directory)
    for folder in (directory, directory / "metrics", directory / "events"):
        if folder.is_dir():
            _probe_write(folder)
    need = needed_bytes(directory, done=done, remaining=remaining, keep_events=keep_events)
    free = shutil.disk_usage(directory).free
    if free < need:
        raise InputError(f"only {free / 1e6:,.1f} MB free where about {need / 1e6:,.1f} MB are needed for the "
                         f"{remaining} replications left", file=str(directory),
                         expected="more free space (the stored replications are kept; resume again after)")


def needed_bytes(directory: Path, *, done: int, remaining: int, keep_events: bool) -> int:
    """Estimated bytes to store ``remaining`` more replications [bytes]."""
    stored = sum(f.stat().st_size for sub in ("metrics", "events") if (directory / sub).is_dir()
                 for f in (directory / sub).iterdir() if f.is_file())
    per_replication = stored / done if done and stored else FALLBACK_BYTES_PER_REPLICATION[bool(keep_events)]
    return int(MARGIN * per_replication * remaining) + MINIMUM_FREE


def _probe_write(folder: Path) -> None:
    """Create and remove a small temporary file in ``folder``; InputError if that fails."""
    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".airshield-probe-")
        os.close(handle)
        os.unlink(name)
    except OSError as exc:
        raise InputError(f"cannot write here ({exc.strerror or exc})", file=str(folder),
                         expected="a writable run directory (nothing was simulated; the stored files are intact)") from None
