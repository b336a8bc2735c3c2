"""A twin's device signature in the JSON form ZHA shows ("Zigbee device signature").

What the unit reports when interviewed (node descriptor, endpoints and their clusters, Basic
manufacturer and model) plus the values its server attributes answer with, so that a tool
reading signatures (Zigbee2MQTT's generateDefinition, the integration's ``devices
describe``) sees the twin as it would see the real device.
"""

from __future__ import annotations

from typing import Any

from .device import TwinDevice
from .profile import Twin


def _hex(value: int) -> str:
    return f"0x{value:04x}"


def zha_signature(twin: Twin) -> dict[str, Any]:
    """``manufacturer``, ``model``, ``node_descriptor`` and ``endpoints`` as ZHA prints them."""
    unit = TwinDevice.off_air(twin)
    descriptor = unit.node_descriptor()
    return {
        "node_descriptor": {
            "logical_type": descriptor.logical_type,
            "mac_capability_flags": descriptor.mac_capability,
            "manufacturer_code": descriptor.manufacturer_code,
            "server_mask": descriptor.server_mask,
        },
        "endpoints": {
            str(spec.endpoint): {
                "profile_id": _hex(spec.profile),
                "device_type": _hex(spec.device_type),
                "input_clusters": [_hex(cluster) for cluster in spec.in_clusters],
                "output_clusters": [_hex(cluster) for cluster in spec.out_clusters],
            }
            for spec in twin.endpoints
            if spec.declared
        },
        "manufacturer": twin.manufacturer,
        "model": twin.zigbee_model,
    }


def attribute_values(twin: Twin) -> dict[str, dict[str, dict[str, object]]]:
    """Every server attribute's value on a fresh unit: ``{ep: {cluster: {attr: value}}}``."""
    unit = TwinDevice.off_air(twin)
    values: dict[str, dict[str, dict[str, object]]] = {}
    for spec in twin.endpoints:
        for cluster in sorted(spec.served):
            table = unit.zcl.table(spec.endpoint, cluster)
            answers: dict[str, object] = {
                _hex(attr): value
                for attr, attribute in sorted(table.items())
                if isinstance(value := attribute.getter(), bool | int | float | str)
            }
            if answers:
                values.setdefault(str(spec.endpoint), {})[_hex(cluster)] = answers
    return values


def reference_input(name: str, twin: Twin) -> dict[str, Any]:
    """One entry of script/z2m-generated-reference's input."""
    return {
        "name": name,
        "source": twin.source,
        "power_source": twin.power_source,
        "signature": zha_signature(twin),
        "attributes": attribute_values(twin),
    }
