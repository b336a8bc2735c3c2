"""The Aqara Light Switch H2 EU (lumi.switch.agl009/agl010): the family's firmware.

Facts: the ZHA signature of lumi.switch.agl010 (zha-device-handlers#3957: a router, power
as AnalogInput on endpoint 21 too); the H2 dimmer's database entry (lumi.switch.agl007,
zigbee2mqtt#28977/#30360: ElectricalMeasurement with acPowerDivisor 10 and Metering on
endpoint 1, a heartbeat with energy (149) but no power, application version 22); the unit
refuses acCurrentMultiplier/Divisor reads (zigbee2mqtt#26879); it reports 0xFCC0 0x00FC
false until the hub writes it true (Zigbee2MQTT's lumiPreventLeave); OTA image type 0x1920,
file 0x161A (Koenkk/zigbee-OTA index). Each rocker's top half drives its relay (endpoints
1, 2), its bottom half is a relay-less button (4, 5); clicks hold 0, single 1, double 2,
release 255 from each button's endpoint.

Inferred, not seen: the button endpoints' clusters (from the H2 US family), rmsCurrent in
whole amperes (the ZCL default scaling Zigbee2MQTT applies, no published value), the
heartbeat's other entries (from the H2 dimmer's).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..behaviours import (
    Behaviour,
    Buttons,
    ButtonSpec,
    ChipTemperature,
    Groups,
    Heartbeat,
    Identify,
    LumiSetting,
    Metering,
    OtaUpdates,
    PowerOutageCounter,
    Relays,
    chip_temperature,
    constant,
    metering,
    parent_nwk,
    power_on_count,
    relay,
)
from ..behaviours.power_on_behavior import PowerOnBehavior
from ..behaviours.prevent_leave import PreventLeave
from ..clusters import (
    ANALOG_INPUT,
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    IDENTIFY,
    LUMI_CLUSTER,
    LUMI_HEARTBEAT,
    METERING,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    SCENES,
    TIME,
)
from ..profile import EndpointSpec, Twin
from ..zcl import DataType
from ._aqara_h2_us import GESTURES, click_mode_settings, lock_settings

OTA_IMAGE_TYPE = 0x1920
FILE_VERSION = 0x161A  # "0.0.0_2226"


def _endpoints(relays: Mapping[int, str], buttons: Mapping[int, str]) -> tuple[EndpointSpec, ...]:
    specs = [
        EndpointSpec(
            1,
            0x0100,
            (
                BASIC,
                IDENTIFY,
                GROUPS,
                SCENES,
                ON_OFF,
                MULTISTATE_INPUT,
                METERING,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            (TIME, OTA),
        )
    ]
    specs += [
        EndpointSpec(ep, 0x0100, (MULTISTATE_INPUT, SCENES, GROUPS, ON_OFF, LUMI_CLUSTER))
        for ep in relays
        if ep != 1
    ]
    specs += [EndpointSpec(ep, 0x0000, (MULTISTATE_INPUT, LUMI_CLUSTER)) for ep in buttons]
    specs.append(EndpointSpec(21, 0x0000, (ANALOG_INPUT,)))
    return tuple(specs)


def _behaviours(
    relays: Mapping[int, str], buttons: Mapping[int, str], identify: bool
) -> Sequence[Behaviour]:
    keys = {name: ButtonSpec(ep, (ep,)) for ep, name in relays.items()}
    keys.update({name: ButtonSpec(ep, ()) for ep, name in buttons.items()})
    return [
        Relays({ep: f"state_{name}" for ep, name in relays.items()}),
        Buttons(
            keys,
            aliases={},
            gestures=GESTURES,
            actions=tuple(
                f"{kind}_{name}"
                for kind in ("hold", "single", "double", "release")
                for name in keys
            ),
            decoupling=True,
        ),
        ChipTemperature(),
        Groups(),
        Identify(exposed=identify),
        PowerOutageCounter(exposed=True),
        PowerOnBehavior(),
        PreventLeave(),
        *lock_settings(relays),
        *click_mode_settings(buttons),
        Metering(
            power_endpoint=21,
            electrical_measurement=True,
            current_in_amperes=True,
            exposes_mains=True,
            hidden=frozenset({"voltage"}),
            load_relays=tuple(relays),
        ),
        LumiSetting(
            "led_indicator", 0x0203, DataType.BOOL, {"ON": True, "OFF": False}, default=True
        ),
        LumiSetting("flip_indicator_light", 0x00F0, DataType.UINT8, {"ON": 1, "OFF": 0}, default=0),
        Heartbeat(
            LUMI_CLUSTER,
            LUMI_HEARTBEAT,
            DataType.OCTET_STRING,
            (
                (3, DataType.INT8, chip_temperature),
                (5, DataType.UINT16, power_on_count),
                (10, DataType.UINT16, parent_nwk),
                (12, DataType.UINT8, constant(10)),
                *((99 + ep, DataType.UINT8, relay(ep)) for ep in relays),
                (149, DataType.FLOAT, metering.energy_kwh),
                (155, DataType.UINT8, constant(1)),
            ),
        ),
        OtaUpdates(OTA_IMAGE_TYPE),
    ]


def h2_eu_twin(
    zigbee_model: str,
    z2m_model: str,
    relays: Mapping[int, str],
    buttons: Mapping[int, str],
    *,
    identify: bool,
) -> Twin:
    """An H2 EU unit: ``relays`` endpoint → rocker, ``buttons`` its relay-less halves.

    ``identify``: the model's page has the identify command (the double rocker's).
    """
    return Twin(
        zigbee_models=(zigbee_model,),
        z2m_model=z2m_model,
        endpoints=_endpoints(relays, buttons),
        app_version=22,
        date_code="20250827",
        sw_build_id="0.0.0_2226",
        file_version=FILE_VERSION,
        behaviours=lambda: _behaviours(relays, buttons, identify),
    )
