import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from airshield.errors import InputError
from airshield.wta import generate, read_instance, write_instance
from airshield.wta.instances import format_instance, parse_instance


@pytest.mark.parametrize("sparse", [None, 0.2, 1.0])
def test_generated_files_round_trip(tmp_path, sparse):
    prob = generate(7, 9, 2, seed=4, sparse=sparse)
    path = tmp_path / "inst.txt"
    write_instance(prob, path)
    back = read_instance(path)
    assert np.array_equal(back.p, prob.p)
    assert np.array_equal(back.values, prob.values)
    assert np.array_equal(back.mu, prob.mu)


def test_generator_ranges_and_sparsity():
    prob = generate(20, 50, 1, seed=0, sparse=0.2)
    assert np.all((prob.values >= 25) & (prob.values <= 100))
    reach = prob.p > 0
    assert np.all(reach.sum(axis=1) == 10)
    assert np.all((prob.p[reach] >= 0.6) & (prob.p[reach] <= 0.9))
    assert generate(3, 50, 1, seed=0, sparse=0.001).p.astype(bool).sum(axis=1).tolist() == [1, 1, 1]
    assert np.array_equal(generate(4, 4, 1, seed=9).p, generate(4, 4, 1, seed=9).p)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(0, 3), st.integers(0, 2**31),
       st.one_of(st.none(), st.floats(0.05, 1.0)))
def test_round_trip_property(W, T, mu, seed, sparse):
    prob = generate(W, T, mu, seed, sparse)
    back = parse_instance(format_instance(prob))
    assert np.array_equal(back.p, prob.p) and np.array_equal(back.values, prob.values)


ONE_BASED = "2 3 1\n10\n20\n30\n1 1 0.5\n2 3 0.7\n"


def test_one_based_detected_from_indices():
    prob = parse_instance(ONE_BASED)
    assert prob.p[0, 0] == 0.5 and prob.p[1, 2] == 0.7


def test_one_based_declared_in_a_comment():
    prob = parse_instance("# indices are 1-based\n2 3 1\n10\n20\n30\n1 1 0.5\n")
    assert prob.p[0, 0] == 0.5
    prob0 = parse_instance("# 0-based\n2 3 1\n10\n20\n30\n1 1 0.5\n")
    assert prob0.p[1, 1] == 0.5


def test_comments_and_blank_lines_ignored():
    prob = parse_instance("# header\n\n2 2 3  # W T mu\n5\n\n6 # value\n0 1 0.25\n")
    assert prob.mu.tolist() == [3, 3] and prob.p[0, 1] == 0.25


@pytest.mark.parametrize("text, line, words", [
    ("", 1, "empty"),
    ("2 2\n1\n2\n", 1, "fields"),
    ("2 x 1\n1\n2\n", 1, "not a number"),
    ("0 2 1\n1\n2\n", 1, "W"),
    ("2 2 1.5\n1\n2\n", 1, "mu"),
    ("2 2 1\n10\n", 2, "ends after 1"),
    ("2 2 1\n10\nabc\n", 3, "not a number"),
    ("2 2 1\n10\n-3\n", 3, "negative"),
    ("2 2 1\n10\n20 30\n", 3, "fields"),
    ("2 2 1\n10\n20\n0 1\n", 4, "fields"),
    ("2 2 1\n10\n20\n0 1 1.2\n", 4, "outside"),
    ("2 2 1\n10\n20\n0 1 -0.1\n", 4, "outside"),
    ("2 2 1\n10\n20\n0 0 0.5\n0 5 0.5\n", 5, "target index"),
    ("2 2 1\n10\n20\n0 0 0.5\n2 1 0.5\n", 5, "weapon index"),
    ("2 2 1\n10\n20\n0 1 0.5\n\n0 1 0.4\n", 6, "duplicate"),
    ("2 2 1\n10\n20\n0 -1 0.4\n", 4, "target index"),
    ("2 2 1\n10\n20\n0 1 nan\n", 4, "finite"),
])
def test_malformed_files_name_file_and_line(tmp_path, text, line, words):
    path = tmp_path / "bad.txt"
    path.write_text(text)
    with pytest.raises(InputError) as info:
        read_instance(path)
    assert info.value.file == str(path)
    assert info.value.path == f"line {line}"
    assert words in str(info.value)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        read_instance(tmp_path / "nope.txt")


def test_generator_rejects_bad_arguments():
    with pytest.raises(InputError):
        generate(0, 3, 1, 0)
    with pytest.raises(InputError):
        generate(3, 3, 1, 0, sparse=0.0)
