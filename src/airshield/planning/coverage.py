"""The placement model: which (site, unit type) can engage which sampled threat, and how well.

Threats are sampled with the engine's own draws, flights and unopposed fates (the scenario's raid,
``samples`` replications). A probe unit of each type at each candidate site is compiled into a World,
so its envelopes, kill probabilities, doctrine reserve rules and rounds are the simulator's. Probe
``u`` covers threat ``j`` when the threat enters its envelope before the threat's unopposed end; then

    P[j, u] = (1 - (1 - pk)^salvo) * min(1, rounds_u / demand_u)

with the best munition, ``demand_u`` the rounds the probe would need for every threat it covers
(decoys included: they draw fire). A threat's weight ``w[j]`` is the value its impact would destroy
(the engine's damage rule, summed over assets), averaged over samples; threats that fail or are lost
to EW weigh 0. Units that stay where they are (types not being placed) discount the weights by their
own miss probability. The model's expected value saved by a set X of probes is

    F(X) = sum_j w[j] * (1 - prod_{u in X} (1 - P[j, u]))      (monotone submodular in X)

A weapon brought by a carrier is also covered by a probe that would shoot its carrier down before
the release, or push the release point (attacker's standoff included) so far back that the weapon
falls short (:mod:`.carrier_cover`).

Not modelled: fire channels and timing between units, dog-legs and release points reacting to the
new laydown as a whole (routes and release points are sampled against the scenario's own laydown,
each probe's push-back is judged alone), sensors (a linked picture is assumed).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from airshield.engine.draws import draw_threats
from airshield.engine.flight import build_flights
from airshield.engine.streams import ThreatStreams
from airshield.engine.unopposed import IMPACT, unopposed_fates
from airshield.physics import can_engage, damage_share, envelope_times, within_lethal_reach
from airshield.planning.carrier_cover import with_carriers
from airshield.planning.common import world_of
from airshield.planning.sites import Sites
from airshield.runs.seeds import replication_seed
from airshield.world import World


@dataclass(frozen=True)
class CoverageModel:
    """``P`` (threats x probes, CSC) kill shares; ``w`` (threats,) value at risk [value points];
    ``probe_site``/``probe_type`` per probe; ``at_risk`` total expected value lost with no placed units."""

    P: sparse.csc_matrix
    w: np.ndarray
    probe_site: np.ndarray
    probe_type: tuple[str, ...]
    at_risk: float
    samples: int

    def value_saved(self, chosen: np.ndarray) -> float:
        """F(X) for probe indices ``chosen`` [value points]."""
        return float(self.w @ (1.0 - self.survival(chosen)))

    def survival(self, chosen: np.ndarray) -> np.ndarray:
        """prod_{u in X} (1 - P[j, u]) per threat."""
        logs = np.zeros(self.P.shape[0])
        for u in np.asarray(chosen, dtype=int):
            col = self.P.getcol(u)
            logs[col.indices] += np.log1p(-np.minimum(col.data, 1 - 1e-12))
        return np.exp(logs)


def probe_units(sites: Sites, types: list[str]) -> list[dict[str, Any]]:
    """One fire unit of each type at each site (the candidate placements)."""
    return [{"name": f"probe-{t}-{s}", "type": t, "lat": float(sites.lat[s]), "lon": float(sites.lon[s])}
            for t in types for s in range(len(sites))]


def build_model(base_world: World, document: dict, sites: Sites, types: list[str], fixed: list[dict], *,
                seed: int, samples: int, label: str, asset_weights: np.ndarray | None = None) -> CoverageModel:
    """The coverage model of ``types`` at ``sites`` against ``samples`` sampled raids of ``base_world``;
    ``asset_weights`` (assets,) weigh the value lost at each asset (default 1: all value)."""
    asset_weights = np.ones(len(base_world.assets.name)) if asset_weights is None else asset_weights
    probes = probe_units(sites, types)
    probe_doc = dict(document, fire_units=list(fixed) + probes)
    probe_world = world_of(probe_doc, label=label + " (candidate sites)")
    n_fixed, n_probe = len(fixed), len(probes)
    Ps, ws = [], []
    for i in range(samples):
        draws, flights, fates = sample_raid(base_world, replication_seed(seed, i))
        unit_p = with_carriers(probe_world, draws, flights, fates,
                               _unit_kill_shares(probe_world, draws, flights, fates), _unit_kill_shares)
        weight = damage_by_asset(base_world, draws, fates) @ asset_weights
        if n_fixed:
            weight = weight * np.prod(1.0 - unit_p[:, :n_fixed], axis=1)
        Ps.append(sparse.csc_matrix(unit_p[:, n_fixed:]))
        ws.append(weight / samples)
    P = sparse.vstack(Ps).tocsc()
    w = np.concatenate(ws)
    keep = np.flatnonzero((w > 0) & (np.asarray(P.sum(axis=1)).ravel() > 0))
    at_risk = float(w.sum())
    probe_site = np.tile(np.arange(len(sites)), len(types))
    probe_type = tuple(t for t in types for _ in range(len(sites)))
    assert P.shape[1] == n_probe
    return CoverageModel(P[keep].tocsc(), w[keep], probe_site, probe_type, at_risk, samples)


def sample_raid(world: World, seed: np.random.SeedSequence):
    """The engine's own draws, flights and unopposed fates of the raid of ``world`` for one replication seed."""
    settings = world.run.engine
    streams = ThreatStreams.of(seed)
    draws = draw_threats(world, streams, settings.min_altitude)
    flights = build_flights(world, draws, streams, settings)
    return draws, flights, unopposed_fates(world, draws, flights, streams)


