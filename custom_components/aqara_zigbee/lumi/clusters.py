"""zigpy cluster classes for Lumi devices (zigpy 2.4 style definitions).

* :class:`LumiCluster` - the manufacturer cluster 0xFCC0; every attribute carries the Lumi
  manufacturer code explicitly, so reads/writes/reports resolve without guessing.
* :class:`LumiBasic` - genBasic plus the heartbeat 0xFF01 (a character string holding a
  binary TLV) and the manufacturer specific octet string 0xFFF0.

Both tolerate what Aqara firmwares get wrong on the wire:

* reports of manufacturer specific attributes sent without the manufacturer code (or
  standard ones sent with it) are matched to the right definition instead of being stored
  as unknown attributes;
* a heartbeat whose length byte is off makes the whole ZCL frame unparsable for zigpy;
  :meth:`deserialize` then re-parses the report record by record, repairing the length.

None of these classes enter zigpy's global cluster registry (``_skip_registry``): they are
placed on Lumi devices only, by :mod:`custom_components.aqara_zigbee.devices.resolver`.
"""

from __future__ import annotations

from collections.abc import Mapping
import logging
from typing import Any, Final, Self

import zigpy.types as t
from zigpy.zcl import Cluster, foundation
from zigpy.zcl.clusters.general import Basic
from zigpy.zcl.foundation import BaseAttributeDefs, ZCLAttributeDef, ZCLHeader

from .const import (
    BASIC_HEARTBEAT,
    BASIC_LUMI_WRITE,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    LUMI_MANUFACTURER_CODE,
    ZCL_CHAR_STRING,
    ZCL_OCTET_STRING,
)
from .heartbeat import split_prefixed

_LOGGER = logging.getLogger(__name__)

_REPORT: Final = foundation.GeneralCommand.Report_Attributes
_REPORT_SCHEMA: Final = foundation.GENERAL_COMMANDS[_REPORT].schema
_STRING_TYPES: Final = frozenset({ZCL_OCTET_STRING, ZCL_CHAR_STRING})
_GENERAL_COMMANDS: Final[Mapping[int, foundation.ZCLCommandDef]] = {
    int(command_id): command for command_id, command in foundation.GENERAL_COMMANDS.items()
}


class LumiTlv(bytes):
    """Raw heartbeat TLV bytes, whichever ZCL string type carried them.

    zigpy decodes a 0x42 character string to text (lossy for binary data) but keeps the raw
    bytes on ``.raw``; the constructor takes those back.
    """

    def __new__(cls, value: object = b"") -> Self:
        if isinstance(value, str):
            raw = getattr(value, "raw", None)
            value = raw if isinstance(raw, bytes | bytearray) else value.encode("utf-8")
        if not isinstance(value, bytes | bytearray | memoryview):
            raise TypeError(f"cannot build heartbeat bytes from {type(value).__name__}")
        return super().__new__(cls, value)

    def serialize(self) -> bytes:
        if len(self) > 254:
            raise ValueError("heartbeat too long")
        return bytes([len(self)]) + bytes(self)

    @classmethod
    def deserialize(cls, data: bytes) -> tuple[Self, bytes]:
        payload, rest = split_prefixed(data)
        return cls(payload), rest


def _lumi_attr(attr_id: int, attr_type: Any, zcl_type: int | None = None) -> ZCLAttributeDef:
    """A manufacturer specific attribute with Lumi's code spelled out (zigpy 2.4 style)."""
    kwargs: dict[str, Any] = {
        "id": attr_id,
        "type": attr_type,
        "manufacturer_code": LUMI_MANUFACTURER_CODE,
    }
    if zcl_type is not None:
        kwargs["zcl_type"] = foundation.DataTypeId(zcl_type)  # type: ignore[no-untyped-call]
    return ZCLAttributeDef(**kwargs)


