"""Measurement and sensing servers: temperature, humidity, illuminance, occupancy, battery
(Power Configuration) and IAS Zone, with the units the ZCL specification gives them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import math
import struct
from typing import Any

from ..air import COORDINATOR_NWK
from ..clusters import (
    COORDINATOR_ENDPOINT,
    HUMIDITY,
    IAS_ZONE,
    ILLUMINANCE,
    OCCUPANCY,
    POWER_CONFIGURATION,
    TEMPERATURE,
)
from ..properties import Property, PropertyError, as_bool, as_number, flip
from ..zcl import DataType, FrameType, Status, ZclHeader
from ..zcl_server import Reply
from .base import NOT_MINE, CommandResult
from .standard import ClusterServer, Spec

MEASURED_VALUE = 0x0000
BATTERY_VOLTAGE = 0x0020
BATTERY_PERCENTAGE = 0x0021
ZONE_STATE = 0x0000
ZONE_TYPE = 0x0001
ZONE_STATUS = 0x0002
IAS_CIE_ADDRESS = 0x0010
ZONE_ID = 0x0011


@dataclass(frozen=True, slots=True)
class Quantity:
    """How a measured quantity travels: its cluster, type, and raw <-> real conversion."""

    cluster: int
    type_id: int
    to_raw: Callable[[float], int]
    from_raw: Callable[[int], float]
    low: float
    high: float
    #: the firmware's own reporting of MeasuredValue (min s, max s, change in raw units)
    report: tuple[int, int, object]


def _lux_to_raw(lux: float) -> int:
    # ZCL 4.2.2.2.1: MeasuredValue = 10000 x log10(lux) + 1 (0: too dark to measure)
    return 0 if lux <= 0 else min(0xFFFE, round(10000 * math.log10(lux) + 1))


def _raw_to_lux(raw: int) -> float:
    return 0.0 if raw == 0 else round(10 ** ((raw - 1) / 10000), 1)


#: °C in 0.01 °C (int16), %RH in 0.01 % (uint16), lux on the ZCL log scale (uint16)
TEMPERATURE_C = Quantity(
    TEMPERATURE,
    DataType.INT16,
    lambda c: round(c * 100),
    lambda r: r / 100,
    -40,
    125,
    (10, 3600, 10),
)
HUMIDITY_PCT = Quantity(
    HUMIDITY, DataType.UINT16, lambda p: round(p * 100), lambda r: r / 100, 0, 100, (10, 3600, 100)
)
ILLUMINANCE_LUX = Quantity(
    ILLUMINANCE, DataType.UINT16, _lux_to_raw, _raw_to_lux, 0, 100000, (10, 3600, 500)
)


class Measurement(ClusterServer):
    """A measurement cluster's MeasuredValue with its Min/MaxMeasuredValue."""

    def __init__(self, endpoint: int, quantity: Quantity, prop: str, initial: float) -> None:
        self.cluster = quantity.cluster
        self.quantity = quantity
        self.prop = prop
        super().__init__(
            endpoint,
            {
                MEASURED_VALUE: Spec(
                    quantity.type_id, quantity.to_raw(initial), report=quantity.report
                ),
                0x0001: Spec(
                    quantity.type_id, quantity.to_raw(quantity.low) if quantity.low > 0 else 0
                ),
                0x0002: Spec(quantity.type_id, quantity.to_raw(quantity.high)),
            },
        )

    @property
    def value(self) -> float:
        return self.quantity.from_raw(int(self.get(MEASURED_VALUE)))

    def measure(self, value: float, *, report: bool = True) -> None:
        """The quantity the sensor measures becomes ``value`` (real units)."""
        if not self.quantity.low <= value <= self.quantity.high:
            raise PropertyError(
                f"{self.prop} {value} out of {self.quantity.low}..{self.quantity.high}"
            )
        self.set(MEASURED_VALUE, self.quantity.to_raw(value), report=report)

    def properties(self) -> list[Property]:
        return [
            Property(
                self.prop,
                read=lambda: self.value,
                change=lambda value, report: self.measure(as_number(value), report=report),
                pick=lambda current: (
                    round(float(str(current)) + 2.5, 2)
                    if float(str(current)) + 2.5 <= self.quantity.high
                    else self.quantity.low + 1
                ),
            )
        ]


class Occupancy(ClusterServer):
    """OccupancySensing: a PIR's Occupancy bitmap and its occupied-to-unoccupied delay."""

    cluster = OCCUPANCY

    def __init__(self, endpoint: int, *, delay_s: int = 30, prop: str = "occupancy") -> None:
        self.prop = prop
        super().__init__(
            endpoint,
            {
                0x0000: Spec(DataType.MAP8, 0, report=(0, 3600, None)),
                0x0001: Spec(DataType.ENUM8, 0),  # PIR
                0x0010: Spec(DataType.UINT16, delay_s, writable=True),
            },
        )

    @property
    def occupied(self) -> bool:
        return bool(int(self.get(0x0000)) & 0x01)

    def properties(self) -> list[Property]:
        return [
            Property(
                self.prop,
                read=lambda: self.occupied,
                change=lambda value, report: self.set(0x0000, int(as_bool(value)), report=report),
                pick=flip,
            )
        ]


