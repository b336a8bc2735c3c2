"""Security: the network key, permit join, service input and hostile devices.

* The network key is random per formation (never Zigbee's well-known default), appears in no
  log at any level (DEBUG of zigpy, zigpy-znp, aiosqlite and ours, zigpy-znp's raw UART
  TRACE too) during formation, start, restart and reconnects, and not in diagnostics.
* Permit join is bounded (<= 254 s), validated with translated errors, closed on unload.
* A device claiming a hostile model id (huge, non-ASCII, invalid UTF-8, wrong ZCL type, a
  known id on the wrong hardware) cannot break the set-up or the other devices.
"""

from __future__ import annotations

from collections.abc import Iterator
import dataclasses
import json
import logging
import os
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr
import probatio as vol
import pytest
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
    get_diagnostics_for_device,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
import zigpy_znp.logger

from custom_components.aqara_zigbee.const import DOMAIN, MAX_PERMIT_JOIN_DURATION
from custom_components.aqara_zigbee.gateway import AqaraConfigEntry
from custom_components.aqara_zigbee.hardening import REDACTED, REDACTOR
from custom_components.aqara_zigbee.simulator.behaviours import Behaviour
from custom_components.aqara_zigbee.simulator.device import TwinDevice
from custom_components.aqara_zigbee.simulator.models import resolve_model
from custom_components.aqara_zigbee.simulator.profile import Twin
from custom_components.aqara_zigbee.simulator.zcl import DataType
from custom_components.aqara_zigbee.simulator.zcl_server import Attribute, AttrTable
from tests.figures import report

from .conftest import SEED_MODELS, configure_simulated, diagnostics_ready, join_all, wait_for
from .faults_helpers import network, on_off, problem_log, settled, unit, until

WELL_KNOWN_KEY = bytes.fromhex("01030507090b0d0f00020406080a0c0d")
# The test harness's in-memory storage logs what it stores (real HA does not)
HARNESS_LOGGERS = ("pytest_homeassistant_custom_component",)


def spellings(secret: bytes, *, partial: bool = True) -> Iterator[str]:
    """Every way a key could be printed (compare lowered), and pieces of it."""
    yield secret.hex()
    yield secret.hex(":")
    yield secret.hex(" ")
    yield secret.hex("-")
    yield secret[::-1].hex(":")
    yield "".join(f"\\x{byte:02x}" for byte in secret)
    yield repr(secret)[2:-1].lower()
    yield str(list(secret))[1:-1]
    if not partial:
        return
    # A leak of part of the key is a leak: any 6 consecutive bytes
    for start in range(0, len(secret) - 5, 5):
        yield secret[start : start + 6].hex(":")
        yield "".join(f"\\x{byte:02x}" for byte in secret[start : start + 6])


def forms(secrets: list[bytes]) -> list[str]:
    """The lowered spellings of ``secrets`` (compute once, scan many texts)."""
    return [form.lower() for secret in secrets for form in spellings(secret)]


def leaks(text: str, secrets: list[bytes] | list[str]) -> list[str]:
    """Spellings of ``secrets`` (or precomputed ``forms``) found in ``text``."""
    lowered = text.lower()
    spelled = forms(secrets) if secrets and isinstance(secrets[0], bytes) else secrets
    return [form for form in spelled if isinstance(form, str) and form in lowered]


def record_text(record: logging.LogRecord) -> str:
    text = record.getMessage()
    if record.exc_info:
        text += logging.Formatter().formatException(record.exc_info)
    return text + (record.exc_text or "")


def keys_of(entry: AqaraConfigEntry) -> list[bytes]:
    app = entry.runtime_data.app
    assert app is not None
    info = app.state.network_info
    seed = bytes.fromhex(info.stack_specific["zstack"]["tclk_seed"])
    return [info.network_key.key.serialize(), seed]


# ------------------------------------------------------------------------------- permit join


async def _service(hass: HomeAssistant, data: dict[str, Any]) -> None:
    await hass.services.async_call(DOMAIN, "permit_join", data, blocking=True)


