"""Benchmark instance files: reading, writing and random generation.

Format (whitespace separated; blank lines and ``#`` comments ignored)::

    W T mu          # weapons, targets, units per weapon
    V_0             # T lines: target values
    ...
    i j p           # any number of lines: weapon i, target j, kill probability (unlisted pairs: p = 0)

Indices are 0-based. A 1-based file is recognised by a comment ``# 1-based`` (or ``# index-base: 1``)
anywhere before the pairs, or, without such a comment, when no index is 0 and some weapon index equals
W or some target index equals T. A comment ``# 0-based`` forces 0-based reading.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from airshield.errors import InputError, unknown_name
from airshield.wta.problem import WtaProblem

_BASE = re.compile(r"\b([01])-based\b|index[-_ ]base\s*[:=]?\s*([01])\b", re.IGNORECASE)


def read_instance(path: str | Path) -> WtaProblem:
    """The problem in instance file ``path``; malformed files raise InputError naming file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read instance file: {exc}", file=str(path)) from exc
    return parse_instance(text, str(path))


def parse_instance(text: str, file: str = "<text>") -> WtaProblem:
    """The problem written in ``text`` (instance format); ``file`` names it in errors."""
    lines, base = _lines(text)
    if not lines:
        raise InputError("empty instance file", file=file, path="line 1", expected="a header 'W T mu'")
    no, fields = lines[0]
    W, T, mu = (_int(f, file, no, what, low) for f, what, low in
                zip(_arity(fields, 3, file, no, "'W T mu'"), ("W", "T", "mu"), (1, 1, 0)))
    values = _values(lines[1:1 + T], T, file, lines[-1][0])
    pairs = lines[1 + T:]
    triples = [(no, _pair(f, file, no)) for no, f in pairs]
    base = _index_base(base, triples, W, T)
    p = np.zeros((W, T))
    seen: dict[tuple[int, int], int] = {}
    for no, (i, j, prob) in triples:
        i, j = i - base, j - base
        _check_pair(i, j, W, T, base, file, no)
        if (i, j) in seen:
            raise InputError(f"duplicate pair ({i + base}, {j + base}), first on line {seen[(i, j)]}",
                             file=file, path=f"line {no}", expected="each weapon-target pair once")
        seen[(i, j)] = no
        p[i, j] = prob
    return WtaProblem(values, p, np.full(W, mu))


def _lines(text: str) -> tuple[list[tuple[int, list[str]]], int | None]:
    out, base = [], None
    for no, raw in enumerate(text.splitlines(), start=1):
        body, _, comment = raw.partition("#")
        match = _BASE.search(comment)
        if match:
            base = int(match.group(1) or match.group(2))
        if body.split():
            out.append((no, body.split()))
    return out, base


def _arity(fields: list[str], n: int, file: str, no: int, form: str) -> list[str]:
    if len(fields) != n:
        raise InputError(f"{len(fields)} fields", file=file, path=f"line {no}", expected=f"{n} fields {form}")
    return fields


def _number(text: str, file: str, no: int, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{what} '{text}' is not a number", file=file, path=f"line {no}",
                         expected="a number") from None
    if not np.isfinite(value):
        raise InputError(f"{what} '{text}' is not finite", file=file, path=f"line {no}", expected="a finite number")
    return value


def _int(text: str, file: str, no: int, what: str, low: int) -> int:
    value = _number(text, file, no, what)
    if value != int(value) or value < low:
        raise InputError(f"{what} = {text}", file=file, path=f"line {no}", expected=f"an integer >= {low}")
    return int(value)


def _values(lines: list, T: int, file: str, last: int) -> np.ndarray:
    if len(lines) < T:
        raise InputError(f"file ends after {len(lines)} target values", file=file, path=f"line {last}",
                         expected=f"{T} target values, one per line")
    out = np.empty(T)
    for k, (no, fields) in enumerate(lines):
        out[k] = _number(_arity(fields, 1, file, no, "(one target value)")[0], file, no, "target value")
        if out[k] < 0:
            raise InputError(f"negative target value {fields[0]}", file=file, path=f"line {no}",
                             expected="a value >= 0")
    return out


def _pair(fields: list[str], file: str, no: int) -> tuple[int, int, float]:
    i_s, j_s, p_s = _arity(fields, 3, file, no, "'weapon target probability'")
    i, j = _int(i_s, file, no, "weapon index", 0), _int(j_s, file, no, "target index", 0)
    prob = _number(p_s, file, no, "kill probability")
    if not 0.0 <= prob <= 1.0:
        raise InputError(f"kill probability {p_s} outside [0, 1]", file=file, path=f"line {no}",
                         expected="0 <= p <= 1")
    return i, j, prob


