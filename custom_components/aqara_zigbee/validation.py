"""Checks of what users type: numbers from forms and actions, and quoting their input back.

Device options get their form fields here, from their specs (``OPTION_SPECS``): the same
strict selector checks what the user types and whether a saved value can be shown again.
"""

from __future__ import annotations

from collections.abc import Mapping
import math
from typing import Any
import unicodedata

from homeassistant.helpers import selector
import probatio as vol

from .const import (
    AVAILABILITY_TIMEOUT_RANGE,
    CONF_BATTERY_TIMEOUT,
    CONF_MAINS_TIMEOUT,
    CONF_PERMIT_JOIN_DURATION,
    CONF_SIMULATION_SPEED,
    DEFAULT_BATTERY_TIMEOUT,
    DEFAULT_MAINS_TIMEOUT,
    DEFAULT_PERMIT_JOIN_DURATION,
    DEFAULT_SIMULATION_SPEED,
    MAX_PERMIT_JOIN_DURATION,
    MAX_QUOTED_INPUT,
    SIMULATION_SPEED_RANGE,
)
from .devices.model import OPTION_SPECS, Definition, OptionSpec, finite_number

#: (minimum, maximum, integral, default) of each network option
NETWORK_OPTION_BOUNDS: dict[str, tuple[float, float, bool, float]] = {
    CONF_PERMIT_JOIN_DURATION: (1, MAX_PERMIT_JOIN_DURATION, True, DEFAULT_PERMIT_JOIN_DURATION),
    CONF_MAINS_TIMEOUT: (*AVAILABILITY_TIMEOUT_RANGE, True, DEFAULT_MAINS_TIMEOUT),
    CONF_BATTERY_TIMEOUT: (*AVAILABILITY_TIMEOUT_RANGE, True, DEFAULT_BATTERY_TIMEOUT),
    CONF_SIMULATION_SPEED: (*SIMULATION_SPEED_RANGE, False, DEFAULT_SIMULATION_SPEED),
}

#: how close to a multiple of its step a number must be (float noise of decimal steps)
_STEP_TOLERANCE = 1e-6


def quote_input(value: object) -> str:
    """A short, printable excerpt of a user's input for an error message.

    Control, format (bidi overrides, zero-width) and other non-printing characters become
    U+FFFD, and anything past ``MAX_QUOTED_INPUT`` characters is cut off with an ellipsis.
    """
    text = str(value)
    excerpt = "".join(
        "\ufffd" if unicodedata.category(char)[0] in "CZ" and char != " " else char
        for char in text[:MAX_QUOTED_INPUT]
    )
    return excerpt + "…" if len(text) > MAX_QUOTED_INPUT else excerpt


def is_number(value: object) -> bool:
    """True for an int or float that is finite (bool is not a number here)."""
    return not isinstance(value, bool) and finite_number(value) is not None


def on_step(value: float, minimum: float, step: float) -> bool:
    """True when ``value`` lies on the grid ``minimum + k * step``."""
    steps = (value - minimum) / step
    return abs(steps - round(steps)) <= _STEP_TOLERANCE


class StrictNumberSelector(selector.NumberSelector):
    """A number selector that refuses NaN, infinities, booleans and values off its step.

    Home Assistant's own selector coerces with ``float()`` and compares, so ``"nan"``
    passes every bound. Integral steps return an int. It serialises as a number selector.
    """

    def __call__(self, data: Any) -> float:
        if isinstance(data, bool):
            raise vol.Invalid("expected a number")
        value = super().__call__(data)
        if not math.isfinite(value):
            raise vol.Invalid("expected a finite number")
        step = self.config.get("step", 1)
        if isinstance(step, int | float):
            if not on_step(value, self.config.get("min", 0), step):
                raise vol.Invalid(f"expected a multiple of {step:g}")
            if float(step).is_integer():
                return round(value)
        return value


def sanitize_network_options(options: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Saved network options with every unusable number replaced by its default.

    Returns the options and the keys that were replaced (options saved before the form
    validated them, or edited by hand, must never keep the entry from starting).
    """
    fixed = dict(options)
    replaced: list[str] = []
    for key, (minimum, maximum, integral, default) in NETWORK_OPTION_BOUNDS.items():
        if key not in fixed:
            continue
        value = fixed[key]
        if (
            is_number(value)
            and minimum <= value <= maximum
            and (not integral or float(value).is_integer())
        ):
            continue
        fixed[key] = default
        replaced.append(key)
    return fixed, replaced


def sanitize_device_options(options: object) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Saved per-device options without what the options form would refuse.

    Returns the options and a description of each value dropped (``<ieee> <key>``): an
    unknown option, a value out of its range or of the wrong kind, or a device entry that
    is not a mapping — saved before the form validated them, or edited by hand.
    """
    if not isinstance(options, Mapping):
        return {}, [] if options is None else ["device_options"]
    kept: dict[str, dict[str, Any]] = {}
    dropped: list[str] = []
    for ieee, values in options.items():
        if not isinstance(values, Mapping):
            dropped.append(str(ieee))
            continue
        device: dict[str, Any] = {}
        for key, value in values.items():
            spec = OPTION_SPECS.get(key)
            if spec is not None and (value is None or spec.accepts(value)):
                device[key] = value  # None: explicitly unset (a precision left empty)
            else:
                dropped.append(f"{ieee} {key}")
        kept[str(ieee)] = device
    return kept, dropped


class StrictBooleanSelector(selector.BooleanSelector):
    """A boolean selector that takes only true or false (HA's own turns 5 into true)."""

    def __call__(self, data: Any) -> bool:
        if not isinstance(data, bool):
            raise vol.Invalid("expected true or false")
        return data


def _measured_unit(definition: Definition, measurement: str) -> str | None:
    """The unit of the exposes an option's measurement applies to (``x`` calibrates the
    ``x_axis`` counts, ``power`` the per-endpoint ``power_1``...)."""
    for expose in definition.exposes:
        if expose.measurement_key == measurement:
            return expose.unit
    return None


def option_selector(
    definition: Definition, spec: OptionSpec
) -> StrictBooleanSelector | StrictNumberSelector:
    """The strict form field of a device option: its kind, range, step and unit."""
    if spec.kind is bool:
        return StrictBooleanSelector()
    if spec.minimum is None or spec.maximum is None:
        raise ValueError(f"{spec.key}: a numeric option needs a range")
    config = selector.NumberSelectorConfig(
        min=spec.minimum,
        max=spec.maximum,
        step=spec.step if spec.step is not None else "any",
        mode=selector.NumberSelectorMode.BOX,
    )
    if spec.percentual:
        config["unit_of_measurement"] = "%"
    elif (
        spec.kind is float
        and spec.expose_key is not None
        and (unit := _measured_unit(definition, spec.expose_key)) is not None
    ):
        # An absolute calibration is in the value's own unit (a precision has none)
        config["unit_of_measurement"] = unit
    return StrictNumberSelector(config)


def accepted(
    field: StrictBooleanSelector | StrictNumberSelector, value: object
) -> bool | float | None:
    """``value`` as ``field`` takes it, or None when the field refuses it."""
    try:
        return field(value)
    except vol.Invalid:
        return None
