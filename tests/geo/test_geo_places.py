"""find_place: cities, plants, launch areas, and the did-you-mean error."""

import pytest

from airshield.errors import InputError
from airshield.geo import Place, find_place


def test_find_kyiv():
    place = find_place("Kyiv")
    assert isinstance(place, Place) and place.kind == "city"
    assert place.population > 2_500_000
    assert abs(place.lat - 50.45) < 0.1 and abs(place.lon - 30.52) < 0.1


def test_case_insensitive_and_launch_aliases():
    assert find_place("kYiV").name == "Kyiv"
    assert find_place("Primorsko-Akhtarsk").kind == "launch_area"
    assert find_place("engels-bombers", kinds=("launch_area",)).lat == pytest.approx(48.5)


def test_find_power_plant():
    place = find_place("Burshtyn power station", kinds=("plant",))
    assert place.kind == "plant" and place.capacity_mw > 2000


def test_unknown_place_suggests():
    with pytest.raises(InputError) as err:
        find_place("Kyjiv")
    assert "did you mean" in str(err.value)
    assert "Kyiv" in str(err.value)
