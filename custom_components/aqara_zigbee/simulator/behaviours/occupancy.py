"""A PIR motion detector: it reports "occupied" on motion and never reports the end.

After a detection the detector is blind for its detection interval (fixed at 60 s on the
old sensors, a 0xFCC0 setting on the newer ones); the unit then counts as unoccupied again
without telling anyone — the hub clears occupancy on its own (Zigbee2MQTT's timeout).

How a detection travels depends on the generation:

* old sensors: OccupancySensing 0x0406 occupancy = 1 (RTCGQ11LM also sends its lux, as
  IlluminanceMeasurement 0x0400 measuredValue in plain lux, right after);
* the high precision T1 (RTCGQ13LM): 0x0406 occupancy = 1;
* T1/P1/E1: 0xFCC0 0x0112, a uint32 of the lux + 65536 (the frame *is* the detection).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Final

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType, Status
from ..zcl_server import Attribute, AttrTable, as_int, lumi_attr
from .base import Behaviour

OCCUPANCY_SENSING: Final = 0x0406
ILLUMINANCE_MEASUREMENT: Final = 0x0400
LUMI_MOTION_ILLUMINANCE: Final = 0x0112
LUMI_DETECTION_INTERVAL: Final = 0x0102
#: the old sensors' hardware blind time after a detection
FIXED_BLIND_TIME_S: Final = 60.0


class Detection(Enum):
    """How the firmware tells a detection."""

    OCCUPANCY = "occupancy"  # 0x0406 occupancy only
    OCCUPANCY_AND_LUX = "occupancy+lux"  # 0x0406, then 0x0400 measuredValue (lux)
    LUMI_LUX = "lumi-lux"  # 0xFCC0 0x0112 = lux + 65536


class MotionDetector(Behaviour):
    """Zigbee2MQTT's ``occupancy`` (and ``illuminance`` where the detection carries it).

    ``interval_setting``: the model's detection interval is the 0xFCC0 0x0102 setting
    (a :class:`NumberSetting` named ``detection_interval``), else fixed.
    """

    def __init__(self, detection: Detection, *, interval_setting: bool = False) -> None:
        self.detection = detection
        self.interval_setting = interval_setting
        self.lux = 120
        self._detected_at: float | None = None

    @property
    def blind_time(self) -> float:
        if self.interval_setting:
            for behaviour in self.device.behaviours:
                if isinstance(behaviour, NumberSetting) and behaviour.name == "detection_interval":
                    return float(behaviour.raw)
        return FIXED_BLIND_TIME_S

    @property
    def occupied(self) -> bool:
        """The detector saw motion within its blind time (what a read of 0x0406 answers)."""
        return (
            self._detected_at is not None
            and self.device.clock.now - self._detected_at < self.blind_time
        )

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if ep != 1:
            return {}
        if cluster == OCCUPANCY_SENSING and self.detection is not Detection.LUMI_LUX:
            return {
                0x0000: Attribute(DataType.MAP8, lambda: int(self.occupied)),
                0x0010: Attribute(DataType.UINT16, lambda: int(self.blind_time)),
            }
        if cluster == ILLUMINANCE_MEASUREMENT and self.detection is Detection.OCCUPANCY_AND_LUX:
            return {0x0000: Attribute(DataType.UINT16, lambda: self.lux)}
        if cluster == LUMI_CLUSTER and self.detection is Detection.LUMI_LUX:
            return {LUMI_MOTION_ILLUMINANCE: lumi_attr(DataType.UINT32, self._lumi_lux)}
        return {}

    def _lumi_lux(self) -> int:
        return self.lux + 65536

    def detect(self) -> None:
        """Motion in front of the lens: report it, unless still blind from the last one."""
        if self.occupied:
            return  # the real PIR stays silent until its interval is over
        self._detected_at = self.device.clock.now
        self._send_detection()

    def _send_detection(self) -> None:
        if self.detection is Detection.LUMI_LUX:
            self.device.send_report(
                1,
                LUMI_CLUSTER,
                [AttributeValue(LUMI_MOTION_ILLUMINANCE, DataType.UINT32, self._lumi_lux())],
                manufacturer=LUMI_MANUFACTURER_CODE,
            )
            return
        self.device.send_report(1, OCCUPANCY_SENSING, [AttributeValue(0x0000, DataType.MAP8, 1)])
        if self.detection is Detection.OCCUPANCY_AND_LUX:
            self.device.send_report(
                1, ILLUMINANCE_MEASUREMENT, [AttributeValue(0x0000, DataType.UINT16, self.lux)]
            )

    def properties(self) -> list[Property]:
        def change_occupancy(value: object, report: bool) -> None:
            if value is not True:
                # The unit has no "unoccupied" to send: the end of motion is silence
                self._detected_at = None
                return
            # A motion the unit reports: its blind time after any earlier one is over
            self._detected_at = None
            if report:
                self.detect()
            else:
                self._detected_at = self.device.clock.now

        props = [
            Property(
                "occupancy",
                read=lambda: self.occupied,
                change=change_occupancy,
                # A new motion is always news: the unit reports each one (interval allowing)
                pick=lambda _current: True,
                momentary=True,  # only ever "occupied": the end of motion is silence
            )
        ]
        if self.detection is not Detection.OCCUPANCY:

            def change_lux(value: object, report: bool) -> None:
                self.lux = max(int(as_number(value)), 0)
                if report:
                    # The lux travels only with a detection: measuring it means motion
                    self._detected_at = self.device.clock.now
                    self._send_detection()

            props.append(
                Property(
                    "illuminance",
                    read=lambda: self.lux,
                    change=change_lux,
                    pick=lambda current: int(as_number(current)) + 17,
                )
            )
        return props

    def factory_reset(self) -> None:
        self._detected_at = None

    def export_state(self, state: dict[str, Any]) -> None:
        state["lux"] = self.lux

    def import_state(self, state: dict[str, Any]) -> None:
        self.lux = int(state.get("lux", self.lux))


class NumberSetting(Behaviour):
    """A numeric 0xFCC0 setting (``detection_interval``...) within the firmware's range."""

    def __init__(
        self,
        name: str,
        attribute: int,
        type_id: int,
        *,
        default: int,
        minimum: int,
        maximum: int,
        endpoint: int = 1,
    ) -> None:
        self.name = name
        self.attribute = attribute
        self.type_id = type_id
        self.default = default
        self.minimum = minimum
        self.maximum = maximum
        self.endpoint = endpoint
        self.raw = default

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster == LUMI_CLUSTER and ep == self.endpoint:
            return {self.attribute: lumi_attr(self.type_id, lambda: self.raw, self.write)}
        return {}

    def write(self, value: object) -> Status:
        number = as_int(value)
        if not self.minimum <= number <= self.maximum:
            return Status.INVALID_VALUE
        self.raw = number
        self.device.state_changed()
        return Status.SUCCESS

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            if self.write(as_number(value)) is not Status.SUCCESS:
                raise PropertyError(f"{self.name}: {value!r} out of range")
            if report:
                self.device.report_attribute(self.endpoint, LUMI_CLUSTER, self.attribute)

        def pick(current: object) -> object:
            number = int(as_number(current)) + 1
            return number if number <= self.maximum else self.minimum

        return [Property(self.name, read=lambda: self.raw, change=change, pick=pick, writable=True)]

    def factory_reset(self) -> None:
        self.raw = self.default

    def export_state(self, state: dict[str, Any]) -> None:
        state[self.name] = self.raw

    def import_state(self, state: dict[str, Any]) -> None:
        self.raw = int(state.get(self.name, self.raw))
