"""Heartbeat decoding: ``lumi.heartbeat.parse`` against zha-quirks, same bytes, same process.

Runs under the bench venv's Python (``bench/.venv-zha``, which has zha-quirks and the zigpy it
pins) and prints one JSON document. Our decoder is loaded straight from its file: it needs
nothing but the standard library, so both decoders run in one interpreter, interleaved.

zha-quirks' decoder is ``XiaomiCluster._parse_aqara_attributes(self, value)``; it reads only
``self.endpoint.device.model``, so it is called unbound on a stand-in that carries the model.
That is the decoder alone, without zigpy's cluster machinery around it, as for ours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import importlib.metadata
import importlib.util
import json
import math
from pathlib import Path
import platform
import statistics
import sys
import timeit
from types import ModuleType, SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.payloads import PAYLOADS, Payload  # noqa: E402

OURS_FILE = ROOT / "custom_components" / "aqara_zigbee" / "lumi" / "heartbeat.py"
REPEATS = 7
TARGET_SECONDS = 0.03  # per timing, per decoder

Decoder = Callable[[str, bytes], dict[str, Any]]


def load_ours() -> tuple[ModuleType, Callable[[str], Any]]:
    """Our heartbeat reader and the profile the gateway uses per model.

    The integration's package ``__init__`` imports Home Assistant, which this venv lacks;
    the definitions themselves need only the standard library, so the two parent packages
    are registered as bare namespaces before importing them.
    """
    for name, path in (
        ("custom_components", ROOT / "custom_components"),
        ("custom_components.aqara_zigbee", OURS_FILE.parent.parent),
    ):
        package = ModuleType(name)
        package.__path__ = [str(path)]
        sys.modules.setdefault(name, package)
    from custom_components.aqara_zigbee.devices import get_definition
    from custom_components.aqara_zigbee.features.diagnostics import UNKNOWN_MODEL_HEARTBEAT
    from custom_components.aqara_zigbee.lumi import heartbeat

    def profile_of(model: str) -> Any:
        definition = get_definition(model)
        return definition.heartbeat_profile if definition else UNKNOWN_MODEL_HEARTBEAT

    return heartbeat, profile_of


def load_zha() -> tuple[Decoder, ModuleType]:
    import zhaquirks  # noqa: F401 - zhaquirks.xiaomi needs the package initialised first
    from zhaquirks import xiaomi

    parse = xiaomi.XiaomiCluster._parse_aqara_attributes
    stand_ins: dict[str, SimpleNamespace] = {}

    def decode(model: str, payload: bytes) -> dict[str, Any]:
        stand_in = stand_ins.get(model)
        if stand_in is None:
            device = SimpleNamespace(model=model)
            stand_in = stand_ins[model] = SimpleNamespace(endpoint=SimpleNamespace(device=device))
        result: dict[str, Any] = parse(stand_in, payload)
        return result

    return decode, xiaomi


# --------------------------------------------------------------------------- correctness


def zha_by_index(zha: Decoder, xiaomi: ModuleType, payload: bytes) -> dict[int, Any]:
    """zha-quirks' raw values keyed by TLV index (decoded with a model that renames nothing)."""
    base = {
        xiaomi.BATTERY_VOLTAGE_MV: 1,
        xiaomi.TEMPERATURE: 3,
        xiaomi.XIAOMI_ATTR_4: 4,
        xiaomi.XIAOMI_ATTR_5: 5,
        xiaomi.XIAOMI_ATTR_6: 6,
        xiaomi.PATH: 10,
    }
    result: dict[int, Any] = {}
    for name, value in zha("bench.neutral-model", payload).items():
        index = base.get(name)
        if index is None:
            index = int(name.removeprefix("0xff01-"))
        result[index] = value
    return result