async def _permit_join_is_bounded_and_validated(
    hass: HomeAssistant, entry: AqaraConfigEntry
) -> int:
    """Every way to ask for permit join; returns how many inputs were refused."""
    gateway = entry.runtime_data
    coordinator = network(gateway).coordinator
    loop = hass.loop

    await _service(hass, {"duration": MAX_PERMIT_JOIN_DURATION})
    assert coordinator.permit_join_open
    timer = coordinator._permit_timer
    assert timer is not None
    assert timer.when() - loop.time() <= MAX_PERMIT_JOIN_DURATION
    refused = 0
    for data, key in (
        ({"duration": 0}, "invalid_duration"),
        ({"duration": 255}, "invalid_duration"),
        ({"duration": 65535}, "invalid_duration"),
        ({"duration": -1}, "invalid_duration"),
        ({"duration": 10**12}, "invalid_duration"),
        ({"duration": 10, "ieee": "not-an-ieee"}, "invalid_ieee"),
        ({"duration": 10, "ieee": "x" * 10_000}, "invalid_ieee"),
        ({"duration": 10, "ieee": "00:11:22:33:44:55:66:7\u0661"}, "invalid_ieee"),
        ({"duration": 10, "ieee": "00:11:22:33:44:55:66:77"}, "unknown_device"),
        ({"duration": 10, "config_entry_id": "nope"}, "entry_not_loaded"),
        ({"duration": "abc"}, "invalid_duration"),
        ({"duration": [1]}, "invalid_duration"),
        ({"duration": None}, "invalid_duration"),
    ):
        with pytest.raises(ServiceValidationError) as raised:
            await _service(hass, data)
        assert raised.value.translation_domain == DOMAIN
        assert raised.value.translation_key == key
        assert str(raised.value)  # a translated message, not an empty one
        refused += 1
    for data in ({"other": 1},):
        # Refused by the action's schema (Home Assistant's own, untranslated, error)
        with pytest.raises(vol.Invalid):
            await _service(hass, data)
        refused += 1
    # The gateway refuses out-of-range durations whoever asks (the button, options)
    for duration in (-1, 255, 1000):
        with pytest.raises(ServiceValidationError):
            await gateway.async_permit_join(duration)
        refused += 1

    # Offline radio: a translated error, nothing sent
    await network(gateway).drop_connection()
    await wait_for(hass, lambda: not gateway.connected)
    with pytest.raises(HomeAssistantError) as raised:
        await gateway.async_permit_join(60)
    assert raised.value.translation_key == "radio_offline"
    await wait_for(hass, lambda: gateway.connected)
    await _service(hass, {"duration": 120})
    assert coordinator.permit_join_open
    return refused


# ------------------------------------------------------------------------------- the key


