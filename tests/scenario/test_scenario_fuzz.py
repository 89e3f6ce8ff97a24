"""Fuzzing the loader and compiler: any input gives a World or an InputError, never another exception."""

import copy
import math

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from airshield.errors import InputError
from airshield.scenario.builtin import builtin_path
from airshield.world import load_world
from airshield.world import World

KYIV = yaml.safe_load(builtin_path("kyiv-small").read_text(encoding="utf-8"))
NATIONAL = yaml.safe_load(builtin_path("ukraine-national").read_text(encoding="utf-8"))
FIELD_NAMES = ["name", "extends", "theatre", "assets", "fire_units", "raid", "waves", "count", "lat", "lon",
               "stock", "threat", "launch", "targets", "fire_units+", "assets+", "run", "seed", "doctrine",
               "salvo", "catalogue", "threats", "effectors", "radius_km", "kyiv-small"]

scalars = st.one_of(
    st.none(), st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["kyiv-small", "ukraine-national", "shahed-136", "patriot", "Kyiv", "kursk", ""]),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)),
    max_leaves=30)
top_level = st.one_of(documents, st.dictionaries(st.sampled_from(FIELD_NAMES), documents, max_size=8))


def check(text: str) -> None:
    try:
        result = load_world(text=text, file="fuzz.yaml")
    except InputError as error:
        assert "fuzz.yaml" in str(error)
    else:
        assert isinstance(result, World)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(top_level)
def test_random_documents(doc):
    check(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=200))
def test_random_text(text):
    check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=100))
def test_random_bytes_as_text(data):
    check(data.decode("utf-8", errors="replace"))


# --- mutations of the built-in scenarios -------------------------------------------------------

wrong_values = st.one_of(
    st.none(), st.booleans(), st.text(max_size=12), st.just("many"),
    st.integers(min_value=-(2**80), max_value=2**80), st.sampled_from([-1, 0, -1e300, 1e300, 2**64, -(2**63)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.just([]), st.just({}), st.just([1, "x"]), st.just({"x": 1}), st.just("Ḱÿïv ☢ 🚀"),
)


def _containers(doc, path=()):
    """Every (path, container) inside doc, the root included."""
    found = [(path, doc)]
    items = doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    for key, value in items:
        if isinstance(value, (dict, list)):
            found += _containers(value, (*path, key))
    return found


@st.composite
def mutated(draw, base):
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        places = [(p, c) for p, c in _containers(doc) if c]
        if not places:
            break
        _, container = draw(st.sampled_from(places))
        key = draw(st.sampled_from(sorted(container, key=str)) if isinstance(container, dict)
                   else st.integers(min_value=0, max_value=len(container) - 1))
        action = draw(st.sampled_from(["delete", "replace", "replace", "rename"]))
        if action == "delete":
            del container[key]
        elif action == "rename" and isinstance(container, dict):
            container[draw(st.text(min_size=1, max_size=8)) + "+"] = container.pop(key)
        else:  # a copy: st.just gives the same object every time, which later mutations would nest in itself
            container[key] = copy.deepcopy(draw(wrong_values))
    return doc


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated(KYIV))
def test_mutated_kyiv(doc):
    check(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated(NATIONAL))
def test_mutated_national(doc):
    check(yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.dictionaries(st.sampled_from(["run", "theatre", "fire_units+", "assets+", "raid", "catalogue",
                                        "sensors+", "name", "doctrine"]), documents, max_size=3))
def test_extends_with_random_overrides(override):
    check(yaml.safe_dump({"extends": "kyiv-small", **override}, allow_unicode=True))


def test_nan_is_refused_not_crashing():
    doc = copy.deepcopy(KYIV)
    doc["raid"]["waves"][0]["start_min"] = math.nan
    check(yaml.safe_dump(doc))


rounds_tables = st.dictionaries(st.sampled_from(["35mm-burst", "pac-3-mse", "pac-2-gem-t", "x"]),
                                st.one_of(st.integers(min_value=-(2**80), max_value=2**80), wrong_values),
                                max_size=3)


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.integers(min_value=0, max_value=len(KYIV["fire_units"]) - 1), st.none() | rounds_tables, rounds_tables)
def test_random_stock_and_magazine(index, stock, magazine):
    # regression: a magazine beyond int64 once raised OverflowError while building the weapon table
    doc = copy.deepcopy(KYIV)
    unit = doc["fire_units"][index]
    unit.pop("stock", None)
    if stock is not None:
        unit["stock"] = stock
    unit["magazine"] = magazine
    check(yaml.safe_dump(doc, allow_unicode=True))
