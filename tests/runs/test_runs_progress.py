"""The progress option: a callback is used as given; a bar only when asked or in a terminal/notebook."""

from __future__ import annotations

from airshield.progress import progress_callback, wanted


def test_wanted():
    assert wanted(True) and not wanted(False)
    assert not wanted(None)  # under pytest: no notebook, standard error is not a terminal


def test_a_callback_passes_through_and_off_gives_none():
    calls = []
    with progress_callback(lambda d, t: calls.append((d, t)), "x") as callback:
        callback(1, 2)
    assert calls == [(1, 2)]
    with progress_callback(False, "x") as callback:
        assert callback is None
