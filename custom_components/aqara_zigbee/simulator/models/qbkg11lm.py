"""QBKG11LM, Aqara smart wall switch (with neutral, single rocker), ``lumi.ctrl_ln1.aq1``.

Router. Facts: Zigbee2MQTT's library (relay on endpoint 1; clicks as MultistateInput
presentValue 0 hold, 1 single, 2 double, 255 release; operation mode in genBasic 0xFF22,
0x12 control_relay / 0xFE decoupled; power-outage memory as lumi.plug's genBasic 0xFFF0
handshake; power in AnalogInput; the genBasic 0xFF01 heartbeat); OTA image type 0x0101,
file version 95 (zigbee-OTA index). Its double-rocker sibling lumi.ctrl_ln2 (sprut/Hub#953)
shows endpoint 1 (Basic, PowerConfiguration with the mains voltage, DeviceTemperature,
Identify, Groups, Scenes, OnOff, Time, BinaryOutput), the heartbeat layout and firmware
32. Inferred: AnalogInput on endpoint 3, clicks from endpoint 4 (Zigbee2MQTT: the old wall
switches' button endpoints are 4, 5 and 6).
"""

from __future__ import annotations

from ..behaviours import ButtonSpec
from ..behaviours.basic_operation_mode import LEFT_ROCKER
from ._aqara_ctrl_ln import ctrl_ln_twin

TWIN = ctrl_ln_twin(
    zigbee_models=("lumi.ctrl_ln1.aq1", "lumi.ctrl_ln1"),
    z2m_model="QBKG11LM",
    relays={1: "state"},
    buttons={"main": ButtonSpec(4, (1,))},
    actions=("single", "double", "release", "hold"),
    operation_modes={
        LEFT_ROCKER: ("operation_mode", 1, {"control_relay": 0x12, "decoupled": 0xFE})
    },
    power_outage_memory=True,
)
