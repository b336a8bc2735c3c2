"""Aqara's smoke (JY-GZ-01AQ) and natural gas (JT-BZ-01AQ/A) detectors, all on 0xFCC0.

Zigbee2MQTT's lumi_specific decodes these attributes (ids as in its numericAttributes2Payload):
0x013A alarm, 0x013B density, 0x0127 self-test running (written true to start one),
0x0126 buzzer muted by hand, 0x013D buzzer alarmed by hand, 0x013C heartbeat indicator,
0x014B linkage alarm, 0x014C linkage alarm triggered, 0x0139 the gas detector's warm-up
state, 0x010C its alarm threshold; the buzzer command is 0x013E (smoke) / 0x013F (gas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from ..devices.model import (
    RO,
    RW,
    Access,
    AttributeWrite,
    DerivedSource,
    EnumCodec,
    Expose,
    Feature,
    HeartbeatSource,
    NumberCodec,
    Platform,
    Source,
    TlvWhole,
    WriteStep,
)
from ..lumi.const import LUMI_MANUFACTURER_CODE, ZCL_BOOL, ZCL_UINT8
from ._lumi import lumi_attribute, lumi_write
from .ias_zone import BATTERY_LOW, zone_status

ATTR_BUZZER_MANUAL_MUTE: Final = 0x0126
ATTR_SELFTEST: Final = 0x0127
ATTR_GAS_SENSITIVITY: Final = 0x010C
ATTR_STATE: Final = 0x0139
ATTR_ALARM: Final = 0x013A
ATTR_DENSITY: Final = 0x013B
ATTR_HEARTBEAT_INDICATOR: Final = 0x013C
ATTR_BUZZER_MANUAL_ALARM: Final = 0x013D
ATTR_SMOKE_BUZZER: Final = 0x013E
ATTR_GAS_BUZZER: Final = 0x013F
ATTR_LINKAGE_ALARM: Final = 0x014B
ATTR_LINKAGE_ALARM_STATE: Final = 0x014C
ATTR_POWER_OUTAGE_COUNT: Final = 0x0002
ZCL_UINT32: Final = 0x23
#: the heartbeat (0xFCC0 0x00F7) carries the alarm and the density too
HEARTBEAT_ALARM: Final = 160
HEARTBEAT_DENSITY: Final = 161

#: Zigbee2MQTT's table of the smoke density (0-10) in dB/m
SMOKE_DBM: Final = (0, 0.085, 0.088, 0.093, 0.095, 0.1, 0.105, 0.11, 0.115, 0.12, 0.125)


@dataclass(frozen=True, slots=True)
class IsOne:
    """True for 1, False for any other number (Zigbee2MQTT's ``value === 1``)."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool):
            return raw
        if not isinstance(raw, int):
            return None
        return raw == 1

    def encode(self, value: object) -> object:
        if not isinstance(value, bool):
            raise TypeError(f"expected a boolean, got {value!r}")
        return int(value)


@dataclass(frozen=True, slots=True)
class SmokeDbm:
    """The density (0-10) as dB/m."""

    def decode(self, raw: object) -> object | None:
        if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw < len(SMOKE_DBM):
            return None
        return SMOKE_DBM[raw]

    def encode(self, value: object) -> object:
        raise ValueError("the density is not written")


IS_ONE: Final = IsOne()


def _sensor(
    key: str,
    attribute: int,
    codec: object,
    *,
    readable: bool,
    heartbeat_index: int | None = None,
    derived_from: str | None = None,
    **kwargs: object,
) -> Expose:
    sources: tuple[Source, ...] = (lumi_attribute(attribute, codec, readable=readable),)  # type: ignore[arg-type]
    if heartbeat_index is not None:
        sources += (HeartbeatSource(index=heartbeat_index, codec=codec),)  # type: ignore[arg-type]
    if derived_from is not None:
        sources += (DerivedSource(key=derived_from, codec=codec),)  # type: ignore[arg-type]
    return Expose(
        key=key,
        access=RO if readable else Access.REPORT,
        sources=sources,
        **kwargs,  # type: ignore[arg-type]
    )


def _switch(key: str, attribute: int, description: str) -> Expose:
    return Expose(
        key=key,
        platform=Platform.SWITCH,
        access=RW,
        description=description,
        entity_category="config",
        sources=(lumi_attribute(attribute, IS_ONE),),
        write=lumi_write(attribute, ZCL_UINT8, IS_ONE),
    )


def detector(*, gas: bool, heartbeat_indicator: bool) -> Feature:
    """The alarm and everything around it; ``gas``: the natural gas detector's names."""
    alarm = "gas" if gas else "smoke"
    exposes: list[Expose] = [
        _sensor(
            alarm,
            ATTR_ALARM,
            IS_ONE,
            readable=True,
            heartbeat_index=HEARTBEAT_ALARM,
            platform=Platform.BINARY_SENSOR,
            description=f"Indicates whether the device detected {alarm}",
            device_class=alarm,
        ),
        _sensor(
            f"{alarm}_density",
            ATTR_DENSITY,
            NumberCodec(),
            readable=True,
            heartbeat_index=HEARTBEAT_DENSITY,
            platform=Platform.SENSOR,
            description=f"Value of {alarm} concentration",
            unit="%LEL" if gas else None,
            state_class="measurement",
        ),
    ]
    if not gas:
        exposes.append(
            _sensor(
                "smoke_density_dbm",
                ATTR_DENSITY,
                SmokeDbm(),
                readable=True,
                derived_from="smoke_density",  # the heartbeat's density too
                platform=Platform.SENSOR,
                description="Value of smoke concentration in dB/m",
                unit="dB/m",
                state_class="measurement",
            )
        )
    selftest = EnumCodec(pairs=((1, "selftest"),))
    exposes += [
        Expose(
            key="selftest",
            platform=Platform.BUTTON,
            # A command without state: Zigbee2MQTT only writes it
            access=Access.WRITE,
            description="Starts the self-test process (checking the indicator light and "
            "buzzer work properly)",
            options=selftest.options,
            entity_category="diagnostic",
            # Nothing reports the command: "test" shows the self-test running
            write=lumi_write(ATTR_SELFTEST, ZCL_BOOL, selftest),
        ),
        _sensor(
            "test",
            ATTR_SELFTEST,
            IS_ONE,
            readable=False,
            platform=Platform.BINARY_SENSOR,
            description="Self-test in progress",
            entity_category="diagnostic",
        ),
    ]
    buzzer = EnumCodec(pairs=((15360, "mute"), (15361, "alarm")))
    exposes += [
        Expose(
            key="buzzer",
            platform=Platform.SELECT,
            access=Access.WRITE,
            description="The buzzer can be muted and alarmed manually",
            options=buzzer.options,
            sources=(
                lumi_attribute(
                    ATTR_GAS_BUZZER if gas else ATTR_SMOKE_BUZZER, buzzer, readable=False
                ),
            ),
            write=AttributeWrite(
                endpoint=1,
                cluster=0xFCC0,
                attribute=ATTR_GAS_BUZZER if gas else ATTR_SMOKE_BUZZER,
                zcl_type=ZCL_UINT32,
                codec=buzzer,
                manufacturer=LUMI_MANUFACTURER_CODE,
                # Zigbee2MQTT then sets the manual-mute flag to match (mute 1, alarm 0)
                also=(
                    lumi_write(
                        ATTR_BUZZER_MANUAL_MUTE,
                        ZCL_UINT8,
                        EnumCodec(pairs=((1, "mute"), (0, "alarm"))),
                    ),
                ),
            ),
        ),
        _sensor(
            "buzzer_manual_alarm",
            ATTR_BUZZER_MANUAL_ALARM,
            IS_ONE,
            readable=True,
            platform=Platform.BINARY_SENSOR,
            description="Buzzer alarmed (manually)",
        ),
        _sensor(
            "buzzer_manual_mute",
            ATTR_BUZZER_MANUAL_MUTE,
            IS_ONE,
            readable=True,
            platform=Platform.BINARY_SENSOR,
            description="Buzzer muted (manually)",
        ),
    ]
    if heartbeat_indicator:
        exposes.append(
            _switch(
                "heartbeat_indicator",
                ATTR_HEARTBEAT_INDICATOR,
                "When this option is enabled then in the normal monitoring state, the green "
                "indicator light flashes every 60 seconds",
            )
        )
    exposes += [
        _switch(
            "linkage_alarm",
            ATTR_LINKAGE_ALARM,
            f"When this option is enabled and a {alarm} alarm has occurred, then "
            '"linkage_alarm_state"=true',
        ),
        _sensor(
            "linkage_alarm_state",
            ATTR_LINKAGE_ALARM_STATE,
            IS_ONE,
            readable=False,
            platform=Platform.BINARY_SENSOR,
            description='"linkage_alarm" is triggered',
        ),
    ]
    # Zigbee2MQTT's configure turns the linkage alarm on at pairing
    configure = (
        WriteStep(
            endpoint=1,
            cluster=0xFCC0,
            attribute=ATTR_LINKAGE_ALARM,
            zcl_type=ZCL_UINT8,
            value=1,
            manufacturer=LUMI_MANUFACTURER_CODE,
        ),
    )
    return Feature(exposes=tuple(exposes), configure=configure)


def gas_sensitivity() -> Feature:
    """The gas concentration that raises the alarm (0x010C: 1 15 %LEL, 2 10 %LEL)."""
    codec = EnumCodec(pairs=((2, "10%LEL"), (1, "15%LEL")))
    return Feature(
        exposes=(
            Expose(
                key="gas_sensitivity",
                platform=Platform.SELECT,
                access=RW,
                description="Gas concentration value at which an alarm is triggered "
                '("10%LEL" is more sensitive than "15%LEL")',
                options=codec.options,
                entity_category="config",
                sources=(lumi_attribute(ATTR_GAS_SENSITIVITY, codec),),
                write=lumi_write(ATTR_GAS_SENSITIVITY, ZCL_UINT8, codec),
            ),
        )
    )


def warm_up_state() -> Feature:
    """The gas detector's "preparation" (warming up, no alarm possible) or "work"."""
    return Feature(
        exposes=(
            _sensor(
                "state",
                ATTR_STATE,
                IS_ONE,
                readable=True,
                platform=Platform.BINARY_SENSOR,
                translation_key="warm_up_state",
                description='"Preparation" or "work" (measurement of the gas concentration '
                'value and triggering of an alarm are only performed in the "work" state)',
                entity_category="diagnostic",
            ),
        )
    )


def counted_power_outages() -> Feature:
    """The gas detector: 0xFCC0 0x0002 counts power-ups, answered to reads."""
    codec = TlvWhole(counts_from_one=True)
    return Feature(
        exposes=(
            _sensor(
                "power_outage_count",
                ATTR_POWER_OUTAGE_COUNT,
                codec,
                readable=True,
                platform=Platform.SENSOR,
                description="Number of power outages (since last pairing)",
                state_class="total_increasing",
                entity_category="diagnostic",
            ),
        )
    )


# --------------------------------------------------------------------------- Honeywell

#: ssIasZone 0xFFF1 of the Mijia Honeywell detectors: the hub's commands (uint32)
ATTR_HONEYWELL_COMMAND: Final = 0xFFF1
#: zoneStatus bit 1 (alarm 2): the Honeywell detectors' self-test
IAS_TEST_BIT: Final = 0x0002
#: their genBasic 0xFF01 heartbeat carries the density at index 100
HEARTBEAT_HONEYWELL_DENSITY: Final = 100
HONEYWELL_SENSITIVITY: Final = EnumCodec(
    pairs=((0x04010000, "low"), (0x04020000, "medium"), (0x04030000, "high"))
)


def honeywell_sensitivity() -> Feature:
    """The alarm threshold, written to ssIasZone 0xFFF1; the detector never reports it."""
    write = AttributeWrite(
        endpoint=1,
        cluster=0x0500,
        attribute=ATTR_HONEYWELL_COMMAND,
        zcl_type=ZCL_UINT32,
        codec=HONEYWELL_SENSITIVITY,
        manufacturer=LUMI_MANUFACTURER_CODE,
    )
    return Feature(
        exposes=(
            Expose(
                key="sensitivity",
                platform=Platform.SELECT,
                # Zigbee2MQTT shows the value it wrote (state, no read)
                access=Access.WRITE | Access.REPORT,
                options=HONEYWELL_SENSITIVITY.options,
                entity_category="config",
                write=write,
                assumed=True,
            ),
        )
    )


def honeywell_density(key: str) -> Feature:
    """``smoke_density`` / ``gas_density`` from the genBasic heartbeat (index 100)."""
    return Feature(
        exposes=(
            Expose(
                key=key,
                platform=Platform.SENSOR,
                access=Access.REPORT,
                state_class="measurement",
                sources=(HeartbeatSource(index=HEARTBEAT_HONEYWELL_DENSITY, codec=NumberCodec()),),
            ),
        )
    )


def ias_test() -> Feature:
    """Self-test running: zoneStatus bit 1 (Zigbee2MQTT's lumi_smoke ``test``)."""
    return Feature(
        exposes=(
            Expose(
                key="test",
                platform=Platform.BINARY_SENSOR,
                access=Access.REPORT,
                description="Test mode activated",
                entity_category="diagnostic",
                sources=(zone_status(IAS_TEST_BIT),),
            ),
        )
    )


def ias_battery_low() -> Feature:
    """Low battery: zoneStatus bit 3."""
    return Feature(
        exposes=(
            Expose(
                key="battery_low",
                platform=Platform.BINARY_SENSOR,
                access=Access.REPORT,
                translation_key="battery_low",
                description="Indicates if the battery of this device is almost empty",
                device_class="battery",
                entity_category="diagnostic",
                sources=(zone_status(BATTERY_LOW),),
            ),
        )
    )


def honeywell_selftest() -> Feature:
    """Start a self-test: 0x03010000 written to ssIasZone 0xFFF1 (bit 1 shows it running)."""
    codec = EnumCodec(pairs=((0x03010000, "selftest"),))
    return Feature(
        exposes=(
            Expose(
                key="selftest",
                platform=Platform.BUTTON,
                access=Access.WRITE,
                description="Starts the self-test process",
                options=codec.options,
                entity_category="diagnostic",
                write=AttributeWrite(
                    endpoint=1,
                    cluster=0x0500,
                    attribute=ATTR_HONEYWELL_COMMAND,
                    zcl_type=ZCL_UINT32,
                    codec=codec,
                    manufacturer=LUMI_MANUFACTURER_CODE,
                ),
            ),
        )
    )
