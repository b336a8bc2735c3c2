"""Lumi (Xiaomi/Aqara) Zigbee protocol helpers: heartbeat TLV decoding and zigpy clusters."""