def _index_base(declared: int | None, triples: list, W: int, T: int) -> int:
    if declared is not None:
        return declared
    if not triples:
        return 0
    idx = np.array([(i, j) for _, (i, j, _) in triples])
    if idx.min() > 0 and (np.any(idx[:, 0] == W) or np.any(idx[:, 1] == T)):
        return 1
    return 0


def _check_pair(i: int, j: int, W: int, T: int, base: int, file: str, no: int) -> None:
    if not 0 <= i < W:
        raise InputError(f"weapon index {i + base} out of range", file=file, path=f"line {no}",
                         expected=f"{base}..{W - 1 + base} ({base}-based)")
    if not 0 <= j < T:
        raise InputError(f"target index {j + base} out of range", file=file, path=f"line {no}",
                         expected=f"{base}..{T - 1 + base} ({base}-based)")


def format_instance(problem: WtaProblem) -> str:
    """``problem`` in the instance format (0-based; pairs with p = 0 omitted; full float precision)."""
    mu = np.unique(problem.mu)
    if mu.size > 1:
        raise ValueError("the instance format holds one mu for all weapons")
    lines = ["# airshield WTA instance, 0-based indices",
             f"{problem.weapons} {problem.targets} {int(mu[0]) if mu.size else 0}"]
    lines += [repr(float(v)) for v in problem.values]
    w, t = np.nonzero(problem.p)
    lines += [f"{i} {j} {float(problem.p[i, j])!r}" for i, j in zip(w, t)]
    return "\n".join(lines) + "\n"


def write_instance(problem: WtaProblem, path: str | Path) -> None:
    """Write ``problem`` to ``path`` in the instance format."""
    Path(path).write_text(format_instance(problem), encoding="utf-8")


FAMILIES = ("ahuja", "hard")


def generate(W: int, T: int | None, mu: int, seed: int, sparse: float | None = None,
             family: str = "ahuja") -> WtaProblem:
    """A random instance of ``family``; ``T=None`` takes the family's default number of targets.

    ``"ahuja"`` (Ahuja et al. 2007): values uniform in [25, 100], kill probabilities uniform in
    [0.6, 0.9], ``T`` required. ``"hard"``: values integer-uniform on 1..100, kill probabilities
    uniform on the open interval (0, 1), ``T = 2W`` (the only ``T`` accepted). With ``sparse`` (0..1]
    each weapon reaches only a random ``sparse`` share of the targets (at least one), the rest have p = 0.
    """
    T = _check_generate(W, T, mu, sparse, family)
    rng = np.random.default_rng(seed)
    if family == "hard":
        values = rng.integers(1, 101, T).astype(float)
        p = rng.integers(1, 2**53, (W, T)) / 2.0**53          # uniform on the open interval (0, 1)
    else:
        values = rng.uniform(25.0, 100.0, T)
        p = rng.uniform(0.6, 0.9, (W, T))
    if sparse is not None:
        p = np.where(_reach_mask(rng, W, T, sparse), p, 0.0)
    return WtaProblem(values, p, np.full(W, mu))


def _check_generate(W: int, T: int | None, mu: int, sparse: float | None, family: str) -> int:
    """The number of targets to draw, after checking the arguments (InputError naming the option)."""
    if family not in FAMILIES:
        raise unknown_name("family", family, FAMILIES, path="family")
    if family == "hard":
        if T is not None and T != 2 * W:
            raise InputError(f"targets = {T} with weapons = {W}", path="targets",
                             expected=f"T = 2W = {2 * W} for the hard family (or leave it out)")
        T = 2 * W
    if T is None:
        raise InputError("no number of targets", path="targets", expected="an integer >= 1")
    if W < 1 or T < 1 or mu < 0:
        raise InputError(f"W={W}, T={T}, mu={mu}", expected="W >= 1, T >= 1, mu >= 0")
    if sparse is not None and not 0.0 < sparse <= 1.0:
        raise InputError(f"sparse = {sparse}", path="sparse", expected="a share in (0, 1]")
    return T


def _reach_mask(rng: np.random.Generator, W: int, T: int, sparse: float) -> np.ndarray:
    """(W, T) mask: each weapon reaches a random ``sparse`` share of the targets (at least one)."""
    k = max(1, int(round(sparse * T)))
    keep = np.argsort(rng.random((W, T)), axis=1)[:, :k]
    mask = np.zeros((W, T), dtype=bool)
    np.put_along_axis(mask, keep, True, axis=1)
    return mask
