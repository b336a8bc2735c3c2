"""Aqara Zigbee (integration entry points are being assembled)."""
