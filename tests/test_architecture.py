"""The World is the one door into the engine: nothing below it imports the scenario or the catalogue."""

import ast
from pathlib import Path

import airshield

BELOW_THE_WORLD = ("engine", "sensing", "tracking", "c2", "kinematics", "physics")
ABOVE = ("airshield.scenario", "airshield.catalogue")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_nothing_below_the_world_imports_the_scenario_or_the_catalogue():
    root = Path(airshield.__file__).parent
    offenders = []
    for package in BELOW_THE_WORLD:
        for path in sorted((root / package).rglob("*.py")):
            bad = [n for n in _imports(path) if n.startswith(ABOVE) or n in ("airshield.scenario", "airshield.catalogue")]
            if bad:
                offenders.append(f"{path.relative_to(root)}: {bad}")
    assert not offenders, offenders


def test_no_engine_module_reads_the_scenario_or_catalogue_through_the_world():
    root = Path(airshield.__file__).parent
    for package in ("engine", "sensing", "tracking"):
        for path in (root / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "world.scenario" not in text and "world.catalogue" not in text, path
