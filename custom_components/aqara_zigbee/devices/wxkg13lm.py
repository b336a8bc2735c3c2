"""Aqara WXKG13LM: wireless mini switch T1 (lumi.remote.b1acn02).

Facts: Zigbee2MQTT's definition (MultistateInput clicks from 1 single to 6 many, 0 hold,
255 release; event mode written at pairing; genPowerCfg battery and the 0xFCC0 heartbeat,
2850-3000 mV); endpoint 1 from ZHA's signature; OTA image type 0x2188 (zigbee-OTA index).
"""

from __future__ import annotations

from .. import features as f
from ..features.battery import COIN_CELL, lumi_battery
from ..features.remote_clicks import (
    DOUBLE,
    HOLD,
    MANY,
    QUADRUPLE,
    QUINTUPLE,
    RELEASE,
    SINGLE,
    TRIPLE,
    multistate_buttons,
    remote_action,
)
from ._aqara_remote import remote_endpoints
from .model import ANY_ENDPOINT, Definition

DEFINITION = Definition(
    model="WXKG13LM",
    model_ids=("lumi.remote.b1acn02",),
    vendor="Aqara",
    description="Wireless mini switch T1",
    is_router=False,
    features=(
        lumi_battery(COIN_CELL, power_cfg=True),
        remote_action(
            ("single", "double", "triple", "quadruple", "quintuple", "hold", "release", "many"),
            *multistate_buttons(
                {ANY_ENDPOINT: None},
                {
                    SINGLE: "single",
                    DOUBLE: "double",
                    TRIPLE: "triple",
                    # Zigbee2MQTT lists quadruple but its lookup lacks 4: decoded here
                    QUADRUPLE: "quadruple",
                    QUINTUPLE: "quintuple",
                    HOLD: "hold",
                    RELEASE: "release",
                    MANY: "many",
                },
            ),
        ),
        f.event_mode(),
        f.linkquality(),
        f.lumi_heartbeat(),
        f.ota(0x2188),
    ),
    endpoints=remote_endpoints(1),
)
