"""Aqara QBKG24LM: smart wall switch D1 (with neutral, double rocker), ``lumi.switch.b2nacn02``.

Facts: Zigbee2MQTT's definition (relays left 1 / right 2, power as AnalogInput presentValue,
energy from the genBasic 0xFF01 heartbeat, clicks from endpoints 5 left, 6 right, 7 both,
the rockers' modes in genBasic 0xFF22 / 0xFF23); a device dump (sprut/Hub#337: a router,
endpoint 1's clusters, the heartbeat's relays 100/101, temperature 3, energy 149, power
152); OTA image type 0x0101 from the Koenkk/zigbee-OTA index. Inferred from its older
sibling QBKG12LM: AnalogInput on endpoint 3.
"""

from __future__ import annotations

from .. import features as f
from ..features import basic_operation_mode as basic, metering
from ..lumi.const import (
    ANALOG_INPUT,
    BASIC,
    DEVICE_TEMPERATURE,
    GROUPS,
    MULTISTATE_DOUBLE,
    MULTISTATE_HOLD,
    MULTISTATE_INPUT,
    MULTISTATE_SINGLE,
    ON_OFF,
    OTA,
)
from .model import (
    Access,
    ActionSource,
    Definition,
    EndpointDecl,
    Expose,
    Feature,
    Platform,
)

_POWER_ENDPOINT = 3

#: Zigbee2MQTT's list: hold only for the left rocker, no hold for the others
_ACTIONS = {
    5: (
        (MULTISTATE_HOLD, "hold_left"),
        (MULTISTATE_SINGLE, "single_left"),
        (MULTISTATE_DOUBLE, "double_left"),
    ),
    6: ((MULTISTATE_SINGLE, "single_right"), (MULTISTATE_DOUBLE, "double_right")),
    7: ((MULTISTATE_SINGLE, "single_both"), (MULTISTATE_DOUBLE, "double_both")),
}

DEFINITION = Definition(
    model="QBKG24LM",
    model_ids=("lumi.switch.b2nacn02",),
    vendor="Aqara",
    description="Smart wall switch D1 (with neutral, double rocker)",
    is_router=True,  # with neutral: a router (sprut/Hub#337)
    features=(
        f.relay(endpoint=1, name="left", description="Left relay."),
        f.relay(endpoint=2, name="right", description="Right relay."),
        f.energy(),
        f.power(metering.analog_power(endpoint=_POWER_ENDPOINT)),
        # The library's uneven list (hold for the left rocker only) is not a cross product
        Feature(
            exposes=(
                Expose(
                    key="action",
                    platform=Platform.EVENT,
                    access=Access.REPORT,
                    description="Triggered action (e.g. a button click).",
                    options=tuple(action for pairs in _ACTIONS.values() for _, action in pairs),
                    state_action_options=("on_left", "off_left", "on_right", "off_right"),
                    sources=tuple(
                        ActionSource(endpoint=endpoint, actions=pairs)
                        for endpoint, pairs in _ACTIONS.items()
                    ),
                ),
            )
        ),
        basic.basic_operation_mode(
            attribute=basic.LEFT,
            name="left",
            values=(
                ("control_left_relay", basic.CONTROL_LEFT_RELAY),
                ("decoupled", basic.DECOUPLED),
            ),
            description="Decoupled mode for left button.",
        ),
        basic.basic_operation_mode(
            attribute=basic.RIGHT,
            name="right",
            values=(
                ("control_right_relay", basic.CONTROL_RIGHT_RELAY),
                ("decoupled", basic.DECOUPLED),
            ),
            description="Decoupled mode for right button.",
        ),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(BASIC, 0x0001, DEVICE_TEMPERATURE, 0x0003, GROUPS, 0x0005, ON_OFF),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=_POWER_ENDPOINT, device_type=0x0002, in_clusters=(ANALOG_INPUT,)),
        *(
            EndpointDecl(endpoint=endpoint, device_type=0x0000, in_clusters=(MULTISTATE_INPUT,))
            for endpoint in _ACTIONS
        ),
    ),
)
