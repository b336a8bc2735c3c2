"""Real Lumi heartbeat payloads (genBasic 0xFF01 / 0xFCC0 0x00F7) for the decoder benchmark.

Every payload below is bytes a real device sent, copied from where it was published; each
entry names its source. Most were published as the whole attribute record (attribute id,
ZCL type, length byte, value), some as a whole ZCL frame: :func:`tlv` cuts out the value,
which is what both decoders are given. A length byte longer than what follows (a known
Xiaomi firmware bug, one byte too long) is capped at what is there; bytes after the declared
length (a radio's trailing LQI byte, a stray 00) are not part of the value.

Pure data and the standard library only: the zha-quirks side imports this in its own venv.
"""

from __future__ import annotations

from dataclasses import dataclass

ZHA_TESTS = (
    "zigpy/zha-device-handlers tests/test_xiaomi.py @ 0025b477d686 (GitHub), test_attribute_parsing"
)
ZHA_TESTS_OTHER = "zigpy/zha-device-handlers tests/test_xiaomi.py @ 0025b477d686 (GitHub)"
HUBITAT_623 = "community.hubitat.com/t/xiaomi-aqara-devices-pairing-keeping-them-connected/623"
HUBITAT_631 = (
    "community.hubitat.com/t/"
    "xiaomi-aqara-zigbee-device-drivers-possibly-may-no-longer-be-maintained/631"
)
DEVICES_MD = "shared/reference/devices.md (researched from zigbee-herdsman-converters / zha-quirks)"
ABEILLE = (
    "KiwiHC16/Abeille core/php/AbeilleTest.php @ 0432e88be8fa (GitHub), case 330, a Xiaomi plug"
)


@dataclass(frozen=True, slots=True)
class Payload:
    """One heartbeat as published: ``raw`` is hex from ``start`` (see :func:`tlv`)."""

    label: str
    model: str  # the Zigbee model both decoders are told ("unknown" when the source is silent)
    raw: str
    source: str
    ours: bool = False  # a model this integration supports
    bare: bool = False  # ``raw`` is the TLV itself, not an attribute record or frame

    @property
    def tlv(self) -> bytes:
        return bytes.fromhex(self.raw) if self.bare else tlv(self.raw)


def tlv(raw_hex: str) -> bytes:
    """The TLV value inside a published attribute record or ZCL report frame."""
    data = bytes.fromhex(raw_hex)
    for marker in (b"\x01\xff\x42", b"\x01\xff\x41", b"\xf7\x00\x41", b"\xf7\x00\x42"):
        at = data.find(marker)
        if at >= 0:
            declared = data[at + 3]
            body = data[at + 4 :]
            return body[: min(declared, len(body))]
    raise ValueError(f"no heartbeat attribute in {raw_hex}")


