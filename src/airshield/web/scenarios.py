"""Scenarios the server may read: the built-in ones and YAML files directly inside configured folders.

A name is a built-in scenario name or a bare file name; anything with a path separator, ``..`` or an
absolute path is refused, and a file must resolve inside its folder (no symlink escapes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from airshield.errors import InputError
from airshield.scenario import builtin_names, load_scenario
from airshield.scenario.builtin import builtin_path
from airshield.safepaths import OutsideRoot, inside
from airshield.scenario.yaml_io import SAFE_LOADER, read_text
from airshield.world import World, load_world

SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\- ]*$")


class Forbidden(Exception):
    """A scenario name that points outside the configured folders."""


class UnknownScenario(InputError):
    """No built-in scenario or file in the folders has this name (404 on the web)."""


@dataclass(frozen=True)
class ScenarioLibrary:
    """Built-in scenarios plus ``*.yaml``/``*.yml`` files in ``folders`` (not their subfolders)."""

    folders: tuple[Path, ...] = ()

    def entries(self) -> list[dict]:
        rows = [{"name": n, "source": "builtin", "description": _description(builtin_path(n))} for n in builtin_names()]
        for folder in self.folders:
            for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
                if path.suffix in (".yaml", ".yml") and self._inside(path, folder):
                    rows.append({"name": path.name, "source": "folder", "description": _description(path)})
        return rows

    def path_of(self, name: str) -> Path:
        """The file of scenario ``name``; Forbidden for traversal, InputError when unknown."""
        if not name or "/" in name or "\\" in name or ".." in name or Path(name).is_absolute() or \
                len(name) > 200 or not SAFE_NAME.match(name):
            raise Forbidden("scenario names are plain names of built-in scenarios or files in the server's folders, "
                            f"not '{name[:80]}'")
        builtin = builtin_path(name)
        if builtin is not None:
            return builtin
        for folder in self.folders:
            path = folder / name
            if path.suffix in (".yaml", ".yml") and self._inside(path, folder) and path.is_file():
                return path
        raise UnknownScenario(f"no scenario named '{name}'", path="scenario",
                         expected="one of: " + ", ".join(e["name"] for e in self.entries()))

    def text(self, name: str) -> str:
        """The YAML text of scenario ``name``, read with the loader's bounds (regular file, size cap)."""
        return read_text(self.path_of(name))

    def world_from_text(self, text: str, file: str = "<editor>") -> World:
        """Compile YAML text; ``extends`` may only name a built-in scenario or a file in the folders."""
        base_dir = None
        try:
            data = yaml.load(text, Loader=SAFE_LOADER)
        except Exception:  # noqa: BLE001 - the loader reports the problem with its position
            data = None
        if isinstance(data, dict) and isinstance(data.get("extends"), str):
            try:
                parent = self.path_of(data["extends"].strip())
            except Forbidden as exc:
                raise InputError(str(exc), file=file, path="extends",
                                 expected="a built-in scenario name or a file in the server's scenario folders") from None
            base_dir = parent.parent
        return load_world(text=text, file=file, base_dir=base_dir or _nowhere())

    @staticmethod
    def _inside(path: Path, folder: Path) -> bool:
        """True if ``path`` is a plain entry of ``folder`` (no symbolic link, no escape)."""
        try:
            inside(folder, path.name, kind="scenario")
        except OutsideRoot:
            return False
        return path.parent == folder


def _nowhere() -> Path:
    """A base folder in which no relative ``extends`` can be found (they are checked before)."""
    return Path("/nonexistent-airshield-base")


def _description(path: Path | None) -> str:
    try:
        return str(load_scenario(path).description or "") if path else ""
    except Exception:  # noqa: BLE001 - a broken file is listed with an empty description
        return ""


__all__ = ["Forbidden", "ScenarioLibrary"]
