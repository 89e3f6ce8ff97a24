"""Names that become paths: a slug for folder names, and one check that a path stays inside its root.

Every file the CLI or the server derives from a user's text (a scenario name, a run or plan name, an
image name) goes through :func:`slug` or :func:`inside`: the result is a plain name, or a path under
the root with no ``..``, no absolute part, no NUL byte and no symbolic link on the way.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from airshield.errors import InputError

SLUG_MAX = 60
_UNSAFE = re.compile(r"[^a-z0-9._-]+")


class OutsideRoot(InputError):
    """A name that would leave its root folder, or pass through a symbolic link."""


def slug(text: str, *, fallback: str = "scenario", max_length: int = SLUG_MAX) -> str:
    """A plain folder name from any text: lower-case ASCII letters, digits, ``.``, ``_`` and ``-``.

    ``'../Escaped Run'`` -> ``'escaped-run'``; never empty, never ``.`` or ``..``, at most
    ``max_length`` characters.
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    name = _UNSAFE.sub("-", ascii_text.lower()).strip("._-")[:max_length].strip("._-")
    return name or fallback


def inside(root: Path, name: str | os.PathLike, *, kind: str = "file") -> Path:
    """``root / name`` if it stays inside ``root`` with no symbolic link on the way; else OutsideRoot.

    ``name`` is relative (it may have several parts, e.g. ``plans/p1``); the path need not exist.
    """
    text = os.fspath(name)
    parts = Path(text).parts
    if not text or not parts or "\x00" in text or Path(text).is_absolute() or "\\" in text or \
            any(p in ("..", ".") for p in parts) or len(text) > 1024:
        raise OutsideRoot(f"'{_shown(text)}' is not a {kind} name inside its folder",
                          expected=f"a plain {kind} name")
    base = Path(root).absolute()
    path = base
    for part in parts:
        path = path / part
        _refuse_link(path, text, kind)
    if not path.resolve().is_relative_to(base.resolve()):
        raise OutsideRoot(f"'{_shown(text)}' leaves its folder", expected=f"a plain {kind} name")
    return path


def _refuse_link(path: Path, text: str, kind: str) -> None:
    """OutsideRoot if ``path`` is a symbolic link (a missing path is fine)."""
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there yet: whoever creates it reports what is in the way
    except OSError as exc:
        raise OutsideRoot(f"'{_shown(text)}' cannot be checked: {exc.strerror}", expected=f"a plain {kind} name") from None
    if stat.S_ISLNK(mode):
        raise OutsideRoot(f"'{_shown(text)}' is a symbolic link, which is not followed",
                          expected=f"a {kind} stored in the folder itself")


def _shown(text: str, limit: int = 80) -> str:
    """``text`` for a message: control characters escaped, long names cut."""
    shown = text.encode("unicode_escape").decode("ascii")
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."
