"""The legacy zone names that the zoneinfo oracles read as upstream's links,
shared by tests/support/zoneinfo_oracle.py and tests/support/zone_sweep_oracle.py
(both run with this directory first on sys.path).

Since tzdb 2024b these names are links in upstream's `backward` file, and
chrono-tz 0.10.4 (tzdb 2025b) embeds them so. Debian's tzdata package
(2025b-0+deb12u2) still builds them as zones of their own with the pre-2024b
rules (WET, for one, stays at +00:00 in 1992-1996 when Portugal kept +01:00).
The oracles read them as upstream does; tests/zoneinfo_diff.rs
(`legacy_zones_agree_with_their_upstream_links`) checks chrono-tz's side.
"""

from zoneinfo import ZoneInfo

UPSTREAM_LINKS = {
    "CET": "Europe/Brussels",
    "CST6CDT": "America/Chicago",
    "EET": "Europe/Athens",
    "EST": "America/Panama",
    "EST5EDT": "America/New_York",
    "HST": "Pacific/Honolulu",
    "MET": "Europe/Brussels",
    "MST": "America/Phoenix",
    "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles",
    "WET": "Europe/Lisbon",
}

_zones = {}


def zone(name):
    """The zone `name` (a legacy name read as its upstream link), loaded once."""
    z = _zones.get(name)
    if z is None:
        z = ZoneInfo(UPSTREAM_LINKS.get(name, name))
        _zones[name] = z
    return z
