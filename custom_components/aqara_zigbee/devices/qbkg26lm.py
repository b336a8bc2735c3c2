"""Aqara QBKG26LM: smart wall switch D1 (with neutral, triple rocker), ``lumi.switch.n3acn3``.

Facts: Zigbee2MQTT's definition (relays left 1 / center 2 / right 3, per-rocker operation
mode, power-outage memory, LED off at night, flipped indicator on 0xFCC0, the event-mode
write at configure, clicks from endpoints 41-43, 51-53 and 61, power as AnalogInput
presentValue, energy and voltage from the heartbeat); a router whose endpoints are 1-3, 21,
31 and the button ones, 0xFCC0 declared on 1-3 (device signatures, zigbee2mqtt#19470 and
com.xiaomi-mi-zigbee#299); OTA image type 0x048C from the Koenkk/zigbee-OTA index.
Inferred from the plugs: AnalogInput on endpoint 21.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import features as f
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
    PRESENT_VALUE,
)
from .model import Access, AttributeSource, Definition, EndpointDecl, NumberCodec

#: Zigbee2MQTT's buttonLookup: one endpoint per rocker and per combination pressed together
_BUTTONS: Mapping[int | None, str | None] = {
    41: "left",
    42: "center",
    43: "right",
    51: "left_center",
    52: "left_right",
    53: "center_right",
    61: "all",
}

_POWER_ENDPOINT = 21

DEFINITION = Definition(
    model="QBKG26LM",
    model_ids=("lumi.switch.n3acn3",),
    vendor="Aqara",
    description="Smart wall switch D1 (with neutral, triple rocker)",
    is_router=True,  # with neutral: a router
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="center", description="Center relay."),
        f.relay(endpoint=3, name="right", description="Right relay."),
        f.operation_mode(endpoint=1, name="left", description="Decoupled mode for left button."),
        f.operation_mode(
            endpoint=2, name="center", description="Decoupled mode for center button."
        ),
        f.operation_mode(endpoint=3, name="right", description="Decoupled mode for right button."),
        f.power(
            AttributeSource(
                endpoint=_POWER_ENDPOINT,
                cluster=ANALOG_INPUT,
                attribute=PRESENT_VALUE,
                codec=NumberCodec(ndigits=2),
            ),
            access=Access.REPORT,
        ),
        f.voltage(),
        f.energy(),
        f.power_outage_memory(),
        f.led_disabled_night(),
        f.device_temperature(),
        f.flip_indicator_light(),
        f.multistate_clicks(
            _BUTTONS,
            clicks=f.SINGLE_DOUBLE,
            by_button=True,
            state_actions=(
                "on_left",
                "off_left",
                "on_center",
                "off_center",
                "on_right",
                "off_right",
            ),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x048C),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0100,
            in_clusters=(BASIC, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(
            endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        ),
        EndpointDecl(
            endpoint=3, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF, LUMI_CLUSTER)
        ),
        EndpointDecl(endpoint=_POWER_ENDPOINT, device_type=0x0100, in_clusters=(ANALOG_INPUT,)),
        *(
            EndpointDecl(endpoint=endpoint, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
            for endpoint in _BUTTONS
            if endpoint is not None
        ),
    ),
)
