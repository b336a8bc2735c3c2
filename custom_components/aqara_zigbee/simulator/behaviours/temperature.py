"""The chip temperature: DeviceTemperature 0x0002 and the heartbeat's index 3."""

from __future__ import annotations

from typing import Any

from ..clusters import DEVICE_TEMPERATURE
from ..properties import Property, PropertyError
from ..zcl import DataType
from ..zcl_server import Attribute, AttrTable
from .base import Behaviour

DEFAULT_CELSIUS = 26.0


class ChipTemperature(Behaviour):
    """Zigbee2MQTT's ``device_temperature``, in whole °C as the firmware sends it.

    ``exposed``: the model's Zigbee2MQTT page shows it (the chip measures it regardless).
    """

    def __init__(self, *, exposed: bool = True) -> None:
        self.celsius = DEFAULT_CELSIUS
        self.exposed = exposed

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == DEVICE_TEMPERATURE:
            return {0x0000: Attribute(DataType.INT16, lambda: round(self.celsius))}
        return {}

    def properties(self) -> list[Property]:
        if not self.exposed:
            return []

        def change(value: object, report: bool) -> None:
            if not isinstance(value, int | float):
                raise PropertyError(f"expected °C, got {value!r}")
            self.celsius = float(value)
            if report:
                self.device.send_heartbeat()  # the chip temperature travels in the heartbeat

        return [
            Property(
                "device_temperature",
                read=lambda: round(self.celsius),
                change=change,
                pick=lambda current: int(str(current)) + 3,
            )
        ]

    def export_state(self, state: dict[str, Any]) -> None:
        state["temperature"] = self.celsius

    def import_state(self, state: dict[str, Any]) -> None:
        self.celsius = float(state.get("temperature", self.celsius))
