"""``describe``: what this integration would make of a device, from its ZHA signature.

Reads the "Zigbee device signature" JSON that ZHA shows on a device's page
(``manufacturer``, ``model``, ``endpoints`` keyed by endpoint id, each with ``profile_id``,
``device_type``, ``input_clusters`` and ``output_clusters``; ids as ZHA writes them,
``"0x0006"``, or as integers) and tells the exposes the device would get, and whether a
model definition or a generated one serves it.
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from pathlib import Path
from typing import Any, Final

from .generated import EndpointSignature, Signature, definition_for
from .model import (
    Access,
    ActionSource,
    AttributeSource,
    AttributeWrite,
    ClusterCommandSource,
    CommandSource,
    CommandWrite,
    Definition,
    Expose,
    FrameWrite,
    OnOffWrite,
    Platform,
    SequenceWrite,
)

#: Zigbee2MQTT's access bits: 1 published (state), 2 settable, 4 gettable
_ACCESS_BITS: Final = ((Access.REPORT, 1), (Access.WRITE, 2), (Access.READ, 4))
_TYPE_BY_PLATFORM: Final = {
    Platform.SWITCH: "binary",
    Platform.BINARY_SENSOR: "binary",
    Platform.LIGHT: "binary",
    Platform.SENSOR: "numeric",
    Platform.NUMBER: "numeric",
    Platform.SELECT: "enum",
    Platform.EVENT: "enum",
    Platform.COVER: "enum",
    Platform.CLIMATE: "enum",
    Platform.FAN: "enum",
    Platform.LOCK: "enum",
    Platform.BUTTON: "enum",
}
_MAX_ID: Final = 0xFFFF


class SignatureError(ValueError):
    """The file is no device signature we can read."""


def _number(value: object, what: str, maximum: int = _MAX_ID) -> int:
    """An id as ZHA writes it: ``"0x0006"``, ``"6"`` or 6."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        try:
            number = int(value, 0)
        except ValueError:
            number = None
    if number is None or not 0 <= number <= maximum:
        raise SignatureError(f"{what} is not a valid id: {value!r}")
    return number


def _clusters(value: object, what: str) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, Mapping):
        value = list(value)  # ZHA's diagnostics: the cluster ids are the keys
    if not isinstance(value, list):
        raise SignatureError(f"{what} must be a list of cluster ids")
    return tuple(_number(cluster, f"a cluster of {what}") for cluster in value)


def _text(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SignatureError(f"{what} must be a string")
    return value


def _unwrap(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The signature itself, also from a ZHA device diagnostics download, which holds it
    under ``signature`` (itself under ``data`` in the file Home Assistant saves)."""
    for path in (("signature",), ("data", "signature")):
        found: object = data
        for key in path:
            found = found.get(key) if isinstance(found, Mapping) else None
        if isinstance(found, Mapping):
            return found
    return data


def parse_signature(data: object) -> Signature:
    """The signature in ZHA's JSON form; raises :class:`SignatureError`."""
    if not isinstance(data, Mapping):
        raise SignatureError("a device signature is a JSON object")
    data = _unwrap(data)
    raw_endpoints = data.get("endpoints")
    if not isinstance(raw_endpoints, Mapping) or not raw_endpoints:
        raise SignatureError("the signature has no 'endpoints' object")
    endpoints = []
    for key, raw in raw_endpoints.items():
        endpoint = _number(key, "an endpoint", maximum=0xFF)
        if not isinstance(raw, Mapping):
            raise SignatureError(f"endpoint {key} must be an object")
        where = f"endpoint {endpoint}"
        endpoints.append(
            EndpointSignature(
                endpoint=endpoint,
                profile_id=_number(raw["profile_id"], f"{where} profile_id")
                if raw.get("profile_id") is not None
                else None,
                device_type=_number(raw["device_type"], f"{where} device_type")
                if raw.get("device_type") is not None
                else None,
                in_clusters=_clusters(
                    raw.get("input_clusters", raw.get("in_clusters")), f"{where} input_clusters"
                ),
                out_clusters=_clusters(
                    raw.get("output_clusters", raw.get("out_clusters")), f"{where} output_clusters"
                ),
            )
        )
    return Signature(
        manufacturer=_text(data.get("manufacturer"), "manufacturer"),
        model=_text(data.get("model"), "model"),
        endpoints=tuple(sorted(endpoints, key=lambda ep: ep.endpoint)),
    )


def _endpoint(expose: Expose) -> int | None:
    for source in expose.sources:
        if isinstance(source, AttributeSource | ClusterCommandSource | CommandSource):
            return source.endpoint
        if isinstance(source, ActionSource):
            return source.endpoint
    write = expose.write
    if isinstance(write, OnOffWrite | AttributeWrite | SequenceWrite | CommandWrite | FrameWrite):
        return write.endpoint
    return None


def expose_summary(expose: Expose) -> dict[str, Any]:
    """One expose as the contract prints it."""
    kind = expose.kind or _TYPE_BY_PLATFORM[expose.platform]
    return {
        "name": expose.key,
        "type": kind,
        "access": sum(bit for flag, bit in _ACCESS_BITS if flag in expose.access),
        "endpoint": _endpoint(expose),
        "unit": expose.unit,
        "values": list(expose.event_types) if kind == "enum" else None,
        "entity": str(expose.platform),
        "part_of": expose.member_of,
        "device_class": expose.device_class,
        "category": expose.entity_category,
    }


def describe(signature: Signature) -> dict[str, Any]:
    definition: Definition = definition_for(signature)
    return {
        "manufacturer": signature.manufacturer,
        "model": signature.model,
        "definition": definition.kind,
        "served_by": f"{definition.vendor} {definition.model}",
        "description": definition.description,
        "exposes": [expose_summary(expose) for expose in definition.exposes],
    }


def describe_file(path: Path) -> dict[str, Any]:
    """Read and describe a signature file; raises :class:`SignatureError` on any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SignatureError(f"cannot read {path}: {exc.__class__.__name__}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SignatureError(f"{path} is not JSON: {exc.msg} (line {exc.lineno})") from exc
    return describe(parse_signature(data))
