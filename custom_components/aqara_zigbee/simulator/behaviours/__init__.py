"""Composable behaviours of simulated Lumi firmware; a twin lists the ones its model has."""

from __future__ import annotations

from . import metering
from .base import NOT_MINE, Behaviour
from .buttons import ALL_GESTURES, Buttons, ButtonSpec, PressKind
from .groups import Groups, Identify
from .heartbeat import (
    Heartbeat,
    chip_temperature,
    constant,
    parent_nwk,
    power_on_count,
    relay,
    setting,
)
from .metering import Metering
from .ota_updates import OtaUpdates
from .power import PlugPowerOutageMemory, PowerOutageCounter, PowerOutageMemory
from .prevent_reset import PreventReset
from .relays import Relays
from .settings import LumiSetting
from .temperature import ChipTemperature

__all__ = [
    "ALL_GESTURES",
    "NOT_MINE",
    "Behaviour",
    "ButtonSpec",
    "Buttons",
    "ChipTemperature",
    "Groups",
    "Heartbeat",
    "Identify",
    "LumiSetting",
    "Metering",
    "OtaUpdates",
    "PlugPowerOutageMemory",
    "PowerOutageCounter",
    "PowerOutageMemory",
    "PressKind",
    "PreventReset",
    "Relays",
    "chip_temperature",
    "constant",
    "metering",
    "parent_nwk",
    "power_on_count",
    "relay",
    "setting",
]
