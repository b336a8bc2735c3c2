"""Aqara WP-P09D: wall outlet H2 UK (two sockets and USB ports, each switched).

Facts: Zigbee2MQTT's definition (``lumi.plug.aeu002``): relays 1, 2 and the USB ports on
endpoint 3 ("usb"); no device temperature; power_on_behavior (0xFCC0 0x0517); power as
ElectricalMeasurement activePower, unscaled, on three endpoints that do not line up with
the relays (1: the whole outlet, 2: socket 1 + USB, 3: socket 2); energy and current from
the heartbeat, no voltage; multi-click and child lock (0x0285, LOCK = 1) per socket button;
clicks hold 0, single 1, double 2, release 255 from endpoints 1 and 2; overload protection
up to 3250 W, written but not read back (reading it fails,
zigbee-herdsman-converters#11123); LED and flipped indicator; identify.

Endpoints: OnOff, ElectricalMeasurement and 0xFCC0 on 1-3, MultistateInput on the button
endpoints (inferred from a public probe of the unit and the H2 EU outlet). Koenkk/zigbee-OTA
has no image for lumi.plug.aeu002: no OTA.
"""

from __future__ import annotations

from .. import features as f
from ..features import child_lock, click_mode, identify, led_indicator, metering, power_on_behavior
from ..lumi.const import (
    BASIC,
    ELECTRICAL_MEASUREMENT,
    GROUPS,
    LUMI_CLUSTER,
    MULTISTATE_INPUT,
    ON_OFF,
    OTA,
)
from ._aqara_h2_us import GESTURES
from .model import Definition, EndpointDecl

_SOCKETS = {1: "1", 2: "2"}
#: the socket buttons (clicks come from their endpoints)
_BUTTONS: dict[int | None, str | None] = {1: "1", 2: "2"}

DEFINITION = Definition(
    model="WP-P09D",
    model_ids=("lumi.plug.aeu002",),
    vendor="Aqara",
    description="Wall outlet H2 UK",
    is_router=True,
    features=(
        # The outlet's heartbeat layout is unpublished: the relays follow their OnOff reports
        *(
            f.relay(
                endpoint=ep,
                name=name,
                device_class="outlet",
                description="On/off state of the switch.",
                heartbeat=False,
            )
            for ep, name in _SOCKETS.items()
        ),
        f.relay(
            endpoint=3,
            name="usb",
            label="USB",
            device_class="outlet",
            description="On/off state of the switch.",
            heartbeat=False,
        ),
        f.power_outage_count(),
        power_on_behavior.power_on_behavior(),
        metering.endpoint_power(
            endpoint=1, name="1", description="Total power consumption of the outlet."
        ),
        metering.endpoint_power(
            endpoint=2,
            name="2",
            description="Combined power consumption of socket 1 and the USB ports.",
        ),
        metering.endpoint_power(
            endpoint=3, name="usb", description="Power consumption of socket 2."
        ),
        f.energy(),
        f.current(),
        *(
            click_mode.multi_click(
                endpoint=ep,
                name=name,
                description=f"Multi-click mode for the socket {name} button.",
            )
            for ep, name in _SOCKETS.items()
        ),
        *(
            child_lock.child_lock(
                endpoint=ep, name=name, description=f"Disables the socket {name} button."
            )
            for ep, name in _SOCKETS.items()
        ),
        f.overload_protection(maximum=3250, readable=False),
        led_indicator.led_indicator(),
        f.flip_indicator_light(),
        identify.identify(),
        f.multistate_clicks(
            _BUTTONS,
            clicks=GESTURES,  # the H2 switches' lumiAction lookup
            state_actions=tuple(
                f"{state}_{name}" for name in ("1", "2", "usb") for state in ("on", "off")
            ),
        ),
        f.linkquality(),
        f.lumi_heartbeat(),
    ),
    endpoints=(
        EndpointDecl(
            endpoint=1,
            device_type=0x0051,
            in_clusters=(
                BASIC,
                0x0003,
                GROUPS,
                0x0005,
                ON_OFF,
                MULTISTATE_INPUT,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
            out_clusters=(0x000A, OTA),
        ),
        EndpointDecl(
            endpoint=2,
            device_type=0x0051,
            in_clusters=(
                GROUPS,
                0x0005,
                ON_OFF,
                MULTISTATE_INPUT,
                ELECTRICAL_MEASUREMENT,
                LUMI_CLUSTER,
            ),
        ),
        EndpointDecl(
            endpoint=3,
            device_type=0x0051,
            in_clusters=(GROUPS, 0x0005, ON_OFF, ELECTRICAL_MEASUREMENT, LUMI_CLUSTER),
        ),
    ),
)
