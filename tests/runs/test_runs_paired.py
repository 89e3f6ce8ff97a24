"""Two scenarios on paired seeds: the forward SAM of front-kharkiv keeps glide bombs off the city."""

import numpy as np

from airshield.runs.paired import paired_difference


def test_forward_sam_reduces_the_bombs_reaching_kharkiv_on_paired_seeds():
    rows = paired_difference("front-kharkiv", "front-kharkiv-sam", ("bombs_reached", "bombs_released",
                             "carrier_sorties"), seed=16, replications=4)
    reached, released, sorties = rows
    assert reached["difference"] < 0 and reached["difference_ci95"][1] < 0
    assert reached["a_mean"] > 30  # with no SAM nearly every bomb of the 40 reaches the city
    assert released["difference"] == 0 and released["b_mean"] == 40  # the SAM pushes back, it kills no carrier
    assert sorties["a_mean"] == sorties["b_mean"] == 12
    assert np.isclose(reached["b_mean"] - reached["a_mean"], reached["difference"])
