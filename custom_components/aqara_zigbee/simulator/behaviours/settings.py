"""A setting the hub writes to 0xFCC0 (mode_switch, switch_type, flip_indicator_light...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, other_option
from ..zcl import DataType, Status
from ..zcl_server import AttrTable, as_int, lumi_attr
from .base import Behaviour


class LumiSetting(Behaviour):
    """One 0xFCC0 attribute holding a Zigbee2MQTT setting.

    ``values`` maps the page's values to the raw ones (``{"quick_mode": 1, ...}``); the
    firmware refuses any other raw value, except for a BOOL (any value is true or false).
    The device reports the attribute when the setting changes at the device.
    ``exposed``: the model's page shows the setting (else it is only written at pairing).
    """

    def __init__(
        self,
        name: str,
        attribute: int,
        type_id: int,
        values: Mapping[Any, object],  # any key type: the page's values (str, bool)
        *,
        default: object,
        endpoint: int = 1,
        exposed: bool = True,
    ) -> None:
        self.name = name
        self.attribute = attribute
        self.type_id = type_id
        self.values = dict(values)
        self.default = default
        self.endpoint = endpoint
        self.exposed = exposed
        self.raw: object = default

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == self.endpoint:
            return {self.attribute: lumi_attr(self.type_id, lambda: self.raw, self.write)}
        return {}

    def write(self, value: object) -> Status:
        if self.type_id == DataType.BOOL:
            self.raw = bool(value)
        else:
            number = as_int(value)
            if number not in self.values.values():
                return Status.INVALID_VALUE
            self.raw = number
        self.device.state_changed()
        return Status.SUCCESS

    @property
    def value(self) -> object:
        """The Zigbee2MQTT value held now."""
        for option, raw in self.values.items():
            if raw == self.raw:
                return option
        raise PropertyError(f"{self.name}: raw {self.raw!r} has no value")

    def properties(self) -> list[Property]:
        if not self.exposed:
            return []

        def change(value: object, report: bool) -> None:
            if value not in self.values:
                raise PropertyError(f"{self.name}: {value!r} is not one of {list(self.values)}")
            self.write(self.values[value])
            if report:
                self.device.report_attribute(self.endpoint, LUMI_CLUSTER, self.attribute)

        return [
            Property(
                self.name,
                read=lambda: self.value,
                change=change,
                pick=other_option(tuple(str(option) for option in self.values))
                if all(isinstance(option, str) for option in self.values)
                else lambda current: not current,
                writable=True,
            )
        ]

    def factory_reset(self) -> None:
        self.raw = self.default

    def export_state(self, state: dict[str, Any]) -> None:
        state[self.name] = self.raw

    def import_state(self, state: dict[str, Any]) -> None:
        saved = state.get(self.name, self.raw)
        self.raw = bool(saved) if self.type_id == DataType.BOOL else int(saved)