def _parse_report_tolerantly(
    cluster: Cluster, data: bytes, heartbeat_ids: frozenset[int]
) -> list[foundation.Attribute]:
    """Report records one by one; heartbeat strings get their length byte repaired."""
    records: list[foundation.Attribute] = []
    while len(data) >= 3:
        attr_id = int.from_bytes(data[:2], "little")
        type_id = data[2]
        if attr_id in heartbeat_ids and type_id in _STRING_TYPES:
            payload, data = split_prefixed(data[3:])
            value = foundation.TypeValue(
                type=t.uint8_t(type_id),  # type: ignore[no-untyped-call]
                value=LumiTlv(payload),
            )
        else:
            try:
                value, data = foundation.TypeValue.deserialize(data[2:])
            except ValueError, KeyError:
                cluster.debug("Dropping undecodable report tail %s", data.hex(" "))
                break
        records.append(foundation.Attribute(attrid=attr_id, value=value))
    return records


def _convertible(attr_def: ZCLAttributeDef, value: foundation.TypeValue) -> bool:
    """Whether zigpy can turn a reported value into the attribute's declared type."""
    raw = value.value
    if isinstance(raw, list):
        return True  # dataN values are re-read by zigpy from their bytes
    try:
        attr_def.type(raw)
    except TypeError, ValueError, OverflowError, KeyError:
        return False
    return True


def decode_command(cluster: Cluster, hdr: ZCLHeader, body: bytes) -> Any:
    """The command of a ZCL frame whose header is already decoded.

    What zigpy's ``Cluster.deserialize`` yields after its own header pass: the schema the
    command id names (cluster-specific by direction, else the general one), or the raw
    bytes when the id is unknown. Decoding each header once saves a sixth of a report's CPU.
    """
    commands: Mapping[int, foundation.ZCLCommandDef]
    if hdr.frame_control.is_cluster:
        commands = (
            cluster.client_commands
            if hdr.direction == foundation.Direction.Server_to_Client
            else cluster.server_commands
        )
    else:
        commands = _GENERAL_COMMANDS
    command = commands.get(hdr.command_id)
    if command is None:
        return body
    args, _rest = command.schema.deserialize(body)
    return args


class LumiTolerantMixin:
    """Shared wire tolerance of the Lumi clusters (see the module docstring)."""

    #: attribute ids holding a heartbeat TLV in a ZCL string
    heartbeat_attributes: frozenset[int] = frozenset()

    def deserialize(self, data: bytes) -> tuple[ZCLHeader, Any]:
        try:
            return super().deserialize(data)  # type: ignore[misc,no-any-return]
        except (ValueError, KeyError) as exc:
            hdr, body = ZCLHeader.deserialize(data)
            return hdr, self._recover_report(hdr, body, exc)

    def deserialize_command(self, hdr: ZCLHeader, body: bytes) -> Any:
        """:func:`decode_command` with this cluster's tolerance of malformed reports."""
        assert isinstance(self, Cluster)
        try:
            return decode_command(self, hdr, body)
        except (ValueError, KeyError) as exc:
            return self._recover_report(hdr, body, exc)

    def _recover_report(self, hdr: ZCLHeader, body: bytes, exc: Exception) -> Any:
        if hdr.frame_control.is_cluster or hdr.command_id != _REPORT:
            raise exc
        assert isinstance(self, Cluster)
        records = _parse_report_tolerantly(self, body, self.heartbeat_attributes)
        if not records:
            raise exc
        self.debug("Recovered %d report record(s) from a malformed frame: %s", len(records), exc)
        return _REPORT_SCHEMA(attribute_reports=records)

    def _report_manufacturer(
        self, attr_id: int, manufacturer: int | None
    ) -> tuple[int | None, ZCLAttributeDef | None]:
        """The manufacturer code (and definition) this cluster has for a reported attribute."""
        assert isinstance(self, Cluster)
        for code in (manufacturer, None if manufacturer is not None else LUMI_MANUFACTURER_CODE):
            try:
                attr_def = self.find_attribute(attr_id, manufacturer_code=code)
            except KeyError:
                continue
            return code, attr_def
        return manufacturer, None

    def handle_cluster_general_request(
        self,
        hdr: ZCLHeader,
        args: Any,
        *,
        dst_addressing: t.AddrMode | None = None,
    ) -> None:
        parent: Any = super()
        if hdr.command_id != _REPORT or not isinstance(args, _REPORT_SCHEMA):
            parent.handle_cluster_general_request(hdr, args, dst_addressing=dst_addressing)
            return

        groups: dict[int | None, list[foundation.Attribute]] = {}
        reports: list[foundation.Attribute] = getattr(args, "attribute_reports", [])
        dropped = False
        for record in reports:
            code, attr_def = self._report_manufacturer(record.attrid, hdr.manufacturer)
            if attr_def is not None and not _convertible(attr_def, record.value):
                # A value of the wrong type would make zigpy raise out of the frame
                # handling; listeners already saw the raw record (general_command).
                assert isinstance(self, Cluster)
                self.debug("Ignoring attribute 0x%04x of unexpected type", record.attrid)
                dropped = True
                continue
            groups.setdefault(code, []).append(record)

        if not dropped and len(groups) <= 1 and hdr.manufacturer in groups:
            parent.handle_cluster_general_request(hdr, args, dst_addressing=dst_addressing)
            return

        # Re-dispatch each group under the manufacturer code it is defined with; only one
        # default response (if the device asked for one) for the original frame.
        header: Any = hdr  # zigpy types Struct.replace's kwargs wrongly
        for code, records in groups.items():
            sub_hdr = header.replace(
                manufacturer=code,
                frame_control=header.frame_control.replace(
                    is_manufacturer_specific=code is not None, disable_default_response=True
                ),
            )
            parent.handle_cluster_general_request(
                sub_hdr, _REPORT_SCHEMA(attribute_reports=records)
            )
        if not hdr.frame_control.disable_default_response:
            assert isinstance(self, Cluster)
            self.send_default_rsp(hdr, foundation.Status.SUCCESS)


