"""Simulated devices refuse attribute values their firmware does not accept."""

from __future__ import annotations

import pytest

from custom_components.aqara_zigbee.simulator.behaviours.prevent_reset import PREVENT_RESET_ANSWER
from custom_components.aqara_zigbee.simulator.clock import SimClock
from custom_components.aqara_zigbee.simulator.clusters import BASIC, LUMI_CLUSTER
from custom_components.aqara_zigbee.simulator.models import create_device
from custom_components.aqara_zigbee.simulator.zcl import (
    LUMI_MANUFACTURER_CODE,
    AttributeValue,
    DataType,
    Status,
)
from custom_components.aqara_zigbee.simulator.zdo_responder import ieee_from_str
from tests.simulator.device_helpers import (
    CaptureAir,
    make_device,
    read_attributes,
    write_attributes,
)

MFR = LUMI_MANUFACTURER_CODE


@pytest.mark.parametrize(
    ("cluster", "value"),
    [
        pytest.param(LUMI_CLUSTER, AttributeValue(0x0009, DataType.UINT8, 2), id="event mode"),
        pytest.param(LUMI_CLUSTER, AttributeValue(0x0200, DataType.UINT8, 2), id="operation mode"),
        pytest.param(LUMI_CLUSTER, AttributeValue(0x00F0, DataType.UINT8, 2), id="flip indicator"),
        pytest.param(
            BASIC, AttributeValue(0xFFF0, DataType.OCTET_STRING, b"\xaa\x10"), id="prevent reset"
        ),
    ],
)
def test_out_of_range_writes_are_refused(cluster: int, value: AttributeValue) -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    before = read_attributes(device, air, 1, cluster, [value.attr], manufacturer=MFR)
    assert before[value.attr].status == Status.SUCCESS

    statuses = write_attributes(device, air, 1, cluster, [value], manufacturer=MFR)

    assert [(s.status, s.attr) for s in statuses] == [(Status.INVALID_VALUE, value.attr)]
    after = read_attributes(device, air, 1, cluster, [value.attr], manufacturer=MFR)
    assert after[value.attr].value == before[value.attr].value


def test_prevent_reset_answer_when_nothing_was_asked() -> None:
    device, air, _ = make_device("lumi.switch.b2laus01")
    answer = AttributeValue(0xFFF0, DataType.OCTET_STRING, PREVENT_RESET_ANSWER)
    statuses = write_attributes(device, air, 1, BASIC, [answer], manufacturer=MFR)
    assert statuses[0].status == Status.SUCCESS
    assert device.prevent_reset_answered is None  # no long press pending: nothing to keep


@pytest.mark.parametrize("text", ["00:11:22", "0x00112233445566778899"])
def test_ieee_strings_of_the_wrong_length(text: str) -> None:
    with pytest.raises(ValueError, match="not an EUI-64"):
        ieee_from_str(text)


def test_device_needs_an_eui64() -> None:
    with pytest.raises(ValueError, match="8 bytes"):
        create_device(
            "lumi.switch.b2laus01", b"\x01\x02", 0x1234, CaptureAir(), SimClock(manual=True)
        )


@pytest.mark.parametrize(
    "frame",
    [
        pytest.param("02 01 01 00 00 00 ff", id="modify (breaks regions on the device)"),
        pytest.param("01 0b 01 00 00 00 ff", id="region 11"),
        pytest.param("01 01 00 00 00 00 ff", id="no cell"),
        pytest.param("01 01 01 00 00 10 ff", id="row 8"),
        pytest.param("01 01 01 00 00 00 00", id="create with the delete suffix"),
        pytest.param("03 01 01 00 00 00 00", id="delete with cells"),
        pytest.param("01 01 01 00 00 00", id="six bytes"),
    ],
)
def test_the_fp1_refuses_region_commands_it_does_not_know(frame: str) -> None:
    device, air, _ = make_device("lumi.motion.ac01")
    command = AttributeValue(0x0150, DataType.OCTET_STRING, bytes.fromhex(frame))
    statuses = write_attributes(device, air, 1, LUMI_CLUSTER, [command], manufacturer=MFR)
    assert [s.status for s in statuses] == [Status.INVALID_VALUE]
    assert device.setting("configured_regions") == "None"


def test_the_fp1_keeps_its_regions() -> None:
    device, air, _ = make_device("lumi.motion.ac01")
    for frame in ("01 02 83 04 00 01 ff", "01 05 00 00 00 0f ff", "03 05 00 00 00 00 00"):
        command = AttributeValue(0x0150, DataType.OCTET_STRING, bytes.fromhex(frame))
        statuses = write_attributes(device, air, 1, LUMI_CLUSTER, [command], manufacturer=MFR)
        assert [s.status for s in statuses] == [Status.SUCCESS]
    assert device.setting("configured_regions") == "2: y1=x1-2; y2=x4; y3=x3; y7=x1 (5 zones)"
    assert device.setting("region_delete") == {"region_id": 5}
