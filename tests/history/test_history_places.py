"""Places: launch places to launch area keys; targets to oblast ISO codes; unmatched text kept."""

from __future__ import annotations

from airshield.history import launch_area_keys, raid, raid_launch_areas, raid_regions, region_codes


def test_launch_places():
    m = launch_area_keys("Primorsko-Akhtarsk and Chauda, Crimea and Kursk oblast")
    assert m.keys == ("primorsko-akhtarsk", "chauda", "kursk") and m.unmatched == ()
    assert launch_area_keys("Caspian Sea, Engels-2").keys == ("caspian-sea", "engels-bombers")
    m = launch_area_keys("Balaklava, Crimea")
    assert m.keys == ("crimea",) and m.unmatched == ("Balaklava",)
    m = launch_area_keys("Kursk oblast and and Shatalovo and Tambov oblast")
    assert m.keys == ("kursk", "shatalovo") and m.unmatched == ("Tambov oblast",)
    assert launch_area_keys(None).keys == ()


def test_regions():
    assert region_codes("Kharkiv oblast").keys == ("UA-63",)
    m = region_codes("Dnipropetrovsk oblast, Dnipro Raion and Odesa oblast")
    assert m.keys == ("UA-12", "UA-51") and m.unmatched == ("Dnipro Raion",)
    assert region_codes("['Kyiv', 'Kyiv oblast']").keys == ("UA-30", "UA-32")
    assert region_codes("south").unmatched == ("south",)
    assert region_codes("[broken").keys == ()


def test_raid_places(shipped):
    r = raid(shipped, "2022-10-10")
    assert set(raid_launch_areas(r.rows).keys) == {"caspian-sea", "black-sea"}
    r = raid(shipped, "2025-06-30T21:00")
    assert raid_launch_areas(r.rows).keys == ("primorsko-akhtarsk", "bryansk", "millerovo")
    assert "UA-63" not in raid_regions(r.rows).keys
