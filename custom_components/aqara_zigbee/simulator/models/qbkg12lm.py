"""QBKG12LM, Aqara smart wall switch (with neutral, double rocker), ``lumi.ctrl_ln2.aq1``.

Router. Facts: a unit's structure (sprut/Hub#953, lumi.ctrl_ln2, firmware 32, date code
06-25-2018): endpoint 1 with Basic (0xFF22/0xFF23 mapping modes 18, the 0xFF01 heartbeat
``{3: 26, 100: true, 101: false, 149: 110.96, 5: 30, 7: ..., 152: 35.85, 8: 4128, 9: 1024,
154: 0}``), BinaryOutput, PowerConfiguration (mains voltage 2340), DeviceTemperature,
Identify, Groups, Scenes, OnOff, Time. Zigbee2MQTT's library: the right relay on endpoint 2;
clicks as MultistateInput presentValue (0 hold, 1 single, 2 double, 255 release) from
endpoints 5 (left), 6 (right) and 7 (both); operation modes 0x12 control_left_relay,
0x22 control_right_relay, 0xFE decoupled; power in AnalogInput. OTA image type 0x0101,
file version 95 (zigbee-OTA index). Inferred: AnalogInput on endpoint 3.
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ..behaviours.basic_operation_mode import LEFT_ROCKER, RIGHT_ROCKER
from ._aqara_ctrl_ln import ctrl_ln_twin

MODES = {"control_left_relay": 0x12, "control_right_relay": 0x22, "decoupled": 0xFE}
RIGHT_MODES = {"control_right_relay": 0x22, "control_left_relay": 0x12, "decoupled": 0xFE}

TWIN = ctrl_ln_twin(
    zigbee_models=("lumi.ctrl_ln2.aq1", "lumi.ctrl_ln2"),
    z2m_model="QBKG12LM",
    relays={1: "state_left", 2: "state_right"},
    buttons={
        "left": ButtonSpec(5, (1,)),
        "right": ButtonSpec(6, (2,)),
        "both": ButtonSpec(7, (1, 2)),
    },
    aliases={"top": "left", "1": "left", "bottom": "right", "2": "right"},
    actions=tuple(
        f"{kind}_{button}"
        for kind in ("single", "double", "hold", "release")
        for button in ("left", "right", "both")
    ),
    operation_modes={
        LEFT_ROCKER: ("operation_mode_left", 1, MODES),
        # the right rocker comes driving the right relay (0x22 first)
        RIGHT_ROCKER: ("operation_mode_right", 2, RIGHT_MODES),
    },
    power_outage_memory=False,
)