def unit_kill_probs(world: World, draws, flights, fates) -> tuple[np.ndarray, np.ndarray]:
    """(threats, units) kill probability of one salvo of each unit on each threat it can engage before
    the threat's unopposed end [-], and the salvo size of each threat [rounds]."""
    weapons, units = world.weapons, world.units
    n_units = len(units.name)
    salvo = world.doctrine.salvo[draws.perceived_class]
    if draws.n == 0 or len(weapons.unit) == 0:
        return np.zeros((draws.n, n_units)), salvo
    e_in, _ = envelope_times(flights, units, weapons)
    able = can_engage(weapons, draws.perceived_class, world.threat_types.speed[draws.type_index])
    reach = np.isfinite(e_in) & able & (e_in < fates.end_time[:, None])
    pk = weapons.pk[:, draws.class_index].T
    p_weapon = np.where(reach, 1.0 - (1.0 - pk) ** salvo[:, None], 0.0)
    p_unit = np.zeros((draws.n, n_units))
    np.maximum.at(p_unit.T, weapons.unit, p_weapon.T)
    return p_unit, salvo


def unit_rounds(world: World) -> np.ndarray:
    """Rounds each fire unit holds, loaded and in its magazine [rounds]."""
    weapons = world.weapons
    return np.bincount(weapons.unit, weights=weapons.stock + weapons.magazine, minlength=len(world.units.name))


def _unit_kill_shares(world: World, draws, flights, fates) -> np.ndarray:
    """(threats, units) kill share of each unit on each threat, capacity-scaled (see module doc)."""
    p_unit, salvo = unit_kill_probs(world, draws, flights, fates)
    demand = ((p_unit > 0) * salvo[:, None]).sum(axis=0)
    scale = np.minimum(1.0, unit_rounds(world) / np.maximum(demand, 1))
    return p_unit * scale[None, :]


def damage_by_asset(world: World, draws, fates) -> np.ndarray:
    """(threats, assets) value each threat's impact would destroy at each asset (engine damage rule, no
    compounding; 0 for threats that fail, are lost to EW or carry no warhead) [value points]."""
    types, assets = world.threat_types, world.assets
    lethal = types.lethal_radius[draws.type_index]
    d = np.hypot(draws.impact_xy[:, 0:1] - assets.x[None, :], draws.impact_xy[:, 1:2] - assets.y[None, :])
    hit = within_lethal_reach(d, assets.radius[None, :], lethal[:, None])
    share = damage_share(lethal[:, None], assets.radius[None, :])
    harmless = types.harmless[draws.type_index]
    landed = (fates.fate == IMPACT) & ~harmless
    return hit * share * assets.value[None, :] * landed[:, None]
