#!/usr/bin/env python3
"""A producer we did not write, for tests/ics_import_oracle.rs: builds a
calendar with Python's `icalendar` package (its own VTIMEZONEs, added with
`add_missing_timezones`, its own folding and escaping) and writes it to
FILE.

The calendar has, in six zones on both sides of the equator, recurring
events across changes of offset: weekly meetings with EXDATEs and moved
instances (RECURRENCE-ID), monthly last-Friday meetings, daily ones with a
COUNT, all-day weekly events, extra dates (RDATE), a cancelled instance and
a transparent event.

Usage: ics_write_icalendar.py FILE. Exit status 3 when the package cannot
be imported.
"""
import sys
from datetime import date, datetime, timedelta

try:
    import icalendar
    import zoneinfo
except ImportError as e:  # pragma: no cover
    print(f"icalendar not importable: {e}", file=sys.stderr)
    sys.exit(3)

ZONES = [
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "America/Santiago",
    "Asia/Tokyo",
    "Asia/Kolkata",
]


def event(uid, summary, start, end=None, duration=None):
    e = icalendar.Event()
    e.add("uid", uid)
    e.add("dtstamp", datetime(2026, 1, 1, 0, 0, 0, tzinfo=zoneinfo.ZoneInfo("UTC")))
    e.add("summary", summary)
    e.add("dtstart", start)
    if end is not None:
        e.add("dtend", end)
    if duration is not None:
        e.add("duration", duration)
    return e


def main():
    cal = icalendar.Calendar()
    cal.add("prodid", "-//diplomeet tests//python icalendar//EN")
    cal.add("version", "2.0")
    for i, name in enumerate(ZONES):
        tz = zoneinfo.ZoneInfo(name)
        # Weekly at 09:00 from early March, over the changes of offset of
        # both hemispheres; two instances removed, one moved, one cancelled.
        start = datetime(2026, 3, 2 + i % 3, 9, 0, tzinfo=tz)
        weekly = event(f"weekly-{i}@icalendar", f"Weekly, {name}", start, end=start + timedelta(hours=1))
        weekly.add("rrule", {"freq": "weekly", "until": datetime(2026, 12, 1, tzinfo=zoneinfo.ZoneInfo("UTC"))})
        weekly.add("exdate", [start + timedelta(weeks=3), start + timedelta(weeks=5)])
        cal.add_component(weekly)
        moved = event(
            f"weekly-{i}@icalendar",
            f"Weekly, {name}, moved",
            start + timedelta(weeks=7, hours=5),
            end=start + timedelta(weeks=7, hours=6, minutes=30),
        )
        moved.add("recurrence-id", start + timedelta(weeks=7))
        moved.add("sequence", 1)
        cal.add_component(moved)
        cancelled = event(f"weekly-{i}@icalendar", "cancelled", start + timedelta(weeks=9), end=start + timedelta(weeks=9, hours=1))
        cancelled.add("recurrence-id", start + timedelta(weeks=9))
        cancelled.add("status", "CANCELLED")
        cal.add_component(cancelled)
        # The last Friday of each month at 16:30, with an extra date.
        s = datetime(2026, 1, 30, 16, 30, tzinfo=tz)
        monthly = event(f"monthly-{i}@icalendar", "Last Friday", s, duration=timedelta(minutes=45))
        monthly.add("rrule", {"freq": "monthly", "byday": "-1FR", "count": 14})
        monthly.add("rdate", [datetime(2026, 6, 10, 11, 0, tzinfo=tz)])
        cal.add_component(monthly)
        # Every third day at 07:15 for 40 instances.
        s = datetime(2026, 2, 20 + i, 7, 15, tzinfo=tz)
        daily = event(f"daily-{i}@icalendar", "Every third day", s, duration=timedelta(minutes=20))
        daily.add("rrule", {"freq": "daily", "interval": 3, "count": 40})
        cal.add_component(daily)
        # An all-day weekly event on Wednesdays, and a transparent reminder.
        d = date(2026, 3, 4)
        allday = event(f"allday-{i}@icalendar", "Wednesday travel", d, end=d + timedelta(days=1))
        allday.add("rrule", {"freq": "weekly", "count": 10})
        cal.add_component(allday)
        free = event(f"free-{i}@icalendar", "Reminder", datetime(2026, 4, 1, 12, 0, tzinfo=tz), duration=timedelta(hours=1))
        free.add("transp", "TRANSPARENT")
        cal.add_component(free)
    cal.add_missing_timezones()
    with open(sys.argv[1], "wb") as f:
        f.write(cal.to_ical())


if __name__ == "__main__":
    main()
