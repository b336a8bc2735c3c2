"""Relays: on/off state, its memory across power cuts, how it reports."""

from __future__ import annotations

from dataclasses import dataclass

from ..devices.model import (
    BOOL,
    OPTION_STATE_ACTION,
    RW,
    Access,
    AttributeSource,
    BindStep,
    Expose,
    Feature,
    HeartbeatSource,
    OnOffWrite,
    Platform,
    RemoveFromGroupStep,
    ReportStep,
    SequenceWrite,
)
from ..lumi.const import (
    ATTR_POWER_OUTAGE_MEMORY,
    BASIC,
    BASIC_LUMI_WRITE,
    LUMI_MANUFACTURER_CODE,
    ON_OFF,
    ON_OFF_ATTR,
    ZCL_BOOL,
    ZCL_OCTET_STRING,
)
from ._lumi import endpoint_suffix, lumi_attribute, lumi_write
from .settings import config_switch

#: heartbeat index of endpoint 1's relay state; the next endpoints follow (101, 102...)
_FIRST_RELAY_INDEX = 100


def relay(
    *,
    endpoint: int = 1,
    name: str | None = None,
    device_class: str = "switch",
    description: str = "Relay.",
    heartbeat: bool = True,
    label: str | None = None,
    state_action: bool = True,
) -> Feature:
    """A relay: OnOff reports/reads and commands, its heartbeat entry, ``state_action``.

    ``name`` is the rocker's name in Zigbee2MQTT's keys (``state_top``); None for the only one.
    ``label``: the entity's name where the capitalized ``name`` reads wrong (``USB``).
    ``state_action``: the device option is offered (Zigbee2MQTT's generic OnOff converter
    brings it; models decoded by Lumi's own OnOff converter have none).
    """
    suffix = endpoint_suffix(name)
    sources: tuple[AttributeSource | HeartbeatSource, ...] = (
        AttributeSource(endpoint=endpoint, cluster=ON_OFF, attribute=ON_OFF_ATTR, codec=BOOL),
    )
    if heartbeat:
        sources += (HeartbeatSource(index=_FIRST_RELAY_INDEX + endpoint - 1, codec=BOOL),)
    expose = Expose(
        key=f"state{suffix}",
        platform=Platform.SWITCH,
        access=RW,
        device_class=device_class,
        description=description,
        sources=sources,
        write=OnOffWrite(endpoint=endpoint),
        translation_key="state_endpoint" if name else None,
        translation_placeholders={"endpoint": label or name.capitalize()} if name else {},
        state_actions=(f"on{suffix}", f"off{suffix}"),
        named_after_device=name is None,
    )
    return Feature(exposes=(expose,), options=(OPTION_STATE_ACTION,) if state_action else ())


def report_relay(*, endpoint: int = 1, max_interval: int = 3600) -> Feature:
    """Bind OnOff and configure its reporting (firmwares that do not report unasked)."""
    return Feature(
        configure=(
            BindStep(endpoint=endpoint, cluster=ON_OFF),
            ReportStep(
                endpoint=endpoint,
                cluster=ON_OFF,
                attribute=ON_OFF_ATTR,
                min_interval=0,
                max_interval=max_interval,
            ),
        )
    )


def leave_group(group: int) -> Feature:
    """Take every endpoint out of a group at pairing (old plugs answer group 0 broadcasts)."""
    return Feature(configure=(RemoveFromGroupStep(group=group),))


POWER_OUTAGE_MEMORY_DESCRIPTION = (
    "Enable/disable the power outage memory, this recovers the on/off mode after power failure."
)


def power_outage_memory(*, description: str = POWER_OUTAGE_MEMORY_DESCRIPTION) -> Feature:
    """The relay's state survives a power cut (0xFCC0 0x0201)."""
    return Feature(
        exposes=(
            config_switch(
                "power_outage_memory",
                description=description,
                sources=(lumi_attribute(ATTR_POWER_OUTAGE_MEMORY, BOOL),),
                write=lumi_write(ATTR_POWER_OUTAGE_MEMORY, ZCL_BOOL, BOOL),
            ),
        )
    )


@dataclass(frozen=True, slots=True)
class PlugSettingCodec:
    """Reads back the lumi.plug 0xFFF0 power-outage-memory frame (aa 80 05 d1 47 xx 01 10 vv).

    Only the first frame of the write sequence carries the flag (last byte); anything else
    read from 0xFFF0 means nothing to us.
    """

    def decode(self, raw: object) -> object | None:
        if (
            isinstance(raw, bytes | bytearray)
            and len(raw) == 9
            and raw[:5] == b"\xaa\x80\x05\xd1\x47"
            and raw[6:8] == b"\x01\x10"
        ):
            return raw[8] == 1
        return None

    def encode(self, value: object) -> object:
        raise ValueError("lumi.plug settings are written as a sequence")


def plug_power_outage_memory(*, readable: bool = True) -> Feature:
    """lumi.plug: power_outage_memory is two genBasic 0xFFF0 octet-string writes.

    ``readable``: offered to ``/get`` (Zigbee2MQTT gives QBKG11LM none).
    """
    return Feature(
        exposes=(
            config_switch(
                "power_outage_memory",
                access=RW if readable else Access.WRITE | Access.REPORT,
                description=POWER_OUTAGE_MEMORY_DESCRIPTION,
                # Written as two 0xFFF0 frames; the unit never tells the setting back
                assumed=True,
                sources=(
                    AttributeSource(
                        endpoint=1,
                        cluster=BASIC,
                        attribute=BASIC_LUMI_WRITE,
                        codec=PlugSettingCodec(),
                        manufacturer=LUMI_MANUFACTURER_CODE,
                    ),
                ),
                write=SequenceWrite(
                    endpoint=1,
                    cluster=BASIC,
                    attribute=BASIC_LUMI_WRITE,
                    zcl_type=ZCL_OCTET_STRING,
                    on=(
                        bytes.fromhex("aa 80 05 d1 47 07 01 10 01"),
                        bytes.fromhex("aa 80 03 d3 07 08 01"),
                    ),
                    off=(
                        bytes.fromhex("aa 80 05 d1 47 09 01 10 00"),
                        bytes.fromhex("aa 80 03 d3 07 0a 01"),
                    ),
                ),
            ),
        )
    )
