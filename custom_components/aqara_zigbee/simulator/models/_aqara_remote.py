"""Building blocks of the wireless remotes' twins: what each generation sends for a click.

* 2016 generation (``lumi.sensor_switch``, ``sensor_86sw*``): the OnOff attribute of the
  button's endpoint (a bool), multi-clicks as a count in OnOff 0x8000;
* 2018 and later (``lumi.remote.*``, ``sensor_switch.aq3``): MultistateInput presentValue
  from the button's endpoint: 0 hold, 1-6 clicks, 255 release (uint16).

Every remote is a sleepy end device on a CR2032 (or CR2450) coin cell with the Lumi
heartbeat; the newer ones also report genPowerCfg batteryVoltage.
"""

from __future__ import annotations

from ..behaviours.remote_clicks import Report
from ..clusters import LUMI_CLUSTER, MULTISTATE_INPUT, ON_OFF, PRESENT_VALUE
from ..zcl import LUMI_MANUFACTURER_CODE, AttributeValue, DataType

#: OnOff 0x8000, the click count of the 2016 multi-click switches
CLICK_COUNT = 0x8000
#: how long the simulated finger stays on a held button (simulated seconds)
HOLD_S = 1.5


def multistate(endpoint: int, value: int, *, delay: float = 0.0) -> Report:
    """A MultistateInput presentValue report (uint16) from a button's endpoint."""
    return Report(
        endpoint,
        MULTISTATE_INPUT,
        (AttributeValue(PRESENT_VALUE, DataType.UINT16, value),),
        delay=delay,
    )


def onoff(endpoint: int, on: bool, *, delay: float = 0.0) -> Report:
    """The OnOff attribute of a button's endpoint (a bool: contact closed or open)."""
    return Report(endpoint, ON_OFF, (AttributeValue(0x0000, DataType.BOOL, on),), delay=delay)


def click_count(endpoint: int, count: int) -> Report:
    """A multi-click: the count in OnOff 0x8000 (uint8)."""
    return Report(endpoint, ON_OFF, (AttributeValue(CLICK_COUNT, DataType.UINT8, count),))


def lumi_report(values: tuple[AttributeValue, ...], *, endpoint: int = 1) -> Report:
    """A manufacturer-specific 0xFCC0 report."""
    return Report(endpoint, LUMI_CLUSTER, values, manufacturer=LUMI_MANUFACTURER_CODE)