PAYLOADS: tuple[Payload, ...] = (
    # --- models this integration supports
    Payload(
        "ZNCZ04LM 2019 fw (0xFCC0 0x00F7)",
        "lumi.plug.mmeu01",
        "641000 03281a 983900000000 9539441d343f 963900801345 973900000000 05210100 9a2000"
        " 08211601 07270000000000000000 09210004 0b2000 9b1000".replace(" ", ""),
        DEVICES_MD,
        ours=True,
        bare=True,
    ),
    Payload(
        "WS-USC01 (0xFCC0 0x00F7)",
        "lumi.switch.b1laus01",
        "641000 032818 05210500 9a2000 08212001 0a21ad84 0b2000".replace(" ", ""),
        DEVICES_MD,
        ours=True,
        bare=True,
    ),
    Payload(
        "Xiaomi plug, FCC0 0x00F7 (whole ZCL frame)",
        "lumi.plug.mmeu01",
        "1C5F11E40AF700413D64100103281A9839FE542C429539F187773E963900200F459739A8223C4305"
        "2101009A20100821160107270000000000000000092100040B20009B100199",
        ABEILLE,
        ours=True,
    ),
    # --- 0xFF01 reports of other Lumi devices, from zha-quirks' own test corpus
    Payload(
        "Lumi sensor (hubitat 623) #1",
        "unknown",
        "01FF421F0121110D0328130421A8430521F60006240600030000082108140A21E51F",
        f"{ZHA_TESTS}, from {HUBITAT_623}",
    ),
    Payload(
        "Lumi sensor (hubitat 623) #2",
        "unknown",
        "01FF421A0121C70B03281C0421A84305212B01062403000300000A2120CB",
        f"{ZHA_TESTS}, from {HUBITAT_623}",
    ),
    Payload(
        "Lumi sensor (hubitat 623) #3",
        "unknown",
        "01FF421F0121C70B0328190421A8430521100106240400040000082109140A2120CB",
        f"{ZHA_TESTS}, from {HUBITAT_623}",
    ),
    Payload(
        "Lumi sensor (hubitat 623) #4",
        "unknown",
        "01FF421F0121C70B0328180421A8430521100106240600050000082109140A213C50",
        f"{ZHA_TESTS}, from {HUBITAT_623}",
    ),
    Payload(
        "Lumi sensor (hubitat 623) #5",
        "unknown",
        "01FF421A0121BD0B03281D0421A84305212F01062407000300000A2120CB",
        f"{ZHA_TESTS}, from {HUBITAT_623}",
    ),
    Payload(
        "Lumi device (hubitat 631) #1",
        "unknown",
        "01FF42090421A8130A212759",
        f"{ZHA_TESTS}, from {HUBITAT_631}",
    ),
    Payload(
        "Lumi device (hubitat 631) #2",
        "unknown",
        "01FF42296410006510016E20006F20010121E40C03281E05210500082116260A2100009923"
        "000000009B210000",
        f"{ZHA_TESTS}, from {HUBITAT_631}",
    ),
    Payload(
        "Lumi device (hubitat 631) #3",
        "unknown",
        "01FF42220121D10B0328190421A81305212D0006240200000000082104020A21A4B4641000",
        f"{ZHA_TESTS}, from {HUBITAT_631}",
    ),
    Payload(
        "Lumi device (hubitat 631) #4",
        "unknown",
        "01FF42220121D10B03281C0421A81305213A0006240000000000082104020A210367641001",
        f"{ZHA_TESTS}, from {HUBITAT_631}",
    ),
    Payload(
        "Lumi device (hubitat 631) #5",
        "unknown",
        "01FF42280121B70C0328200421A81305211E00062402000000000A21E18C08210410642000962300000000",
        f"{ZHA_TESTS}, from {HUBITAT_631}",
    ),
    Payload(
        "Lumi device (hubitat 631) #6",
        "unknown",
        "01FF42270328240521170007270000000000000000082117010921000A0A2130C06420006520336621FA00",
        f"{ZHA_TESTS}, from {HUBITAT_631}",
    ),
    Payload(
        "Lumi sensor (puddly's logs) #1",
        "unknown",
        "01FF421A0121DB0B03280C0421A84305215401062401000000000A2178E0",
        f"{ZHA_TESTS}, puddly's logs",
    ),
    Payload(
        "Lumi sensor (puddly's logs) #2",
        "unknown",
        "01FF421D0121BD0B03280A0421A8330521E801062401000000000A214444641000",
        f"{ZHA_TESTS}, puddly's logs",
    ),
    Payload(
        "Lumi sensor (puddly's logs) #3",
        "unknown",
        "01FF421F0121E50B0328170421A8130521500006240100000000082105140A214761",
        f"{ZHA_TESTS}, puddly's logs",
    ),
    Payload(
        "Lumi sensor (puddly's logs) #4",
        "unknown",
        "01FF42210121950B0328130421A81305214400062401000000000A217CBE6410000B210400",
        f"{ZHA_TESTS}, puddly's logs",
    ),
    Payload(
        "Lumi sensor (puddly's logs) #5",
        "unknown",
        "01FF42250121630B0421A81305217D2F06240100000000642905006521631D662B4D7F01000A2157DE",
        f"{ZHA_TESTS}, puddly's logs",
    ),
    Payload(
        "lumi.sensor_motion.aq2 (model + 0xFF01 in one report)",
        "lumi.sensor_motion.aq2",
        "050042166C756D692E73656E736F725F6D6F74696F6E2E61713201FF42210121950B032816"
        "0421A83105214400062401000000000A217CBE6410000B210900",
        f"{ZHA_TESTS}, puddly's logs",
    ),
    Payload(
        "Lumi relay with metering (GH #811)",
        "unknown",
        "01FF424403282305212E0008212E12092100106410006510006E20006F200094200295390A"
        "078C41963999EB0C4597390030683B983980BB873C9B2100009C20010A2100000C280000",
        f"{ZHA_TESTS}, zha-device-handlers issue #811",
    ),
    Payload(
        "Lumi sensor (deCONZ #1491)",
        "unknown",
        "01FF422E0121BD0B03281A0421A8430521470106240100010000082108030A216535982128"
        "00992125009A252900FFFFDC04",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1491",
    ),
    Payload(
        "Lumi relay with metering (deCONZ #1411)",
        "unknown",
        "01FF424403280005210F000727000000000000000008212312092100086410006510006E20"
        "006F20009420089539000000009639B22E1645973988E5C83B9839C013063E9B210000",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1411",
    ),
    Payload(
        "Lumi sensor (deCONZ #1588)",
        "unknown",
        "01FF422E0121770B0328230421A8010521250006240100000000082108030A2161F3982128"
        "00992100009A25AFFE5B016904",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1588",
    ),
    Payload(
        "Lumi sensor (deCONZ #1069) #1",
        "unknown",
        "01FF421D0121D10B0328150421A8130521A200062403000000000A210000641000",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1069",
    ),
    Payload(
        "Lumi sensor (deCONZ #1069) #2",
        "unknown",
        "01FF421D0121DB0B0328140421A84305219A00062401000000000A21C841641000",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1069",
    ),
    Payload(
        "Lumi sensor (deCONZ #1069) #3",
        "unknown",
        "01FF421D0121BD0B0328150421A83305213B00062401000000000A219FF8641000",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1069",
    ),
    Payload(
        "Lumi sensor (deCONZ #1069) #4",
        "unknown",
        "01FF421D0121C70B0328130421A81305219200062401000000000A21C96B641000",
        f"{ZHA_TESTS}, deconz-rest-plugin issue #1069",
    ),
    Payload(
        "lumi.weather (0xFF01 as octet string)",
        "lumi.weather",
        "18200A01FF412501214F0B0421A84305214E020624010000000064299B096521BE1B662B138D01000A21900D",
        f"{ZHA_TESTS_OTHER}, test_xiaomi_weather",
    ),
    Payload(
        "lumi.sensor_ht.agl02 (0xFCC0 0x00F7)",
        "lumi.sensor_ht.agl02",
        "1C5F11860AF700412D0121B60B0328170421A81305210B000624060000000008211D010A21"
        "00000C200164292D09652904186629E903",
        f"{ZHA_TESTS_OTHER}, test_xiaomi_weather",
    ),
    Payload(
        "lumi.sensor_smoke.acn03 (0xFCC0 0x00F7)",
        "lumi.sensor_smoke.acn03",
        "1C5F11E10AF700413E0121360C0328190421A81305211E0006240200000000082111010A21"
        "00000C20016620036720016821A800A0210000A12000A22000A32000A42000A52000",
        f"{ZHA_TESTS_OTHER}, test_aqara_smoke_sensor_xiaomi_attribute_report",
    ),
    Payload(
        "lumi.feeder.acn001 (0xFCC0 0x00F7)",
        "lumi.feeder.acn001",
        "1C5F117B0AF700410E05210E000D232125000009210203",
        f"{ZHA_TESTS_OTHER}, test_aqara_feeder_attr_reports",
    ),
)
