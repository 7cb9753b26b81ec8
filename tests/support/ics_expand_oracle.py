#!/usr/bin/env python3
"""The oracle for tests/ics_import*.rs: expands an iCalendar file with
Python's `recurring-ical-events` (on top of `icalendar`) and prints every
occurrence that overlaps the window [FROM, TO), one a line, sorted:

    START END UID BUSY

START and END are UTC instants as Unix seconds; BUSY is 1 unless the
occurrence's component is cancelled (STATUS:CANCELLED) or transparent
(TRANSP:TRANSPARENT). Floating times and dates are read in ZONE (an IANA
name): a date is its midnight there, a floating time its civil time there,
and a civil time that does not exist is read with the offset before the gap
(Python's fold=0), as RFC 5545 3.3.5 says. The overlap rule is the one
diplomeet documents: an occurrence that lasts no time overlaps when its
start lies in the window, any other when it starts before TO and ends after
FROM.

The package is asked for a wider span (40 days either side) and the window
is applied here, so that its own edge rules play no part.

Usage: ics_expand_oracle.py FILE FROM TO ZONE, FROM and TO as
YYYY-MM-DDTHH:MM:SS (UTC). One file per process: icalendar caches the
zones of the VTIMEZONEs it has read for the life of the process.

Exit status 3 with a message when a package cannot be imported (the test
then skips, or fails under DIPLOMEET_REQUIRE_ORACLES=1); the first line of
standard error names the versions.
"""
import sys
from datetime import date, datetime, timedelta, timezone

try:
    import icalendar
    import recurring_ical_events
    import zoneinfo
except ImportError as e:  # pragma: no cover
    print(f"oracle packages not importable: {e}", file=sys.stderr)
    sys.exit(3)


def to_utc(value, zone):
    """A DTSTART/DTEND value as an aware UTC datetime."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone, fold=0)
        return value.astimezone(timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=zone).astimezone(timezone.utc)
    raise SystemExit(f"unexpected value {value!r}")


def main():
    path, start, stop, zone_name = sys.argv[1:5]
    zone = zoneinfo.ZoneInfo(zone_name)
    lo = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)
    hi = datetime.fromisoformat(stop).replace(tzinfo=timezone.utc)
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    query = recurring_ical_events.of(calendar)
    out = []
    for event in query.between(lo - timedelta(days=40), hi + timedelta(days=40)):
        s = to_utc(event["DTSTART"].dt, zone)
        e = to_utc(event["DTEND"].dt, zone) if "DTEND" in event else s
        if s == e:
            inside = lo <= s < hi
        else:
            inside = s < hi and e > lo
        if not inside:
            continue
        status = str(event.get("STATUS", "")).upper()
        transp = str(event.get("TRANSP", "")).upper()
        busy = 0 if status == "CANCELLED" or transp == "TRANSPARENT" else 1
        out.append(f"{int(s.timestamp())} {int(e.timestamp())} {event.get('UID', '')} {busy}")
    for line in sorted(out):
        print(line)


if __name__ == "__main__":
    main()