class LumiCluster(LumiTolerantMixin, Cluster):
    """Lumi manufacturer specific cluster 0xFCC0."""

    cluster_id = LUMI_CLUSTER  # type: ignore[assignment]
    ep_attribute = "lumi"
    name = "Lumi"
    manufacturer_id_override = LUMI_MANUFACTURER_CODE  # type: ignore[assignment]
    _skip_registry = True
    heartbeat_attributes = frozenset({LUMI_HEARTBEAT})

    class AttributeDefs(BaseAttributeDefs):
        power_outage_count: Final = _lumi_attr(0x0002, t.uint8_t)
        mode_switch: Final = _lumi_attr(0x0004, t.uint16_t)
        event_mode: Final = _lumi_attr(0x0009, t.uint8_t)
        switch_type: Final = _lumi_attr(0x000A, t.uint8_t)
        flip_indicator_light: Final = _lumi_attr(0x00F0, t.uint8_t)
        heartbeat: Final = _lumi_attr(LUMI_HEARTBEAT, LumiTlv, ZCL_OCTET_STRING)
        press_hold: Final = _lumi_attr(0x00FC, t.Bool)
        operation_mode: Final = _lumi_attr(0x0200, t.uint8_t)
        power_outage_memory: Final = _lumi_attr(0x0201, t.Bool)
        auto_off: Final = _lumi_attr(0x0202, t.Bool)
        led_disabled_night: Final = _lumi_attr(0x0203, t.Bool)
        consumer_connected: Final = _lumi_attr(0x0207, t.Bool)
        overload_protection: Final = _lumi_attr(0x020B, t.Single)


class LumiBasic(LumiTolerantMixin, Basic):
    """genBasic with Lumi's heartbeat (0xFF01) and settings (0xFFF0) attributes."""

    _skip_registry = True
    heartbeat_attributes = frozenset({BASIC_HEARTBEAT})

    class AttributeDefs(Basic.AttributeDefs):
        lumi_heartbeat: Final = _lumi_attr(BASIC_HEARTBEAT, LumiTlv, ZCL_CHAR_STRING)
        lumi_settings: Final = _lumi_attr(BASIC_LUMI_WRITE, t.LVBytes, ZCL_OCTET_STRING)


#: cluster id → class used on Lumi devices instead of zigpy's default (server side)
LUMI_CLUSTERS: Final[dict[int, type[Cluster]]] = {
    LumiCluster.cluster_id: LumiCluster,
    LumiBasic.cluster_id: LumiBasic,
}
