#!/usr/bin/env python3
"""A real client for tests/export_ics.rs: reads an iCalendar file with the
`icalendar` package (PyPI) and prints, for every VEVENT, its UID and the UTC
instant of its DTSTART as Unix seconds, one `UID SECONDS` line per event, in
file order.

A DTSTART with a TZID is read through the calendar's OWN VTIMEZONE of that
TZID (`Timezone.to_tz(lookup_tzid=False)`), never through a zone database:
the point is to check that our VTIMEZONE alone gives the right instant. The
civil time is taken from the property's raw text, so the package's own TZID
lookup plays no part. A civil time that occurs twice is read as its first
occurrence (fold=0), as RFC 5545 3.3.5 says. A date (VALUE=DATE) prints
`UID date YYYYMMDD`.

Usage: ics_oracle.py FILE.ics... (the lines of each file in turn). Exit status 3 with a message when the package
cannot be imported (the test then skips).
"""
import sys
from datetime import datetime, timezone

try:
    import icalendar
except ImportError as e:  # pragma: no cover
    print(f"icalendar not importable: {e}", file=sys.stderr)
    sys.exit(3)


def main(path):
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        zones[tzid] = vtz.to_tz(lookup_tzid=False)
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        prop = ev["DTSTART"]
        raw = prop.to_ical().decode()
        tzid = prop.params.get("TZID")
        if prop.params.get("VALUE") == "DATE" or len(raw) == 8:
            print(f"{uid} date {raw}")
            continue
        if raw.endswith("Z"):
            t = datetime.strptime(raw, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        else:
            if tzid is None or str(tzid) not in zones:
                raise SystemExit(f"{uid}: DTSTART {raw} has no VTIMEZONE for TZID {tzid}")
            civil = datetime.strptime(raw, "%Y%m%dT%H%M%S")
            t = civil.replace(tzinfo=zones[str(tzid)], fold=0)
        print(f"{uid} {int(t.timestamp())}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        main(arg)
