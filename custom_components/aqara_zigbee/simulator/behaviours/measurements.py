"""What battery sensors measure: a quantity behind a standard ZCL attribute.

Each :class:`Measured` holds one Zigbee2MQTT property (``temperature``, ``humidity``,
``pressure``, ``illuminance``, ``voc``...) as the sensor measures it, serves it as its
cluster's attribute (in the ZCL's units) and reports it when it changes. Old Xiaomi
firmware also repeats it in its heartbeat: :func:`heartbeat_raw` is the value there.
"""

from __future__ import annotations

from collections.abc import Callable
import math
from typing import TYPE_CHECKING, Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number, other_option
from ..zcl import DataType
from ..zcl_server import Attribute, AttrTable, lumi_attr
from .base import Behaviour

if TYPE_CHECKING:
    from ..device import TwinDevice

TEMPERATURE: Final = 0x0402
PRESSURE: Final = 0x0403
HUMIDITY: Final = 0x0405
ILLUMINANCE: Final = 0x0400
ANALOG_INPUT: Final = 0x000C


def hundredths(value: float) -> int:
    return round(value * 100)


def lux_to_zcl(lux: float) -> int:
    """ZCL illuminance: 10000 * log10(lux) + 1 (0: too dark)."""
    return 0 if lux <= 0 else round(10000 * math.log10(lux) + 1)


class Measured(Behaviour):
    """``name`` measured now, served as ``attribute`` of ``cluster`` (``to_raw`` of it).

    ``step``: how much a new pick moves the value; ``also``: more attributes of the same
    cluster sent in the same report (e.g. pressure's scaledValue), by id: (type, to_raw).
    ``lumi``: a 0xFCC0 attribute (manufacturer specific) instead of a standard one.
    """

    def __init__(
        self,
        name: str,
        cluster: int,
        attribute: int,
        type_id: int,
        to_raw: Callable[[float], object],
        *,
        initial: float,
        step: float,
        low: float | None = None,
        high: float | None = None,
        endpoint: int = 1,
        also: dict[int, tuple[int, Callable[[float], object]]] | None = None,
        lumi: bool = False,
        exposed: bool = True,
    ) -> None:
        self.name = name
        self.cluster = cluster
        self.attribute = attribute
        self.type_id = type_id
        self.to_raw = to_raw
        self.value = initial
        self.step = step
        self.low = low
        self.high = high
        self.endpoint = endpoint
        self.also = also or {}
        self.lumi = lumi
        self.exposed = exposed

    @property
    def raw(self) -> object:
        return self.to_raw(self.value)

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != self.cluster or ep != self.endpoint:
            return {}
        if self.lumi:
            return {self.attribute: lumi_attr(self.type_id, lambda: self.raw)}
        table: AttrTable = {self.attribute: Attribute(self.type_id, lambda: self.raw)}
        for attr_id, (type_id, to_raw) in self.also.items():
            table[attr_id] = Attribute(type_id, self._getter(to_raw))
        return table

    def _getter(self, to_raw: Callable[[float], object]) -> Callable[[], object]:
        return lambda: to_raw(self.value)

    def report(self) -> None:
        from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue  # noqa: PLC0415

        values = [AttributeValue(self.attribute, self.type_id, self.raw)]
        values += [
            AttributeValue(attr_id, type_id, to_raw(self.value))
            for attr_id, (type_id, to_raw) in self.also.items()
        ]
        self.device.send_report(
            self.endpoint,
            self.cluster,
            values,
            manufacturer=LUMI_MANUFACTURER_CODE if self.lumi else None,
        )

    def properties(self) -> list[Property]:
        if not self.exposed:
            return []

        def change(value: object, report: bool) -> None:
            self.value = as_number(value)
            self.device.state_changed()
            if report:
                self.report()

        def pick(current: object) -> object:
            value = as_number(current) + self.step
            if self.high is not None and value > self.high:
                value = as_number(current) - 2 * self.step
            if self.low is not None and value < self.low:
                value = self.low + self.step
            return round(value, 2)

        return [Property(self.name, read=lambda: self.value, change=change, pick=pick)]

    def export_state(self, state: dict[str, Any]) -> None:
        state[f"measured_{self.name}"] = self.value

    def import_state(self, state: dict[str, Any]) -> None:
        self.value = float(state.get(f"measured_{self.name}", self.value))


def heartbeat_raw(name: str, to_raw: Callable[[float], object]) -> Callable[[TwinDevice], object]:
    """A measured value as a heartbeat entry carries it."""

    def value(device: TwinDevice) -> object:
        for behaviour in device.behaviours:
            if isinstance(behaviour, Measured) and behaviour.name == name:
                return to_raw(behaviour.value)
        raise TypeError(f"{device.zigbee_model} measures no {name}")

    return value


def temperature(**kwargs: Any) -> Measured:
    """msTemperatureMeasurement measuredValue, hundredths of °C."""
    return Measured(
        "temperature", TEMPERATURE, 0x0000, DataType.INT16, hundredths, initial=21.5, step=1.25,
        low=-20, high=60, **kwargs,
    )  # fmt: skip


def humidity(**kwargs: Any) -> Measured:
    """msRelativeHumidity measuredValue, hundredths of %."""
    return Measured(
        "humidity", HUMIDITY, 0x0000, DataType.UINT16, hundredths, initial=45.0, step=3.5,
        low=0, high=100, **kwargs,
    )  # fmt: skip


def illuminance(**kwargs: Any) -> Measured:
    """msIlluminanceMeasurement measuredValue (logarithmic), of whole lux."""
    return Measured(
        "illuminance", ILLUMINANCE, 0x0000, DataType.UINT16, lux_to_zcl, initial=120, step=37,
        low=0, high=80000, **kwargs,
    )  # fmt: skip


class LumiReading(Behaviour):
    """A 0xFCC0 value the device measures and reports (``air_quality``): raw ↔ page values."""

    def __init__(
        self, name: str, attribute: int, type_id: int, values: dict[str, int], *, initial: str
    ) -> None:
        self.name = name
        self.attribute = attribute
        self.type_id = type_id
        self.values = values
        self.value = initial

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == 1:
            return {self.attribute: lumi_attr(self.type_id, lambda: self.values[self.value])}
        return {}

    def properties(self) -> list[Property]:
        options = tuple(self.values)

        def change(value: object, report: bool) -> None:
            if value not in self.values:
                raise PropertyError(f"{self.name}: {value!r} is not one of {options}")
            self.value = str(value)
            if report:
                self.device.report_attribute(1, LUMI_CLUSTER, self.attribute)

        return [
            Property(self.name, read=lambda: self.value, change=change, pick=other_option(options))
        ]
