#!/usr/bin/env python3
"""A real client for tests/export_ics.rs: reads an iCalendar file with the
`icalendar` package (PyPI) and prints, for every VEVENT, one line in file
order:

    UID START END END_LOCAL

START and END are UTC instants as Unix seconds, END_LOCAL the end's civil
time (YYYYMMDDTHHMMSS) on the clock of the start's TZID as OUR VTIMEZONE
gives it (`-` for a start written in UTC). A date (VALUE=DATE) prints
`UID date YYYYMMDD YYYYMMDD`, the first day and the day after the last.

A DTSTART with a TZID is read through the calendar's OWN VTIMEZONE of that
TZID (`Timezone.to_tz(lookup_tzid=False)`), never through a zone database:
the point is to check that our VTIMEZONE alone gives the right instants.
The civil time is taken from the property's raw text, so the package's own
TZID lookup plays no part. A civil time that occurs twice is read as its
first occurrence (fold=0), as RFC 5545 3.3.5 says.

The end is DTSTART + DURATION as RFC 5545 3.3.6 defines it, computed here
from the raw DURATION text rather than with Python's `datetime +
timedelta` (which adds on the wall clock whatever the unit): the days and
weeks are nominal (added to the civil time, then read through our
VTIMEZONE), the hours, minutes and seconds exact (added to the instant). So
a `P1D` after a time across a change of offset ends 23 or 25 hours later,
and `PT24H` 24 hours later. No DURATION: a time ends when it starts, a date
is one day.

Usage: ics_oracle.py FILE.ics... (the lines of each file in turn). Exit
status 3 with a message when the package cannot be imported (the test then
skips).
"""
import re
import sys
from datetime import datetime, timedelta, timezone

try:
    import icalendar
except ImportError as e:  # pragma: no cover
    print(f"icalendar not importable: {e}", file=sys.stderr)
    sys.exit(3)

DUR = re.compile(r"^([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def parse_duration(raw):
    """(nominal days, exact seconds) of an RFC 5545 dur-value."""
    m = DUR.match(raw)
    if not m:
        raise SystemExit(f"bad DURATION {raw!r}")
    sign = -1 if m.group(1) == "-" else 1
    w, d, h, mi, s = (int(g or 0) for g in m.groups()[1:])
    return sign * (7 * w + d), sign * (3600 * h + 60 * mi + s)


def raw_durations(text):
    """The DURATION value of each VEVENT as written (None where absent), in
    order: the package re-serialises `PT24H` as `P1D`, so its value cannot
    tell a nominal day from 24 exact hours."""
    out = []
    for line in text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n"):
        if line == "BEGIN:VEVENT":
            out.append(None)
        elif out and line.startswith("DURATION") and ":" in line:
            out[-1] = line.split(":", 1)[1]
    return out


def local_of(instant, guess, tz):
    """The civil time (YYYYMMDDTHHMMSS) at which `tz` shows `instant`, found
    with civil-to-UTC lookups only, starting from `guess` (the package's
    UTC-to-civil conversion fails on offsets that change by 24 hours, as
    Apia's did in 2011): each pass corrects the guess by how far it is off.
    `?` when no civil time fits."""
    t = guess
    for _ in range(4):
        for fold in (0, 1):
            if int(t.replace(tzinfo=tz, fold=fold).timestamp()) == instant:
                return f"{t.year:04d}" + t.strftime("%m%dT%H%M%S")
        t += timedelta(seconds=instant - int(t.replace(tzinfo=tz, fold=0).timestamp()))
    return "?"


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    cal = icalendar.Calendar.from_ical(data)
    durations = raw_durations(data.decode("utf-8"))
    zones = {}
    for vtz in cal.walk("VTIMEZONE"):
        tzid = str(vtz["TZID"])
        zones[tzid] = vtz.to_tz(lookup_tzid=False)
    for ev, duration in zip(cal.walk("VEVENT"), durations, strict=True):
        uid = str(ev["UID"])
        prop = ev["DTSTART"]
        raw = prop.to_ical().decode()
        tzid = prop.params.get("TZID")
        days, seconds = (0, 0)
        if duration is not None:
            days, seconds = parse_duration(duration)
        if prop.params.get("VALUE") == "DATE" or len(raw) == 8:
            if seconds:
                raise SystemExit(f"{uid}: a date with an exact duration")
            first = datetime.strptime(raw, "%Y%m%d").date()
            after = first + timedelta(days=days if duration is not None else 1)
            print(f"{uid} date {raw} {after.strftime('%Y%m%d')}")
            continue
        if raw.endswith("Z"):
            civil = datetime.strptime(raw, "%Y%m%dT%H%M%SZ")
            tz = timezone.utc
        else:
            if tzid is None or str(tzid) not in zones:
                raise SystemExit(f"{uid}: DTSTART {raw} has no VTIMEZONE for TZID {tzid}")
            civil = datetime.strptime(raw, "%Y%m%dT%H%M%S")
            tz = zones[str(tzid)]
        start = civil.replace(tzinfo=tz, fold=0)
        # Nominal days on the civil clock, then exact seconds on the instant.
        end_nominal = (civil + timedelta(days=days)).replace(tzinfo=tz, fold=0)
        end = int(end_nominal.timestamp()) + seconds
        if tz is timezone.utc:
            end_local = "-"
        else:
            end_local = local_of(end, civil + timedelta(days=days, seconds=seconds), tz)
        print(f"{uid} {int(start.timestamp())} {end} {end_local}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        main(arg)
