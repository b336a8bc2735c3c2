"""Aqara QBKG04LM: smart wall switch, no neutral, single rocker (lumi.ctrl_neutral1).

Facts: Zigbee2MQTT's definition (an end device; the relay on endpoint 2; clicks as OnOff
reports of button endpoint 4; operation mode in genBasic 0xFF22, no /get; prevent-reset);
a unit switched through endpoint 2 (TedTolboom/com.xiaomi-mi-zigbee#214); OTA image type
0x0101 (zigbee-OTA index). Zigbee2MQTT decodes no heartbeat for it: no relay entry is
taken from it here either (its layout is unknown).
"""

from __future__ import annotations

from dataclasses import replace

from .. import features as f
from ..features.basic_operation_mode import basic_operation_mode
from ..features.onoff_clicks import onoff_clicks
from ..lumi.const import BASIC, GROUPS, ON_OFF, OTA
from .model import Access, Definition, EndpointDecl, Feature


def _not_readable(feature: Feature) -> Feature:
    """Zigbee2MQTT offers no /get for the old no-neutral switches' operation modes."""
    return replace(
        feature,
        exposes=tuple(
            replace(expose, access=Access.WRITE | Access.REPORT) for expose in feature.exposes
        ),
    )


DEFINITION = Definition(
    model="QBKG04LM",
    model_ids=("lumi.ctrl_neutral1",),
    vendor="Aqara",
    description="Smart wall switch (no neutral, single rocker)",
    is_router=False,  # no neutral: Zigbee2MQTT forces it to an end device
    features=(
        f.relay(endpoint=2, heartbeat=False, state_action=False),
        onoff_clicks({4: None}),
        _not_readable(basic_operation_mode(description="Decoupled mode")),
        f.linkquality(),
        f.basic_heartbeat(),
        f.ota(0x0101),
    ),
    endpoints=(
        EndpointDecl(endpoint=1, device_type=0x0100, in_clusters=(BASIC,), out_clusters=(OTA,)),
        EndpointDecl(endpoint=2, device_type=0x0100, in_clusters=(GROUPS, 0x0005, ON_OFF)),
        EndpointDecl(endpoint=4, device_type=0x0100, in_clusters=(ON_OFF,)),
    ),
)