async def test_network_key_and_permit_join(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two formations, permit join, a reconnect, a restart, diagnostics; all logs captured.

    The key is random per formation and appears in no log record (DEBUG, and zigpy-znp's
    raw-frame TRACE from the first start on) nor in diagnostics. Permit join is bounded,
    validated with translated errors, and closed when the entry unloads.
    """
    caplog.set_level(logging.DEBUG)
    entry = await configure_simulated(hass)
    first = keys_of(entry)
    # zigpy-znp's TRACE (raw UART frames) is on when its logger is set to DEBUG in HA; not
    # while forming (thousands of NV writes: slow), from the first start on
    monkeypatch.setattr(zigpy_znp.logger, "TRACE", logging.DEBUG)
    refused = await _permit_join_is_bounded_and_validated(hass, entry)  # (and a reconnect)
    await join_all(hass, entry)
    coordinator = network(entry.runtime_data).coordinator
    assert coordinator.permit_join_open
    assert await hass.config_entries.async_reload(entry.entry_id)  # a restart
    await hass.async_block_till_done()
    assert not coordinator.permit_join_open  # closed when the entry unloaded
    await settled(hass)

    await diagnostics_ready(hass)
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, unit(entry, "ZNCZ04LM").ieee), entry.entry_id
    )
    assert device is not None
    device_diagnostics = await get_diagnostics_for_device(hass, hass_client, entry, device)
    diagnostics_text = json.dumps([diagnostics, device_diagnostics])
    assert diagnostics["network"]["network_key"] == REDACTED

    # A second formation (the entry removed, its stick state with it) draws a new key
    monkeypatch.setattr(zigpy_znp.logger, "TRACE", logging.NOTSET)
    await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    entry = await configure_simulated(hass)
    second = keys_of(entry)
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()

    secrets = [*first, *second]
    spelled = forms(secrets)
    records = [r for r in caplog.records if not r.name.startswith(HARNESS_LOGGERS)]
    leaked = [
        (r.name, r.levelname, found[0])
        for r in records
        if (found := leaks(record_text(r), spelled))
    ]
    redacted = sum(REDACTED in r.getMessage() for r in records)
    figures = report(
        "network key (randomness, logs, diagnostics) and permit join",
        formations=2,
        log_records_scanned=len(records),
        spellings_checked=len(secrets) * len(list(spellings(secrets[0]))),
        records_redacted=redacted,
        leaks_in_logs=len(leaked),
        leaks_in_diagnostics=len(leaks(diagnostics_text, secrets)),
        key_is_default=int(WELL_KNOWN_KEY in (first[0], second[0])),
        same_key_twice=int(first[0] == second[0]),
        permit_join_inputs_refused=refused,
        permit_join_max_s=MAX_PERMIT_JOIN_DURATION,
    )
    assert figures["leaks_in_logs"] == 0, leaked[:5]
    assert figures["leaks_in_diagnostics"] == 0
    assert figures["key_is_default"] == 0
    assert figures["same_key_twice"] == 0
    assert first[1] != second[1]
    assert redacted > 0  # the key was there to be logged: the filter did its job
    assert {first[0], second[0]} <= REDACTOR.secrets
    assert len(set(first[0])) > 4  # not a degenerate key


def test_redactor_spellings() -> None:
    """Every spelling of a registered key, any 16-byte colon key and NV values go."""
    key = os.urandom(16)
    REDACTOR.add(key)
    text = " | ".join(spellings(key, partial=False)) + " | " + key.hex().upper()
    cleaned = REDACTOR.redact(text)
    assert leaks(cleaned, [key]) == []
    unknown = os.urandom(16)
    assert leaks(REDACTOR.redact(f"Key={unknown.hex(':')}"), [unknown]) == []
    assert unknown in REDACTOR.secrets  # learnt: other spellings of it go from now on
    escaped = "".join(f"\\x{byte:02X}" for byte in os.urandom(17))
    nv = f"SYS.OSALNVReadExt.Rsp(Status=<Status.SUCCESS: 0>, Value=b'{escaped}')"
    assert escaped not in REDACTOR.redact(nv)
    assert REDACTOR.redact("nothing secret: 00:12:4b:00:01:02:03:04") == (
        "nothing secret: 00:12:4b:00:01:02:03:04"
    )


# ------------------------------------------------------------------------------- hostile ids


class HostileBasic(Behaviour):
    """genBasic says ``model`` with ZCL type ``type_id``, and a strange manufacturer."""

    def __init__(self, model: object, type_id: int) -> None:
        self.model = model
        self.type_id = type_id

    def server_attributes(self, ep: int, cluster: int) -> AttrTable:
        if cluster != 0x0000:
            return {}
        return {
            0x0005: Attribute(self.type_id, lambda: self.model),
            0x0004: Attribute(DataType.CHAR_STRING, lambda: "LUMI\u00a0\u2603"),
        }


def _hostile(base: str, model: object, type_id: int) -> Twin:
    """A twin of ``base`` whose Basic cluster says ``model`` with ZCL type ``type_id``."""
    twin = resolve_model(base)
    return dataclasses.replace(
        twin,
        zigbee_models=("lumi.hostile",),
        seed=None,
        behaviours=lambda: [*twin.behaviours(), HostileBasic(model, type_id)],
    )


HOSTILE: list[tuple[str, str, object, int]] = [
    ("huge", "SSM-U02", "lumi." + "x" * 190, DataType.CHAR_STRING),
    ("too_big_for_a_frame", "SSM-U02", "y" * 250, DataType.CHAR_STRING),
    ("non_ascii", "SSM-U02", "lumi.plüg.☃\u202e", DataType.CHAR_STRING),
    ("invalid_utf8", "SSM-U02", b"\xff\xfe\xc3(lumi.plug", DataType.CHAR_STRING),
    ("wrong_type_uint8", "SSM-U02", 7, DataType.UINT8),
    ("wrong_type_octets", "SSM-U02", b"lumi.plug", DataType.OCTET_STRING),
    ("empty", "SSM-U02", "", DataType.CHAR_STRING),
    ("nul_padded_known_id", "SSM-U02", "lumi.plug.mmeu01\x00\x00\x00", DataType.CHAR_STRING),
    ("known_id_wrong_hardware", "SSM-U02", "lumi.plug.mmeu01", DataType.CHAR_STRING),
    ("plug_claiming_a_switch", "ZNCZ04LM", "lumi.switch.b2laus01", DataType.CHAR_STRING),
]


async def test_hostile_model_ids_cannot_break_set_up(
    hass: HomeAssistant, simulated_entry: AqaraConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    await settled(hass)
    # Reads of what a hostile device does not have go unanswered: don't wait 3 x 28 s
    monkeypatch.setattr("zigpy.device.APS_REPLY_TIMEOUT_EXTENDED", 1.0)
    gateway = simulated_entry.runtime_data
    net = network(gateway)
    joined: list[str] = []
    with problem_log() as problems:
        for index, (_name, base, model, type_id) in enumerate(HOSTILE):
            ieee = bytes([index + 1, 0x66, 0x66, 0x66, 0x00, 0x44, 0xEF, 0x54])
            device = TwinDevice(
                _hostile(base, model, type_id),
                "lumi.hostile",
                ieee,
                0x6000 + index,
                transmit=net.coordinator.transmit,
                clock=net.clock,
            )
            net.devices[device.ieee_str] = device
            await net.join(device.ieee_str)
            joined.append(device.ieee_str)
        registry = dr.async_get(hass)
        # Every hostile device that could be interviewed is registered (the one whose
        # model does not fit in a frame cannot be: zigpy gives up on it, nothing else)
        await until(
            hass,
            lambda: (
                sum(
                    registry.async_get_device_by_identifier(
                        (DOMAIN, ieee), simulated_entry.entry_id
                    )
                    is not None
                    for ieee in joined
                )
                >= len(HOSTILE) - 1
            ),
            timeout=40,
        )
        # (configuring the plug that claims to be a wall switch takes timeouts: it goes on
        # in the background, and the restart below cancels it)
        assert simulated_entry.state is ConfigEntryState.LOADED

        # The seed devices still work, from the device and from Home Assistant
        for model in SEED_MODELS.values():
            dev = unit(simulated_entry, model)
            key = "state_top" if model == "WS-USC02" else "state"
            dev.sim.press("top" if model == "WS-USC02" else "main", "single")
            await dev.wait_state("switch", key, on_off(dev.sim.relays[1]))
        plug = unit(simulated_entry, "ZNCZ04LM")
        await hass.services.async_call(
            "switch",
            "toggle",
            {"entity_id": plug.entity("switch", "state")},
            blocking=True,
        )
        await plug.wait_state("switch", "state", on_off(plug.sim.relays[1]))

        # And the whole thing survives a restart with them in zigpy's database
        assert await hass.config_entries.async_reload(simulated_entry.entry_id)
        await hass.async_block_till_done()
        assert simulated_entry.state is ConfigEntryState.LOADED
        gateway = simulated_entry.runtime_data
        await until(hass, lambda: len(gateway.handles) >= len(SEED_MODELS))

    registered = {
        ieee: registry.async_get_device_by_identifier((DOMAIN, ieee), simulated_entry.entry_id)
        for ieee in joined
    }
    names = [d.name for d in registered.values() if d is not None]
    figures = report(
        "hostile model ids",
        hostile_devices=len(HOSTILE),
        registered=len(names),
        longest_name=max(len(n or "") for n in names),
        errors_logged=len(problems.records),
        entry_state=str(simulated_entry.state),
    )
    assert figures["errors_logged"] == 0, problems.messages()[:5]
    # What the devices said is shown printable (no bidi overrides), and bounded
    for device in registered.values():
        if device is None:
            continue
        assert device.name is not None
        for text in (device.name, device.model, device.model_id, device.manufacturer):
            assert text is None or (len(text) <= 64 and text.isprintable()), repr(text)
