"""The raid's mix as regressors of the link: fractions by hand, families, and a known effect recovered."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from airshield.history.calibrate import Case
from airshield.history.forecast.fit import fit_link
from airshield.history.forecast.mix import MixTerms, group_mix, mix_terms
from airshield.history.forecast.observations import observation_table
from airshield.history.forecast.predictive import draw_shares
from airshield.history.forecast.simulate import RaidSim
from airshield.history.forecast.synthetic import Truth, synthetic_observations
from airshield.history.spec import RaidSpec, SpecRow


def _row(keys: tuple[str, ...], threat_class: str, count: int) -> SpecRow:
    return SpecRow(keys, threat_class, count, (), ())


SPEC = RaidSpec("r1", pd.Timestamp("2025-01-15 02:00"), 8.0, (
    _row(("kh-101", "kh-555"), "cruise", 10), _row(("kh-22",), "supersonic_cruise", 5),
    _row(("shahed-136", "shahed-131"), "drone", 40), _row(("iskander-m",), "ballistic", 2),
    _row(("kab",), "glide_bomb", 7)))


def test_group_mix_splits_a_row_of_several_types_evenly_within_its_group():
    mix = group_mix(SPEC.rows)
    assert set(mix) == {"cruise", "drone", "ballistic"}   # glide bombs belong to no reported group
    assert mix["cruise"] == pytest.approx({"kh-101": 5 / 15, "kh-22": 5 / 15, "kh-555": 5 / 15})
    assert mix["drone"] == pytest.approx({"shahed-131": 0.5, "shahed-136": 0.5})
    assert mix["ballistic"] == {"iskander-m": 1.0}


def test_observation_rows_carry_their_groups_mix():
    reported = pd.DataFrame({"launched": [15.0, 40.0], "destroyed": [0.6, 0.8], "ew_lost": [0.0, 0.1],
                             "neutralised": [0.6, 0.9]}, index=["cruise", "drone"])
    sim = RaidSim("r1", {"cruise": np.array([[15.0, 12.0, 0.0]]), "drone": np.array([[40.0, 30.0, 5.0]])}, 0.1)
    table = observation_table([Case(SPEC, reported)], {"r1": sim}).set_index("group")
    assert table.loc["cruise", "mix"] == pytest.approx({"kh-101": 1 / 3, "kh-22": 1 / 3, "kh-555": 1 / 3})
    assert table.loc["drone", "mix"] == pytest.approx({"shahed-131": 0.5, "shahed-136": 0.5})


def test_mix_terms_by_hand_families_base_threshold_and_centring():
    mixes = [{"kh-101": 0.5, "kh-555": 0.5},
             {"kh-101": 0.4, "kh-555": 0.4, "kh-22": 0.2},
             {"kh-59": 1.0},
             {"kh-59": 0.5, "kh-22": 0.5}]
    launched = np.array([40.0, 50.0, 9.0, 20.0])
    # launches: kh-101+kh-555 20 + 40 = 60 (the base), kh-22 10 + 10 = 20 (kept), kh-59 9 + 10 = 19 (< 20)
    terms = mix_terms(mixes, launched)
    assert terms.families == (("kh-22",),)
    assert terms.centre == pytest.approx((0.175,))          # (0 + 0.2 + 0 + 0.5) / 4
    assert terms.regressors({"kh-22": 1.0}) == pytest.approx([0.825])
    more = mix_terms(mixes, np.array([40.0, 50.0, 10.0, 20.0]))   # kh-59 reaches 20 launches
    assert more.names == ["kh-22", "kh-59"]
    assert more.table(mixes)[:, 1] == pytest.approx(np.array([0.0, 0.0, 1.0, 0.5]) - 0.375)
    assert mix_terms([{"shahed-136": 0.5, "shahed-131": 0.5}] * 3, np.full(3, 100.0)) == MixTerms()
    assert mix_terms([], np.empty(0)) == MixTerms()


def test_the_mix_regressor_recovers_a_known_type_effect_and_moves_the_forecast():
    truth = Truth(mix_weight=-2.0)
    table = synthetic_observations(300, truth, seed=5)
    link = fit_link(table, "drone", "neutralised", table["start"].min())
    name, = link.mix.names   # the other type is the base (the one launched more)
    expected = truth.mix_weight if name == "b" else -truth.mix_weight   # fraction of a = 1 - fraction of b
    (weight, sd), = link.mix_state
    assert abs(weight - expected) <= 3 * sd + 0.05, (weight, sd)
    assert link.to_dict()["mix_weights"][name]["weight"] == pytest.approx(weight)
    state = (np.array([2.0, 0.0, 0.0, weight]), np.diag([1e-4, 1e-4, 1e-4, 1e-4]))
    medians = [np.median(draw_shares([state], [link.hyper], np.empty(0), 100.0, link, np.random.default_rng(1),
                                     400, mix)) for mix in ({"a": 1.0}, {"b": 1.0})]
    assert medians[0] > medians[1] + 0.1   # the weaker type's raid is forecast lower
