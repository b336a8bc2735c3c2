"""Offline stand-ins for hassfest and the HACS validator (they cannot run here).

Each check returns a list of problems; an empty list means the input conforms. The tests run
them on the real files and on deliberately broken copies, so every check is shown to fail.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path
import re
from typing import Any

from awesomeversion import AwesomeVersion, AwesomeVersionStrategy

MANIFEST_REQUIRED = ("domain", "name", "codeowners", "documentation", "version", "iot_class")
MANIFEST_KNOWN = frozenset(
    {
        *MANIFEST_REQUIRED,
        "after_dependencies",
        "bluetooth",
        "config_flow",
        "dependencies",
        "dhcp",
        "homekit",
        "integration_type",
        "issue_tracker",
        "loggers",
        "mqtt",
        "requirements",
        "single_config_entry",
        "ssdp",
        "usb",
        "zeroconf",
    }
)
IOT_CLASSES = frozenset(
    {
        "assumed_state",
        "calculated",
        "cloud_polling",
        "cloud_push",
        "local_polling",
        "local_push",
    }
)
HACS_KNOWN = frozenset(
    {
        "name",
        "content_in_root",
        "country",
        "filename",
        "hacs",
        "hide_default_branch",
        "homeassistant",
        "persistent_directory",
        "render_readme",
        "zip_release",
    }
)
VERSION_STRATEGIES = (
    AwesomeVersionStrategy.CALVER,
    AwesomeVersionStrategy.SEMVER,
    AwesomeVersionStrategy.SIMPLEVER,
    AwesomeVersionStrategy.BUILDVER,
    AwesomeVersionStrategy.PEP440,
)
ENTITY_PLATFORMS = frozenset(
    {
        "binary_sensor",
        "button",
        "climate",
        "cover",
        "event",
        "fan",
        "light",
        "lock",
        "number",
        "select",
        "sensor",
        "switch",
        "time",
        "update",
    }
)
_REFERENCE = re.compile(r"\[%key:[^\]]*%\]")
_TRANSLATION_KEY = re.compile(r"""translation_key\s*=\s*["']([a-z0-9_]+)["']""")


def check_manifest(manifest: Mapping[str, Any], folder_name: str) -> list[str]:
    """hassfest's manifest rules for custom integrations, plus what HACS requires."""
    problems = [f"missing required key {key!r}" for key in MANIFEST_REQUIRED if key not in manifest]
    problems += [f"missing key {key!r} (HACS)" for key in ("issue_tracker",) if key not in manifest]
    problems += [f"unknown key {key!r}" for key in manifest if key not in MANIFEST_KNOWN]
    keys = list(manifest)
    if keys[:2] != ["domain", "name"]:
        problems.append("keys must start with 'domain', 'name'")
    elif keys[2:] != sorted(keys[2:]):
        problems.append("keys after 'domain' and 'name' must be sorted alphabetically")
    if manifest.get("domain") != folder_name:
        problems.append(f"domain {manifest.get('domain')!r} differs from folder {folder_name!r}")
    version = str(manifest.get("version", ""))
    if not version or AwesomeVersion(version).strategy not in VERSION_STRATEGIES:
        problems.append(f"version {version!r} is not SemVer, CalVer or PEP 440")
    documentation = str(manifest.get("documentation", ""))
    if not documentation.startswith("https://"):
        problems.append("documentation must be an https URL")
    if "home-assistant.io/integrations" in documentation:
        problems.append("documentation must not point at home-assistant.io/integrations")
    if manifest.get("iot_class") not in IOT_CLASSES:
        problems.append(f"iot_class {manifest.get('iot_class')!r} is not valid")
    codeowners = manifest.get("codeowners")
    if not isinstance(codeowners, list) or not all(
        isinstance(owner, str) and owner.startswith("@") for owner in codeowners
    ):
        problems.append("codeowners must be a list of @handles")
    for requirement in manifest.get("requirements", []):
        if "==" in requirement:
            problems.append(f"requirement {requirement!r} is pinned; keep it loose to sit with ZHA")
    if manifest.get("usb") and "usb" not in manifest.get("dependencies", []):
        problems.append("usb matchers need 'usb' in dependencies")
    return problems


def check_hacs(hacs: Mapping[str, Any]) -> list[str]:
    """The HACS validator rejects unknown keys and needs a name."""
    problems = [f"unknown key {key!r}" for key in hacs if key not in HACS_KNOWN]
    if not isinstance(hacs.get("name"), str) or not hacs.get("name"):
        problems.append("name is required")
    minimum = hacs.get("homeassistant")
    if minimum is not None and AwesomeVersion(str(minimum)).strategy is not (
        AwesomeVersionStrategy.CALVER
    ):
        problems.append(f"homeassistant {minimum!r} is not a Home Assistant version")
    return problems


def _leaves(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_leaves(value, f"{path}."))
        else:
            flat[path] = value
    return flat


def check_translations(strings: Mapping[str, Any], english: Mapping[str, Any]) -> list[str]:
    """Custom integrations get no [%key:...%] resolution: en.json must be complete text."""
    problems = [
        f"{path}: unresolved reference {value!r}"
        for path, value in _leaves(english).items()
        if isinstance(value, str) and _REFERENCE.search(value)
    ]
    if _leaves(strings) != _leaves(english):
        source, target = _leaves(strings), _leaves(english)
        problems += [f"{path}: missing from en.json" for path in source.keys() - target.keys()]
        problems += [f"{path}: not in strings.json" for path in target.keys() - source.keys()]
        problems += [
            f"{path}: differs between strings.json and en.json"
            for path in source.keys() & target.keys()
            if source[path] != target[path]
        ]
    return problems


def translation_keys_in_code(sources: Iterable[Path]) -> set[str]:
    """Every literal ``translation_key="..."`` in the integration's Python code."""
    found: set[str] = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        ast.parse(text)  # a syntax error should fail loudly, not hide keys
        found.update(_TRANSLATION_KEY.findall(text))
    return found


def defined_translation_keys(strings: Mapping[str, Any]) -> set[str]:
    """Keys an entity, exception, issue or service can reference."""
    keys: set[str] = set()
    for platform in strings.get("entity", {}).values():
        keys.update(platform)
    for section in ("exceptions", "issues", "services"):
        keys.update(strings.get(section, {}))
    return keys


def check_translation_keys(used: Iterable[str], strings: Mapping[str, Any]) -> list[str]:
    """Every translation key the code uses must have a string."""
    defined = defined_translation_keys(strings)
    return [f"translation_key {key!r} has no string" for key in sorted(set(used) - defined)]


def check_icons(icons: Mapping[str, Any], strings: Mapping[str, Any]) -> list[str]:
    """icons.json: known sections, mdi icons, and only keys that exist in strings.json."""
    problems = [f"unknown section {key!r}" for key in icons if key not in {"entity", "services"}]

    def valid(icon: object) -> bool:
        return isinstance(icon, str) and re.fullmatch(r"mdi:[a-z0-9-]+", icon) is not None

    for platform, entries in icons.get("entity", {}).items():
        if platform not in ENTITY_PLATFORMS:
            problems.append(f"entity.{platform}: not an entity platform")
            continue
        known = strings.get("entity", {}).get(platform, {})
        for key, entry in entries.items():
            if key not in known:
                problems.append(f"entity.{platform}.{key}: no such translation key")
            if not isinstance(entry, Mapping) or not (
                "default" in entry and valid(entry["default"])
            ):
                problems.append(f"entity.{platform}.{key}: needs a valid 'default' mdi icon")
                continue
            for state, icon in entry.get("state", {}).items():
                if not valid(icon):
                    problems.append(f"entity.{platform}.{key}.state.{state}: invalid icon")
    for service, entry in icons.get("services", {}).items():
        if service not in strings.get("services", {}):
            problems.append(f"services.{service}: no such service in strings.json")
        if not isinstance(entry, Mapping) or not valid(entry.get("service")):
            problems.append(f"services.{service}: needs a valid 'service' mdi icon")
    return problems


def check_entity_icons_complete(icons: Mapping[str, Any], strings: Mapping[str, Any]) -> list[str]:
    """Every translated entity has an icon (icon-translations rule)."""
    problems = []
    for platform, entries in strings.get("entity", {}).items():
        for key in entries:
            if key not in icons.get("entity", {}).get(platform, {}):
                problems.append(f"entity.{platform}.{key}: no icon in icons.json")
    return problems