def cross_check(
    ours: ModuleType, profile_of: Callable[[str], Any], zha: Decoder, xiaomi: ModuleType
) -> list[dict[str, Any]]:
    """Per payload: does ours equal our conversion applied to zha-quirks' decoded values?

    Both walk the same TLV; ours keeps only the indices its model profile names and converts
    them (units, Zigbee2MQTT names). Applying that same conversion to zha-quirks' values must
    give exactly our result, and every index the profile names must be found by both.
    """
    rows = []
    for item in PAYLOADS:
        payload = item.tlv
        profile = profile_of(item.model)
        mine = ours.parse(payload, profile)
        row: dict[str, Any] = {"label": item.label, "ours": _plain(mine)}
        try:
            theirs = zha_by_index(zha, xiaomi, payload)
        except Exception as exc:  # zha-quirks raises on what it cannot walk
            row.update(match=False, zha_error=f"{type(exc).__name__}: {exc}")
            rows.append(row)
            continue
        expected = ours._convert({i: v for i, v in theirs.items() if i in profile}, profile)
        row.update(
            match=expected == mine,
            zha_entries=len(theirs),
            kept_by_ours=len(mine),
            expected_from_zha=_plain(expected),
        )
        rows.append(row)
    return rows


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {
        key: value if isinstance(value, int | float | str) else repr(value)
        for key, value in values.items()
    }


# --------------------------------------------------------------------------- timing


def _loops(function: Callable[[], object]) -> int:
    """Loops for one timing of about TARGET_SECONDS."""
    number = 1
    while True:
        elapsed = timeit.Timer(function).timeit(number)
        if elapsed >= TARGET_SECONDS / 5:
            return max(1, math.ceil(number * TARGET_SECONDS / elapsed))
        number *= 4


def time_pair(
    ours: Callable[[], object], theirs: Callable[[], object], calls: int
) -> dict[str, float]:
    """ns per call of each, best (and median) of REPEATS interleaved timings."""
    n_ours, n_theirs = _loops(ours), _loops(theirs)
    a: list[float] = []
    b: list[float] = []
    for _ in range(REPEATS):
        a.append(timeit.Timer(ours).timeit(n_ours) / n_ours / calls * 1e9)
        b.append(timeit.Timer(theirs).timeit(n_theirs) / n_theirs / calls * 1e9)
    return {
        "ours_ns": min(a),
        "zha_ns": min(b),
        "ours_median_ns": statistics.median(a),
        "zha_median_ns": statistics.median(b),
        "ratio": min(b) / min(a),
    }


def time_corpus(
    ours: ModuleType,
    profile_of: Callable[[str], Any],
    zha: Decoder,
    payloads: Sequence[Payload],
) -> dict[str, float]:
    # The gateway holds each device's profile: looking it up is not part of decoding
    items = [(item.model, profile_of(item.model), item.tlv) for item in payloads]
    parse = ours.parse

    def run_ours() -> None:
        for _model, profile, payload in items:
            parse(payload, profile)

    def run_zha() -> None:
        for model, _profile, payload in items:
            zha(model, payload)

    return time_pair(run_ours, run_zha, len(items))


def main() -> int:
    ours, profile_of = load_ours()
    zha, xiaomi = load_zha()
    checks = cross_check(ours, profile_of, zha, xiaomi)
    per_payload = []
    for item in PAYLOADS:
        model, payload, profile = item.model, item.tlv, profile_of(item.model)
        timing = time_pair(
            lambda profile=profile, payload=payload: ours.parse(payload, profile),
            lambda model=model, payload=payload: zha(model, payload),
            1,
        )
        per_payload.append({"label": item.label, "bytes": len(payload), **timing})
    result = {
        "python": platform.python_version(),
        "versions": {
            name: importlib.metadata.version(name) for name in ("zha-quirks", "zha", "zigpy")
        },
        "payloads": len(PAYLOADS),
        "sources": sorted({item.source for item in PAYLOADS}),
        "all": time_corpus(ours, profile_of, zha, PAYLOADS),
        "supported_models": time_corpus(ours, profile_of, zha, [p for p in PAYLOADS if p.ours]),
        "per_payload": per_payload,
        "cross_check": checks,
        "cross_check_ok": all(row["match"] for row in checks),
    }
    json.dump(result, sys.stdout, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
