"""The defence's resources in one replication, as named columns: fire channels per unit, loaded
rounds and magazine per weapon (a unit's munition), and reloads in progress.

A weapon fires from its loaded rounds (``stock``); when they run out and rounds remain in the
``magazine``, the unit's launchers are reloaded after the unit's reload time [s], moving up to the
weapon's initial load back into ``stock``. Each engagement holds one fire channel of its unit until
its interceptor arrives.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.world import World


@dataclass
class DefenceState:
    """``stock`` loaded rounds, ``magazine`` rounds for reloading, ``reload_size`` rounds one reload
    moves, ``reloading`` per weapon; ``busy`` engaged channels and ``channels`` per unit [-]."""

    stock: np.ndarray
    magazine: np.ndarray
    reload_size: np.ndarray
    reloading: np.ndarray
    busy: np.ndarray
    channels: np.ndarray

    @classmethod
    def start(cls, world: World) -> "DefenceState":
        """The defence as the scenario sets it up: loads, magazines, all channels free."""
        weapons = world.weapons
        return cls(stock=weapons.stock.copy(), magazine=weapons.magazine.copy(),
                   reload_size=weapons.load.copy(), reloading=np.zeros(len(weapons.unit), dtype=bool),
                   busy=np.zeros(len(world.units.name), dtype=int), channels=world.units.fire_channels)

    def free_channels(self) -> np.ndarray:
        """Free fire channels per unit [-]."""
        return self.channels - self.busy

    def can_fire(self, weapon: int, unit: int, rounds: int) -> bool:
        """Whether ``weapon`` of ``unit`` has ``rounds`` loaded and the unit a free channel."""
        return self.stock[weapon] >= rounds and self.busy[unit] < self.channels[unit]

    def fire(self, weapon: int, unit: int, rounds: int) -> bool:
        """Spend ``rounds`` and hold a channel; True when the weapon should now start reloading."""
        self.stock[weapon] -= rounds
        self.busy[unit] += 1
        start = self.stock[weapon] == 0 and self.magazine[weapon] > 0 and not self.reloading[weapon]
        if start:
            self.reloading[weapon] = True
        return bool(start)

    def release(self, unit: int) -> None:
        """An interceptor of ``unit`` has arrived: its channel is free again."""
        self.busy[unit] -= 1

    def reload(self, weapon: int) -> int:
        """Move up to one load from the magazine into ``weapon``'s launchers; the rounds moved."""
        rounds = int(min(self.reload_size[weapon], self.magazine[weapon]))
        self.stock[weapon] += rounds
        self.magazine[weapon] -= rounds
        self.reloading[weapon] = False
        return rounds
