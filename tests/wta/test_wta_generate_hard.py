"""The hard instance family: values integer-uniform on 1..100, p uniform on (0, 1), T = 2W."""

import numpy as np
import pytest

from airshield.cli.main import main
from airshield.errors import InputError
from airshield.wta import generate, read_instance


@pytest.mark.parametrize("W, mu", [(5, 1), (50, 3)])
def test_hard_family_shapes_and_ranges(W, mu):
    prob = generate(W, None, mu, seed=2, family="hard")
    assert prob.p.shape == (W, 2 * W) and prob.values.shape == (2 * W,)
    assert np.all(prob.mu == mu)
    assert np.all(prob.values == np.round(prob.values))
    assert prob.values.min() >= 1 and prob.values.max() <= 100
    assert np.all((prob.p > 0) & (prob.p < 1))


def test_hard_family_distribution():
    prob = generate(200, None, 1, seed=0, family="hard")
    counts = np.bincount(prob.values.astype(int), minlength=101)[1:]
    assert counts.min() >= 0 and set(np.unique(prob.values)) <= set(range(1, 101))
    assert len(np.unique(prob.values)) > 90                       # 400 draws cover nearly all of 1..100
    assert abs(prob.values.mean() - 50.5) < 4.0                     # sd of the mean ~ 1.4
    assert abs(prob.p.mean() - 0.5) < 0.01                          # 80,000 draws: sd ~ 0.001
    assert abs(np.mean(prob.p < 0.25) - 0.25) < 0.01


def test_hard_family_is_reproducible_and_differs_by_seed():
    a, b = generate(10, None, 2, seed=5, family="hard"), generate(10, 20, 2, seed=5, family="hard")
    assert np.array_equal(a.p, b.p) and np.array_equal(a.values, b.values)
    assert not np.array_equal(a.p, generate(10, None, 2, seed=6, family="hard").p)


def test_default_family_is_unchanged():
    prob = generate(4, 6, 1, seed=9)
    rng = np.random.default_rng(9)
    assert np.array_equal(prob.values, rng.uniform(25.0, 100.0, 6))
    assert np.array_equal(prob.p, rng.uniform(0.6, 0.9, (4, 6)))


@pytest.mark.parametrize("kwargs, path", [
    (dict(W=5, T=7, family="hard"), "targets"),
    (dict(W=5, T=None, family="ahuja"), "targets"),
    (dict(W=5, T=10, family="easy"), "family"),
])
def test_bad_generate_arguments(kwargs, path):
    with pytest.raises(InputError) as info:
        generate(kwargs["W"], kwargs["T"], 1, 0, family=kwargs["family"])
    assert info.value.path == path


def test_cli_generates_the_hard_family(tmp_path, capsys):
    out = tmp_path / "hard.txt"
    code = main(["wta", "generate", "--family", "hard", "-w", "6", "--mu", "3", "--seed", "1", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    prob = read_instance(out)
    assert np.array_equal(prob.p, generate(6, None, 3, 1, family="hard").p)


def test_cli_rejects_targets_other_than_twice_the_weapons(tmp_path, capsys):
    code = main(["wta", "generate", "--family", "hard", "-w", "6", "-t", "9", "--seed", "1",
                 "--out", str(tmp_path / "x.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert "targets" in err and "T = 2W = 12" in err and "Traceback" not in err
