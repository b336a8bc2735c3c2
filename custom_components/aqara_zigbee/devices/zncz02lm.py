"""Xiaomi ZNCZ02LM: Mi power plug ZigBee (lumi.plug)."""

from __future__ import annotations

from dataclasses import dataclass

from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    BASIC_LUMI_WRITE,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_MANUFACTURER_CODE,
    ON_OFF,
    PRESENT_VALUE,
)
from .model import (
    OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    OPTION_DEVICE_TEMPERATURE_PRECISION,
    OPTION_STATE_ACTION,
    POWER_OUTAGE_MEMORY_DESCRIPTION,
    AttributeSource,
    Definition,
    EndpointDecl,
    NumberCodec,
    RemoveFromGroupStep,
    basic_heartbeat_read,
    config_switch,
    device_temperature,
    energy,
    linkquality,
    measurement_options,
    plug_power_outage_memory_sequence,
    power,
    relay_switch,
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


DEFINITION = Definition(
    model="ZNCZ02LM",
    model_ids=("lumi.plug",),
    vendor="Xiaomi",
    description="Mi power plug ZigBee",
    exposes=(
        relay_switch("state", endpoint=1, device_class="outlet", description="Relay."),
        power(
            AttributeSource(
                endpoint=2,
                cluster=ANALOG_INPUT,
                attribute=PRESENT_VALUE,
                codec=NumberCodec(ndigits=2),
            ),
        ),
        energy(),
        device_temperature(),
        config_switch(
            "power_outage_memory",
            description=POWER_OUTAGE_MEMORY_DESCRIPTION,
            sources=(
                AttributeSource(
                    endpoint=1,
                    cluster=BASIC,
                    attribute=BASIC_LUMI_WRITE,
                    codec=PlugSettingCodec(),
                    manufacturer=LUMI_MANUFACTURER_CODE,
                ),
            ),
            write=plug_power_outage_memory_sequence(),
        ),
        linkquality(),
    ),
    options=(
        OPTION_STATE_ACTION,
        *measurement_options("power", "energy"),
        OPTION_DEVICE_TEMPERATURE_PRECISION,
        OPTION_DEVICE_TEMPERATURE_CALIBRATION,
    ),
    ota=True,
    ota_image_type=0x0101,
    is_router=True,
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
        ),
        EndpointDecl(endpoint=2, device_type=0x0009, in_clusters=(ANALOG_INPUT,)),
    ),
    configure=(RemoveFromGroupStep(group=0),),
    heartbeat_read=basic_heartbeat_read(),
)
