"""Generated definitions: what a device without a model definition gets from its clusters.

Like Zigbee2MQTT's ``generateDefinition``: every standard server cluster on an endpoint
brings its feature (``features/zcl_*``), client OnOff/Level/Scenes clusters bring a
remote's actions. A feature found on several endpoints, or on an endpoint other than the
device's first, is keyed per endpoint (``state_2``). A model definition always wins.

A few attribute values decide the shape and are read before the definition is built
(:data:`PROBES`): the IAS zone type (the alarm's name and device class), the colour
capabilities and colour temperature range of a light, a thermostat's control sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import logging
from types import MappingProxyType
from typing import Final

import zigpy.device
import zigpy.endpoint

from ..features import zcl_remote
from ..features._zcl import (
    ANALOG_INPUT,
    BINARY_INPUT,
    COLOR_CONTROL,
    DOOR_LOCK,
    ELECTRICAL_MEASUREMENT,
    FAN_CONTROL,
    IAS_ZONE,
    IDENTIFY,
    ILLUMINANCE_MEASUREMENT,
    LEVEL_CONTROL,
    METERING,
    MULTISTATE_INPUT,
    OCCUPANCY_SENSING,
    ON_OFF,
    POWER_CONFIGURATION,
    PRESSURE_MEASUREMENT,
    RELATIVE_HUMIDITY,
    SCENES,
    TEMPERATURE_MEASUREMENT,
    THERMOSTAT,
    WINDOW_COVERING,
    Place,
)
from ..features.diagnostics import linkquality
from ..features.zcl_door_lock import door_lock
from ..features.zcl_electrical import electrical_measurement, metering
from ..features.zcl_ias_zone import ZONE_TYPE, ias_zone
from ..features.zcl_identify import identify
from ..features.zcl_inputs import analog_input, binary_input, multistate_input
from ..features.zcl_light import (
    CAPABILITY_COLOR_TEMPERATURE,
    CAPABILITY_XY,
    COLOR_CAPABILITIES,
    light,
)
from ..features.zcl_measurement import humidity, illuminance, occupancy, pressure, temperature
from ..features.zcl_on_off import switch
from ..features.zcl_power_configuration import battery
from ..features.zcl_thermostat import CONTROL_SEQUENCE_OF_OPERATION, fan, thermostat
from ..features.zcl_window_covering import window_covering
from . import get_definition
from .model import Definition, Expose, Feature

_LOGGER = logging.getLogger(__name__)

#: endpoint 242 is Green Power's proxy, never a function of the device
GREEN_POWER_ENDPOINT: Final = 242
GENERATED_DESCRIPTION: Final = "Automatically generated definition"

HA_PROFILE: Final = 0x0104
ZLL_PROFILE: Final = 0xC05E
#: device types whose On/Off is a plug or a mains outlet
OUTLET_TYPES: Final = frozenset(
    {(HA_PROFILE, 0x0009), (HA_PROFILE, 0x0051), (ZLL_PROFILE, 0x0010), (ZLL_PROFILE, 0x0110)}
)
#: colour lights whose device type says what colour control they have, when their
#: ColorCapabilities could not be read: (colour temperature, xy)
_COLOR_BY_TYPE: Final = MappingProxyType(
    {
        (HA_PROFILE, 0x010C): (True, False),
        (ZLL_PROFILE, 0x0220): (True, False),
        (HA_PROFILE, 0x0102): (False, True),
        (ZLL_PROFILE, 0x0200): (False, True),
    }
)

#: (cluster, attribute) read before a definition is generated, where the cluster exists
PROBES: Final = (
    (IAS_ZONE, ZONE_TYPE),
    (COLOR_CONTROL, COLOR_CAPABILITIES),
    (THERMOSTAT, CONTROL_SEQUENCE_OF_OPERATION),
)

_REMOTE_CLUSTERS: Final = (ON_OFF, LEVEL_CONTROL, COLOR_CONTROL, WINDOW_COVERING, SCENES)


@dataclass(frozen=True, kw_only=True, slots=True)
class EndpointSignature:
    """One endpoint's simple descriptor."""

    endpoint: int
    profile_id: int | None
    device_type: int | None
    in_clusters: tuple[int, ...]
    out_clusters: tuple[int, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Signature:
    """What a device says about itself: Basic's manufacturer and model, its endpoints, and
    the probed attribute values known so far ((endpoint, cluster, attribute) → value)."""

    manufacturer: str | None
    model: str | None
    endpoints: tuple[EndpointSignature, ...]
    attributes: Mapping[tuple[int, int, int], object] = field(
        default_factory=lambda: MappingProxyType({}), hash=False
    )
    is_router: bool = False

    def functional_endpoints(self) -> tuple[EndpointSignature, ...]:
        return tuple(ep for ep in self.endpoints if ep.endpoint not in (0, GREEN_POWER_ENDPOINT))


def _places(signature: Signature, endpoints: list[int]) -> list[Place]:
    """Unlabelled when the feature is only on the device's first endpoint (Zigbee2MQTT)."""
    functional = signature.functional_endpoints()
    first = functional[0].endpoint if functional else None
    if endpoints == [first]:
        return [Place(endpoint=endpoints[0])]
    return [Place(endpoint=endpoint, label=str(endpoint)) for endpoint in endpoints]


def _with(signature: Signature, cluster: int) -> list[int]:
    return [ep.endpoint for ep in signature.functional_endpoints() if cluster in ep.in_clusters]


def _color(signature: Signature, ep: EndpointSignature) -> tuple[bool, bool]:
    """(colour temperature, xy) of a light endpoint."""
    if COLOR_CONTROL not in ep.in_clusters:
        return False, False
    capabilities = signature.attributes.get((ep.endpoint, COLOR_CONTROL, COLOR_CAPABILITIES))
    if isinstance(capabilities, int) and not isinstance(capabilities, bool):
        return (
            bool(capabilities & CAPABILITY_COLOR_TEMPERATURE),
            bool(capabilities & CAPABILITY_XY),
        )
    return _COLOR_BY_TYPE.get((ep.profile_id, ep.device_type), (True, True))  # type: ignore[arg-type]


def _on_off_features(signature: Signature) -> list[Feature]:
    by_id = {ep.endpoint: ep for ep in signature.functional_endpoints()}
    with_on_off = _with(signature, ON_OFF)
    # A light dims or colours: many wall switches announce the On/Off Light device type
    # (Zigbee2MQTT also goes by the clusters; ZHA by the device type)
    lights = [
        endpoint
        for endpoint in with_on_off
        if LEVEL_CONTROL in by_id[endpoint].in_clusters
        or COLOR_CONTROL in by_id[endpoint].in_clusters
    ]
    switches = [endpoint for endpoint in with_on_off if endpoint not in lights]
    features: list[Feature] = []
    for place in _places(signature, switches):
        ep = by_id[place.endpoint]
        features.append(switch(place, outlet=(ep.profile_id, ep.device_type) in OUTLET_TYPES))
    for place in _places(signature, lights):
        ep = by_id[place.endpoint]
        color_temp, color_xy = _color(signature, ep)
        features.append(
            light(
                place,
                level=LEVEL_CONTROL in ep.in_clusters,
                color_temp=color_temp,
                color_xy=color_xy,
            )
        )
    return features


def _remote_feature(signature: Signature) -> list[Feature]:
    clusters: dict[int, tuple[int, ...]] = {}
    for ep in signature.functional_endpoints():
        sent = [cluster for cluster in _REMOTE_CLUSTERS if cluster in ep.out_clusters]
        # A bulb's Scenes client is no button: only OnOff/Level/cover senders are remotes
        if ON_OFF in sent or LEVEL_CONTROL in sent or WINDOW_COVERING in sent:
            clusters[ep.endpoint] = tuple(sent)
    if not clusters:
        return []
    return [zcl_remote.remote(clusters, suffixed=len(clusters) > 1)]


def _features(signature: Signature) -> list[Feature]:
    features = _on_off_features(signature)
    per_endpoint = (
        (TEMPERATURE_MEASUREMENT, temperature),
        (RELATIVE_HUMIDITY, humidity),
        (PRESSURE_MEASUREMENT, pressure),
        (ILLUMINANCE_MEASUREMENT, illuminance),
        (OCCUPANCY_SENSING, occupancy),
        (ELECTRICAL_MEASUREMENT, electrical_measurement),
        (METERING, metering),
        (WINDOW_COVERING, window_covering),
        (FAN_CONTROL, fan),
        (DOOR_LOCK, door_lock),
        (ANALOG_INPUT, analog_input),
        (BINARY_INPUT, binary_input),
        (MULTISTATE_INPUT, multistate_input),
    )
    for cluster, build in per_endpoint:
        features += (build(place) for place in _places(signature, _with(signature, cluster)))
    for place in _places(signature, _with(signature, IAS_ZONE)):
        zone_type = signature.attributes.get((place.endpoint, IAS_ZONE, ZONE_TYPE))
        features.append(ias_zone(zone_type if isinstance(zone_type, int) else None, place))
    for place in _places(signature, _with(signature, THERMOSTAT)):
        sequence = signature.attributes.get(
            (place.endpoint, THERMOSTAT, CONTROL_SEQUENCE_OF_OPERATION)
        )
        features.append(thermostat(place, sequence=sequence if isinstance(sequence, int) else None))
    # The battery belongs to the device, not to an endpoint (Zigbee2MQTT reads the first)
    if _with(signature, POWER_CONFIGURATION):
        features.append(battery(Place(endpoint=_with(signature, POWER_CONFIGURATION)[0])))
    # Identify belongs to the device (Zigbee2MQTT offers one, for the first endpoint)
    if _with(signature, IDENTIFY):
        features.append(identify(Place(endpoint=_with(signature, IDENTIFY)[0])))
    features += _remote_feature(signature)
    features.append(linkquality())
    return features


def _unique_keys(features: Iterable[Feature]) -> tuple[Feature, ...]:
    """The first expose of a key wins (an IAS motion zone and Occupancy Sensing both
    offer ``occupancy``; a battery's and the mains' ``voltage``)."""
    seen: set[str] = set()
    kept: list[Feature] = []
    for feature in features:
        exposes: list[Expose] = []
        lost: set[str] = set()
        for expose in feature.exposes:
            # A composite whose key is taken loses its members too
            if expose.key in seen or expose.member_of in lost:
                lost.add(expose.key)
                continue
            seen.add(expose.key)
            exposes.append(expose)
        kept.append(
            Feature(
                exposes=tuple(exposes),
                options=feature.options,
                configure=feature.configure,
                heartbeat_fields=feature.heartbeat_fields,
                heartbeat_read=feature.heartbeat_read,
                ota_image_type=feature.ota_image_type,
            )
        )
    return tuple(kept)


def _basic_text(text: str | None) -> str | None:
    """Basic's string as shown: some firmwares pad it with NULs or spaces."""
    return text.split("\x00", 1)[0].strip() or None if text is not None else None


def generate_definition(signature: Signature) -> Definition:
    """The definition a device's standard clusters give it (never raises on odd input)."""
    model = _basic_text(signature.model)
    return Definition(
        model=model or "Unknown",
        model_ids=(model,) if model else (),
        vendor=_basic_text(signature.manufacturer) or "Unknown",
        description=GENERATED_DESCRIPTION,
        features=_unique_keys(_features(signature)),
        is_router=signature.is_router,
        generated=True,
    )


def signature_of(device: zigpy.device.Device) -> Signature:
    """A zigpy device's signature, with the probed values zigpy's attribute cache holds."""
    endpoints: list[EndpointSignature] = []
    attributes: dict[tuple[int, int, int], object] = {}
    for endpoint_id, endpoint in sorted(device.endpoints.items()):
        if endpoint_id == 0 or not isinstance(endpoint, zigpy.endpoint.Endpoint):
            continue
        endpoints.append(
            EndpointSignature(
                endpoint=endpoint_id,
                profile_id=endpoint.profile_id,
                device_type=_int_or_none(endpoint.device_type),
                in_clusters=tuple(endpoint.in_clusters),
                out_clusters=tuple(endpoint.out_clusters),
            )
        )
        for cluster_id, attr_id in PROBES:
            cluster = endpoint.in_clusters.get(cluster_id)
            value = cluster.get(attr_id) if cluster is not None else None
            if value is not None:
                attributes[(endpoint_id, cluster_id, attr_id)] = _int_or_none(value)
    node = device.node_desc
    return Signature(
        manufacturer=device.manufacturer if isinstance(device.manufacturer, str) else None,
        model=device.model if isinstance(device.model, str) else None,
        endpoints=tuple(endpoints),
        attributes=MappingProxyType(attributes),
        is_router=bool(node is not None and node.is_router),
    )


async def async_probe(device: zigpy.device.Device) -> None:
    """Read the :data:`PROBES` a device has and zigpy has not cached (into its cache).

    A value that cannot be read stays unknown: the definition then takes the cluster's
    safe default (``alarm_1``, both colour modes, heating only). Never raises.
    """
    for endpoint_id, endpoint in device.endpoints.items():
        if endpoint_id == 0 or not isinstance(endpoint, zigpy.endpoint.Endpoint):
            continue
        for cluster_id, attr_id in PROBES:
            cluster = endpoint.in_clusters.get(cluster_id)
            if cluster is None or cluster.get(attr_id) is not None:
                continue
            try:
                await cluster.read_attributes([attr_id], allow_cache=False)
            except Exception:
                _LOGGER.debug(
                    "Probing 0x%04x/0x%04x of %s failed", cluster_id, attr_id, device.ieee
                )


def _int_or_none(value: object) -> int | None:
    return int(value) if isinstance(value, int) else None


def definition_for(signature: Signature) -> Definition:
    """The model definition when there is one, else the generated one."""
    return get_definition(signature.model) or generate_definition(signature)


__all__ = [
    "PROBES",
    "EndpointSignature",
    "Signature",
    "definition_for",
    "generate_definition",
    "signature_of",
]