class Battery(ClusterServer):
    """PowerConfiguration: battery voltage (100 mV) and percentage remaining (half %)."""

    cluster = POWER_CONFIGURATION

    def __init__(
        self,
        endpoint: int = 1,
        *,
        volts: float = 3.0,
        percent: float = 100,
        size: int = 0xFF,
        quantity: int = 1,
    ) -> None:
        super().__init__(
            endpoint,
            {
                BATTERY_VOLTAGE: Spec(DataType.UINT8, round(volts * 10), report=(3600, 43200, 1)),
                BATTERY_PERCENTAGE: Spec(
                    DataType.UINT8, round(percent * 2), report=(3600, 43200, 2)
                ),
                0x0031: Spec(DataType.ENUM8, size),  # BatterySize
                0x0033: Spec(DataType.UINT8, quantity),  # BatteryQuantity
            },
        )

    @property
    def percent(self) -> float:
        return int(self.get(BATTERY_PERCENTAGE)) / 2

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            percent = as_number(value)
            if not 0 <= percent <= 100:
                raise PropertyError(f"battery {percent}% out of 0..100")
            self.set(BATTERY_PERCENTAGE, round(percent * 2), report=report)

        return [
            Property(
                "battery",
                read=lambda: self.percent,
                change=change,
                pick=lambda current: 50.0 if current != 50.0 else 75.0,
            )
        ]


# ZoneStatus bits (ZCL 8.2.2.2.1.3)
ALARM_1 = 0x0001
ALARM_2 = 0x0002
TAMPER = 0x0004
BATTERY_LOW = 0x0008
ZONE_BITS = {"alarm_1": ALARM_1, "alarm_2": ALARM_2, "tamper": TAMPER, "battery_low": BATTERY_LOW}


class IasZone(ClusterServer):
    """IAS Zone: enrolment with the CIE and Zone Status Change Notifications.

    The CIE writes its address, the zone asks to enrol (Zone Enroll Request), the CIE's Zone
    Enroll Response gives it a zone id; from then on every change of ZoneStatus goes to the
    CIE as a notification (ZCL 8.2: a zone that is not enrolled notifies nobody).
    """

    cluster = IAS_ZONE

    def __init__(self, endpoint: int, *, zone_type: int) -> None:
        super().__init__(
            endpoint,
            {
                ZONE_STATE: Spec(DataType.ENUM8, 0),
                ZONE_TYPE: Spec(DataType.ENUM16, zone_type),
                ZONE_STATUS: Spec(DataType.MAP16, 0),
                IAS_CIE_ADDRESS: Spec(DataType.EUI64, bytes(8), writable=True),
                ZONE_ID: Spec(DataType.UINT8, 0xFF),
            },
        )
        self.notifications = 0

    @property
    def enrolled(self) -> bool:
        return bool(self.get(ZONE_STATE) == 1)

    def written(self, attr: int, value: object) -> Status:
        if attr == IAS_CIE_ADDRESS:
            # Ask to enrol once the hub is stored (after the Write Attributes Response)
            self.device.clock.call_later(0.1, self.enroll_request)
        return Status.SUCCESS

    def enroll_request(self) -> None:
        """Send Zone Enroll Request: zone type and the node's manufacturer code."""
        header = ZclHeader(
            command=0x01,
            tsn=self.device.next_tsn(),
            frame_type=FrameType.CLUSTER,
            server_to_client=True,
        )
        payload = struct.pack(
            "<HH", int(self.get(ZONE_TYPE)), self.device.twin.node_manufacturer_code
        )
        self.device.send_zcl(self.endpoint, IAS_ZONE, header.encode() + payload)

    def cluster_command(
        self, ep: int, cluster: int, header: ZclHeader, payload: bytes, reply: Reply
    ) -> CommandResult:
        if ep != self.endpoint or cluster != IAS_ZONE:
            return NOT_MINE
        if header.command != 0x00:  # Zone Enroll Response is all a zone takes
            return Status.UNSUP_CLUSTER_COMMAND
        code, zone_id = struct.unpack_from("<BB", payload)
        if code == 0x00:  # success
            self.set(ZONE_ID, zone_id, report=False)
            self.set(ZONE_STATE, 1, report=False)
        return Status.SUCCESS

    def set_status(self, bits: int, on: bool, *, report: bool = True) -> None:
        status = int(self.get(ZONE_STATUS))
        status = status | bits if on else status & ~bits
        self.set(ZONE_STATUS, status, report=False)
        if report and self.enrolled:
            self._notify(status)

    def _notify(self, status: int) -> None:
        header = ZclHeader(
            command=0x00,
            tsn=self.device.next_tsn(),
            frame_type=FrameType.CLUSTER,
            server_to_client=True,
        )
        # zone status, extended status, zone id, delay (quarter seconds)
        payload = struct.pack("<HBBH", status, 0, int(self.get(ZONE_ID)), 0)
        self.notifications += 1
        self.device.send_zcl(
            self.endpoint,
            IAS_ZONE,
            header.encode() + payload,
            dst=COORDINATOR_NWK,
            dst_ep=COORDINATOR_ENDPOINT,
        )

    def factory_reset(self) -> None:
        self.values[ZONE_STATE] = 0
        self.values[IAS_CIE_ADDRESS] = bytes(8)

    def export_state(self, state: dict[str, Any]) -> None:
        super().export_state(state)
        cie = self.values[IAS_CIE_ADDRESS]
        state[self._state_key]["cie"] = cie.hex() if isinstance(cie, bytes) else ""

    def import_state(self, state: dict[str, Any]) -> None:
        super().import_state(state)
        saved = dict(state.get(self._state_key, {}))
        if isinstance(saved.get("cie"), str):
            self.values[IAS_CIE_ADDRESS] = bytes.fromhex(saved["cie"])

    def properties(self) -> list[Property]:
        return [self._bit_property(name, bit) for name, bit in ZONE_BITS.items()]

    def _bit_property(self, name: str, bit: int) -> Property:
        return Property(
            name,
            read=lambda: bool(int(self.get(ZONE_STATUS)) & bit),
            change=lambda value, report: self.set_status(bit, as_bool(value), report=report),
            pick=flip,
        )
