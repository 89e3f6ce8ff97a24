"""The attacker's surrogate: expected value lost of any allocation, from threats the engine sampled.

Every lane is sampled with the engine's own draws, flights and unopposed fates (``per_lane`` threats
of each lane, ``samples`` replication seeds) against the defence laydown, so routes, failures, EW
losses, envelopes, doctrine and kill probabilities are the simulator's. For sampled threat j and fire
unit u: P[j, u] is the kill probability of u's engagements over its window on j (shoot-look-shoot:
:mod:`.engagement`), and u expects to spend ``demand[j, u]`` rounds on it (decoys included: they draw
fire); ``damage[j, a]`` is the value j's impact destroys at asset a, times the objective's weight. An
allocation n gives each sampled threat of lane k the weight n_k / m_k (m_k its samples); unit u then
faces the demand D_u = sum_j weight_j demand[j, u] and answers a share s_u = min(1, rounds_u / D_u) of
it (saturation: more threats over the same defences leak more, decoys included). A threat survives
with prod_u (1 - P[j, u] s_u), and the expected value lost is

    V(n) = sum_j c_k(j) weight_j (sum_a damage[j, a]) prod_u (1 - P[j, u] s_u(n))

with c_k the calibration of lane k against engine runs (1 until calibrated; see ``calibrated``). The
gradient dV/dn (both the lane's own leakers and the load it puts on shared units) is exact.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from airshield.planning.attack.engagement import unit_engagements
from airshield.planning.attack.space import AttackSpace
from airshield.planning.common import world_of
from airshield.planning.coverage import damage_by_asset, sample_raid, unit_rounds
from airshield.runs.seeds import replication_seed

SURROGATE_REPLICATIONS = 20_000
"""Replication indices the surrogate samples from start here (apart from the verifying runs' 0, 1, ...)."""


@dataclass(frozen=True)
class AttackSurrogate:
    """Sampled threats (rows) of every lane and what the defence can do to them (see module doc).

    ``lane`` (rows,) lane of each row; ``per_lane`` (lanes,) rows per lane; ``P`` (rows, units) CSR kill
    probability [-]; ``demand`` (rows, units) CSR rounds a unit spends on the row [rounds]; ``damage``
    (rows, assets) objective value destroyed if the row lands [value points]; ``rounds`` (units,)
    [rounds]; ``target`` (lanes,) the asset a lane aims at (-1: several); ``calibration`` (lanes,) [-];
    ``nnz_row`` the row of each entry of ``P``; ``lane_demand`` (lanes, units) rounds one more threat
    of each lane asks of each unit [rounds]."""

    lane: np.ndarray
    per_lane: np.ndarray
    P: sparse.csr_matrix
    demand: sparse.csr_matrix
    damage: np.ndarray
    rounds: np.ndarray
    target: np.ndarray
    calibration: np.ndarray
    nnz_row: np.ndarray
    lane_demand: sparse.csr_matrix

    def by_asset(self, n: np.ndarray, *, calibrated: bool = True) -> np.ndarray:
        """(assets,) expected objective value lost at each asset [value points]."""
        weight, _, survival = self._state(n)
        factor = self.calibration[self.lane] if calibrated else 1.0
        return (weight * survival * factor) @ self.damage

    def by_lane(self, n: np.ndarray, *, calibrated: bool = True) -> np.ndarray:
        """(lanes,) expected objective value lost to each lane's threats [value points]."""
        weight, _, survival = self._state(n)
        lost = np.bincount(self.lane, weights=weight * survival * self.damage.sum(axis=1), minlength=len(self.per_lane))
        return lost * self.calibration if calibrated else lost

    def value(self, n: np.ndarray) -> float:
        """V(n) [value points]."""
        return float(self.by_lane(n).sum())

    def gradient(self, n: np.ndarray) -> np.ndarray:
        """(lanes,) dV/dn_k [value points per threat]."""
        weight, share, survival = self._state(n)
        worth = self.damage.sum(axis=1) * self.calibration[self.lane]
        own = np.bincount(self.lane, weights=survival * worth, minlength=len(self.per_lane))
        own = own / np.maximum(self.per_lane, 1)
        p = self.P.data
        hit = p * share[self.P.indices]
        d_share = -np.bincount(self.P.indices, minlength=len(self.rounds),
                               weights=(weight * worth * survival)[self.nnz_row] * p / np.maximum(1.0 - hit, 1e-12))
        load = self._load(weight)
        d_load = np.where(load > self.rounds, -self.rounds / np.maximum(load, 1e-12) ** 2, 0.0)
        return own + self.lane_demand @ (d_share * d_load)

    def calibrated(self, n: np.ndarray, engine_by_lane: np.ndarray) -> "AttackSurrogate":
        """This surrogate with lane factors fitted to the engine's value lost per lane at allocation ``n``
        (``engine_by_lane``, 0 for empty lanes). A lane in ``n`` takes c_k = (E_k + k c) / (M_k + k),
        shrunk towards the overall ratio c = sum E / sum M with k the mean modelled value of the lanes in
        ``n``; an empty lane takes the same fit pooled over the lanes of ``n`` at its target (c when
        none, or when it aims at several); then the factors are scaled so that the total at ``n`` is
        the engine's."""
        model = self.by_lane(n, calibrated=False)
        engine = np.asarray(engine_by_lane, dtype=float)
        used = np.asarray(n) > 0
        if model.sum() <= 0 or engine.sum() <= 0:
            return self
        overall = engine.sum() / model.sum()
        k = model[used].sum() / max(1, int((model[used] > 0).sum()))
        factors = np.full(len(model), overall)
        factors[used] = (engine[used] + k * overall) / (model[used] + k)
        for t in np.unique(self.target[~used & (self.target >= 0)]):
            pool = used & (self.target == t)
            if pool.any():
                factors[~used & (self.target == t)] = (engine[pool].sum() + k * overall) / (model[pool].sum() + k)
        factors *= engine.sum() / max(float(factors @ model), 1e-300)
        return dataclasses.replace(self, calibration=np.clip(factors, 1e-6, 1e6))

    def _state(self, n: np.ndarray):
        n = np.asarray(n, dtype=float)
        weight = n[self.lane] / np.maximum(self.per_lane[self.lane], 1)
        load = self._load(weight)
        share = np.where(load > self.rounds, self.rounds / np.maximum(load, 1e-12), 1.0)
        hit = np.minimum(self.P.data * share[self.P.indices], 1.0 - 1e-12)
        logs = np.bincount(self.nnz_row, weights=np.log1p(-hit), minlength=self.P.shape[0])
        return weight, share, np.exp(logs)

    def _load(self, weight: np.ndarray) -> np.ndarray:
        return self.demand.T @ weight


def build_surrogate(document: dict, space: AttackSpace, weights: np.ndarray, *,
                    seed: int, samples: int, per_lane: int, label: str) -> AttackSurrogate:
    """Sample ``per_lane`` threats of every lane in each of ``samples`` replications against the defence
    of ``document`` (its attacker section, which the probe raid would not fit, is left out)."""
    probe = {k: v for k, v in document.items() if k != "attacker"}
    probe["raid"] = space.raid(np.full(len(space), per_lane), name="surrogate probe: every lane")
    world = world_of(probe, label=f"{label} (attack lanes)")
    lanes = np.repeat(np.arange(len(space)), per_lane)
    Ps, demands, damages = [], [], []
    for i in range(samples):
        draws, flights, fates = sample_raid(world, replication_seed(seed, SURROGATE_REPLICATIONS + i))
        p_unit, rounds = unit_engagements(world, draws, flights, fates)
        Ps.append(sparse.csr_matrix(p_unit))
        demands.append(sparse.csr_matrix(rounds))
        damages.append(damage_by_asset(world, draws, fates) * weights[None, :])
    P = sparse.vstack(Ps).tocsr()
    demand = sparse.vstack(demands).tocsr()
    lane = np.tile(lanes, samples)
    counts = np.bincount(lane, minlength=len(space)).astype(float)
    pick = sparse.csr_matrix((1.0 / counts[lane], (lane, np.arange(len(lane)))), shape=(len(space), len(lane)))
    nnz_row = np.repeat(np.arange(P.shape[0]), np.diff(P.indptr))
    names = list(world.assets.name)
    target = np.array([names.index(lane.target) if lane.target in names else -1 for lane in space.lanes])
    return AttackSurrogate(lane, counts, P, demand, np.vstack(damages), unit_rounds(world), target,
                           np.ones(len(space)), nnz_row, (pick @ demand).tocsr())
