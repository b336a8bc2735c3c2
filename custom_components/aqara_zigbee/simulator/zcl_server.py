"""The ZCL foundation of a simulated device: attribute tables and the global commands.

Read, write (plain, undivided, no-response), configure and read reporting, discover
attributes and default responses, answered the way Lumi firmware does. What an attribute
holds, and cluster-specific commands, come from the device's behaviours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import struct
from typing import TYPE_CHECKING

from .air import BROADCAST_NWKS, AddressMode, ApsFrame
from .clock import SimTimer
from .zcl import (
    ANALOG_TYPES,
    LUMI_MANUFACTURER_CODE,
    AttributeStatus,
    AttributeValue,
    FrameType,
    GeneralCommand,
    ReadRecord,
    ReportingConfig,
    Status,
    ZclDecodeError,
    ZclHeader,
    decode_attribute_ids,
    decode_attribute_values,
    decode_configure_reporting,
    decode_read_reporting_configuration,
    encode_configure_reporting_response,
    encode_default_response,
    encode_read_reporting_configuration_response,
    encode_read_response,
    encode_write_response,
)

if TYPE_CHECKING:
    from .device import TwinDevice
    from .profile import EndpointSpec


@dataclass(slots=True)
class Attribute:
    """One attribute: its ZCL type, how to read it and, if writable, how to write it."""

    type_id: int
    getter: Callable[[], object]
    setter: Callable[[object], Status] | None = None
    manufacturer_specific: bool = False


AttrTable = dict[int, Attribute]
#: how a command handler answers: the ZCL header of the answer, and its payload
Reply = Callable[[ZclHeader, bytes], None]


def lumi_attr(
    type_id: int,
    getter: Callable[[], object],
    setter: Callable[[object], Status] | None = None,
) -> Attribute:
    """A manufacturer-specific (code 0x115F) attribute."""
    return Attribute(type_id, getter, setter, manufacturer_specific=True)


def as_int(value: object) -> int:
    """A decoded ZCL number as ``int`` (writers receive ``object``)."""
    if isinstance(value, bool | int | float):
        return int(value)
    raise TypeError(f"expected a number, got {value!r}")


@dataclass(frozen=True, slots=True)
class _Request:
    """A decoded ZCL request on one endpoint, with its ways to answer."""

    ep: int
    cluster: int
    header: ZclHeader
    payload: bytes
    reply: Reply
    default_response: Callable[[Status], None]


class ZclServer:
    """Attribute tables and global commands of one device (reporting lives in its NV)."""

    def __init__(self, device: TwinDevice) -> None:
        self._device = device
        self._tables: dict[tuple[int, int, bool], AttrTable] = {}
        self.reporting: dict[tuple[int, int, int], ReportingConfig] = {}
        self._reporting_timers: dict[tuple[int, int, int], SimTimer] = {}
        # Change-driven reporting (attribute_changed): what was last reported and when, and
        # the report held back until the minimum interval has passed
        self._last_reported: dict[tuple[int, int, int], tuple[float, object]] = {}
        self._held_reports: dict[tuple[int, int, int], SimTimer] = {}
        # Attributes the hub told to stop reporting (maximum interval 0xFFFF): not even the
        # firmware's own default reporting sends them (kept while powered only: the saved
        # state of the Lumi twins, and its snapshot, stay as they are)
        self._stopped: set[tuple[int, int, int]] = set()

    # -- attribute tables ---------------------------------------------------------------

    def add_table(self, ep: int, cluster: int, *, server: bool, table: AttrTable) -> None:
        self._tables[(ep, cluster, server)] = table

    def table(self, ep: int, cluster: int, *, server: bool = True) -> AttrTable:
        return self._tables.get((ep, cluster, server), {})

    def attribute(self, ep: int, cluster: int, attr: int, *, server: bool = True) -> Attribute:
        """Look up an attribute (raises KeyError)."""
        return self._tables[(ep, cluster, server)][attr]

    # -- frames from the air ------------------------------------------------------------

    def handle(self, frame: ApsFrame) -> None:
        """A ZCL frame: to its endpoint, or to every endpoint of a group or broadcast."""
        device = self._device
        unicast = frame.dst_mode == AddressMode.NWK and frame.dst not in BROADCAST_NWKS
        if frame.dst_mode == AddressMode.GROUP:
            endpoints = device.group_endpoints(frame.dst)
        elif frame.dst_ep == 0xFF:
            endpoints = [spec.endpoint for spec in device.twin.endpoints]
        else:
            endpoints = [frame.dst_ep]
        for ep in endpoints:
            spec = device.endpoint(ep)
            if spec is None:
                continue  # real firmware silently drops frames for unknown endpoints
            if frame.dst_mode != AddressMode.NWK and frame.cluster not in spec.served:
                continue
            self._on_endpoint(spec, frame, unicast=unicast)

    def _on_endpoint(self, spec: EndpointSpec, frame: ApsFrame, *, unicast: bool) -> None:
        try:
            header, payload = ZclHeader.decode(frame.payload)
        except ZclDecodeError:
            return

        def reply(answer: ZclHeader, data: bytes = b"") -> None:
            # Commands received by groupcast or broadcast are not answered.
            if unicast:
                self._device.send_zcl(
                    spec.endpoint,
                    frame.cluster,
                    answer.encode() + data,
                    dst=frame.src_nwk,
                    dst_ep=frame.src_ep,
                    profile=frame.profile,
                )

        def default_response(status: Status) -> None:
            # Errors are always answered; successes only if the sender wants them.
            if status == Status.SUCCESS and header.disable_default_response:
                return
            reply(
                header.reply(GeneralCommand.DEFAULT_RESPONSE),
                encode_default_response(header.command, status),
            )

        server_side = not header.server_to_client
        served = spec.served if server_side else frozenset(spec.out_clusters)
        if frame.cluster not in served:
            default_response(Status.UNSUPPORTED_CLUSTER)
            return
        if header.frame_type == FrameType.CLUSTER:
            status = self._device.cluster_command(
                spec.endpoint, frame.cluster, header, payload, reply
            )
            if status is not None:
                default_response(status)
            return
        table = self.table(spec.endpoint, frame.cluster, server=server_side)
        try:
            self._global_command(
                _Request(spec.endpoint, frame.cluster, header, payload, reply, default_response),
                table,
            )
        except ZclDecodeError, struct.error, IndexError:
            default_response(Status.MALFORMED_COMMAND)

    @staticmethod
    def _mfr_visible(attribute: Attribute, header: ZclHeader) -> bool:
        """Whether ``attribute`` may be addressed with the request's manufacturer code."""
        if header.manufacturer is None:
            return not attribute.manufacturer_specific
        # Lumi firmware answers standard attributes with its own code too (mirrors them).
        return header.manufacturer == LUMI_MANUFACTURER_CODE

    def _global_command(self, request: _Request, table: AttrTable) -> None:
        header, payload, reply = request.header, request.payload, request.reply
        command = header.command
        if command == GeneralCommand.READ_ATTRIBUTES:
            records: list[ReadRecord] = []
            for attr in decode_attribute_ids(payload):
                attribute = table.get(attr)
                if attribute is None or not self._mfr_visible(attribute, header):
                    records.append(ReadRecord(attr, Status.UNSUPPORTED_ATTRIBUTE))
                else:
                    records.append(
                        ReadRecord(attr, Status.SUCCESS, attribute.type_id, attribute.getter())
                    )
            reply(
                header.reply(GeneralCommand.READ_ATTRIBUTES_RESPONSE),
                encode_read_response(records),
            )
        elif command in (
            GeneralCommand.WRITE_ATTRIBUTES,
            GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
            GeneralCommand.WRITE_ATTRIBUTES_NO_RESPONSE,
        ):
            statuses = self._write_attributes(
                table,
                header,
                payload,
                undivided=command == GeneralCommand.WRITE_ATTRIBUTES_UNDIVIDED,
            )
            if command != GeneralCommand.WRITE_ATTRIBUTES_NO_RESPONSE:
                reply(
                    header.reply(GeneralCommand.WRITE_ATTRIBUTES_RESPONSE),
                    encode_write_response(statuses),
                )
        elif command == GeneralCommand.CONFIGURE_REPORTING:
            results = [
                self._configure_reporting(request.ep, request.cluster, table, header, config)
                for config in decode_configure_reporting(payload)
            ]
            reply(
                header.reply(GeneralCommand.CONFIGURE_REPORTING_RESPONSE),
                encode_configure_reporting_response(results),
            )
        elif command == GeneralCommand.READ_REPORTING_CONFIGURATION:
            self._read_reporting_configuration(request, table)
        elif command == GeneralCommand.DISCOVER_ATTRIBUTES:
            start, max_count = struct.unpack_from("<HB", payload)
            visible = sorted(
                attr
                for attr, attribute in table.items()
                if attr >= start and self._mfr_visible(attribute, header)
            )
            chosen = visible[:max_count]
            body = bytes([1 if len(chosen) == len(visible) else 0]) + b"".join(
                struct.pack("<HB", attr, table[attr].type_id) for attr in chosen
            )
            reply(header.reply(GeneralCommand.DISCOVER_ATTRIBUTES_RESPONSE), body)
        elif command in (
            GeneralCommand.DEFAULT_RESPONSE,
            GeneralCommand.REPORT_ATTRIBUTES,
            GeneralCommand.READ_ATTRIBUTES_RESPONSE,
            GeneralCommand.WRITE_ATTRIBUTES_RESPONSE,
            GeneralCommand.CONFIGURE_REPORTING_RESPONSE,
        ):
            return
        else:
            request.default_response(
                Status.UNSUP_MANUF_GENERAL_COMMAND
                if header.manufacturer is not None
                else Status.UNSUP_GENERAL_COMMAND
            )

    def _read_reporting_configuration(self, request: _Request, table: AttrTable) -> None:
        answers: list[tuple[int, ReportingConfig | None]] = []
        for direction, attr in decode_read_reporting_configuration(request.payload):
            configured = self.reporting.get((request.ep, request.cluster, attr))
            if attr not in table:
                answers.append((Status.UNSUPPORTED_ATTRIBUTE, ReportingConfig(attr, direction)))
            elif configured is None:
                answers.append((Status.UNREPORTABLE_ATTRIBUTE, ReportingConfig(attr, direction)))
            else:
                answers.append((Status.SUCCESS, configured))
        request.reply(
            request.header.reply(GeneralCommand.READ_REPORTING_CONFIGURATION_RESPONSE),
            encode_read_reporting_configuration_response(answers),
        )

    def _write_attributes(
        self, table: AttrTable, header: ZclHeader, payload: bytes, *, undivided: bool
    ) -> list[AttributeStatus]:
        values = decode_attribute_values(payload)
        checks: list[tuple[AttributeValue, Status]] = []
        for item in values:
            attribute = table.get(item.attr)
            if attribute is None or not self._mfr_visible(attribute, header):
                checks.append((item, Status.UNSUPPORTED_ATTRIBUTE))
            elif attribute.setter is None:
                checks.append((item, Status.READ_ONLY))
            elif item.type_id != attribute.type_id:
                checks.append((item, Status.INVALID_DATA_TYPE))
            else:
                checks.append((item, Status.SUCCESS))
        if undivided and any(status != Status.SUCCESS for _, status in checks):
            return [AttributeStatus(status, item.attr) for item, status in checks]
        results: list[AttributeStatus] = []
        for item, check in checks:
            status = check
            setter = table[item.attr].setter if check == Status.SUCCESS else None
            if setter is not None:
                status = setter(item.value)
            results.append(AttributeStatus(status, item.attr))
        return results

    # -- reporting (kept in the firmware's NV memory) -----------------------------------

    def _configure_reporting(
        self,
        ep: int,
        cluster: int,
        table: AttrTable,
        header: ZclHeader,
        config: ReportingConfig,
    ) -> AttributeStatus:
        attribute = table.get(config.attr)
        if attribute is None or not self._mfr_visible(attribute, header):
            return AttributeStatus(Status.UNSUPPORTED_ATTRIBUTE, config.attr, config.direction)
        if config.direction != 0:
            return AttributeStatus(Status.SUCCESS, config.attr, config.direction)
        if config.type_id != attribute.type_id:
            return AttributeStatus(Status.INVALID_DATA_TYPE, config.attr, config.direction)
        key = (ep, cluster, config.attr)
        timer = self._reporting_timers.pop(key, None)
        if timer is not None:
            timer.cancel()
        held = self._held_reports.pop(key, None)
        if held is not None:
            held.cancel()
        if config.max_interval == 0xFFFF:
            self.reporting.pop(key, None)  # "stop reporting"
            self._stopped.add(key)
            return AttributeStatus(Status.SUCCESS, config.attr, 0)
        self._stopped.discard(key)
        self.reporting[key] = config
        if config.max_interval > 0:
            self._schedule_periodic_report(key, config.max_interval)
        return AttributeStatus(Status.SUCCESS, config.attr, 0)

    def _schedule_periodic_report(self, key: tuple[int, int, int], interval: float) -> None:
        clock = self._device.clock

        def fire() -> None:
            if key not in self.reporting:
                return
            ep, cluster, attr = key
            if self._device.powered:
                self.report_attribute(ep, cluster, attr)
                self._remember_report(key)
            self._reporting_timers[key] = clock.call_later(interval, fire)

        self._reporting_timers[key] = clock.call_later(interval, fire)

    def stop_reporting_timers(self) -> None:
        """Power is gone: nothing reports (the configuration stays)."""
        for timer in (*self._reporting_timers.values(), *self._held_reports.values()):
            timer.cancel()
        self._reporting_timers.clear()
        self._held_reports.clear()

    def attribute_changed(
        self, ep: int, cluster: int, attr: int, default: ReportingConfig | None = None
    ) -> None:
        """A server attribute changed: report it as its reporting configuration says.

        The configuration the hub made with Configure Reporting wins; without one, the
        firmware's own ``default`` (None: the attribute is not reported). ZCL reporting
        rules: a discrete attribute reports any change, an analog one a change of at least
        its reportable change since the last report; never sooner than the minimum interval
        after the last report (the report is held back until then); each report restarts
        the maximum interval.
        """
        key = (ep, cluster, attr)
        config = self.reporting.get(key, default)
        attribute = self.table(ep, cluster).get(attr)
        if config is None or attribute is None or key in self._stopped:
            return
        if key in self._held_reports:
            return  # the held report will carry the newest value
        value = attribute.getter()
        last = self._last_reported.get(key)
        if last is not None and not self._changed_enough(attribute.type_id, config, last[1], value):
            return
        now = self._device.clock.now
        wait = 0.0 if last is None else last[0] + config.min_interval - now
        if wait > 0:

            def send_held() -> None:
                self._held_reports.pop(key, None)
                self._send_change_report(key)

            self._held_reports[key] = self._device.clock.call_later(wait, send_held)
            return
        self._send_change_report(key)

    @staticmethod
    def _changed_enough(
        type_id: int, config: ReportingConfig, before: object, after: object
    ) -> bool:
        if type_id not in ANALOG_TYPES or not isinstance(after, int | float):
            return after != before
        if not isinstance(before, int | float):
            return True
        change = config.reportable_change
        if isinstance(change, int | float) and change > 0:
            return abs(after - before) >= change
        return after != before

    def _send_change_report(self, key: tuple[int, int, int]) -> None:
        if not self._device.powered:
            return
        ep, cluster, attr = key
        self.report_attribute(ep, cluster, attr)
        self._remember_report(key)
        config = self.reporting.get(key)
        if config is not None and 0 < config.max_interval < 0xFFFF:
            # A report restarts the maximum interval
            timer = self._reporting_timers.pop(key, None)
            if timer is not None:
                timer.cancel()
            self._schedule_periodic_report(key, config.max_interval)

    def _remember_report(self, key: tuple[int, int, int]) -> None:
        ep, cluster, attr = key
        attribute = self.table(ep, cluster).get(attr)
        if attribute is not None:
            self._last_reported[key] = (self._device.clock.now, attribute.getter())

    def clear_reporting(self) -> None:
        """Forget every reporting configuration (factory reset, state import)."""
        self.stop_reporting_timers()
        self.reporting.clear()
        self._stopped.clear()

    def rearm_reporting(self) -> None:
        """Power is back: the configuration survived in NV, periodic reports resume."""
        for key, config in self.reporting.items():
            if config.max_interval > 0 and key not in self._reporting_timers:
                self._schedule_periodic_report(key, config.max_interval)

    def report_attribute(self, ep: int, cluster: int, attr: int) -> None:
        """Report the current value of one server attribute."""
        attribute = self.table(ep, cluster).get(attr)
        if attribute is None:
            return
        self._device.send_report(
            ep,
            cluster,
            [AttributeValue(attr, attribute.type_id, attribute.getter())],
            manufacturer=LUMI_MANUFACTURER_CODE if attribute.manufacturer_specific else None,
        )

    def export_reporting(self) -> list[list[object]]:
        return [
            [
                ep,
                cluster,
                config.attr,
                config.type_id,
                config.min_interval,
                config.max_interval,
                config.reportable_change,
            ]
            for (ep, cluster, _attr), config in self.reporting.items()
        ]

    def import_reporting(self, saved: list[list[object]]) -> None:
        self.clear_reporting()
        for ep, cluster, attr, type_id, minimum, maximum, change in saved:
            config = ReportingConfig(
                int(str(attr)), 0, int(str(type_id)), int(str(minimum)), int(str(maximum)), change
            )
            self.reporting[(int(str(ep)), int(str(cluster)), int(str(attr)))] = config
        self.rearm_reporting()
