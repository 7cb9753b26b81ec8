#!/usr/bin/env node
// A second real client for tests/export_ics.rs: parses an iCalendar file with
// `ical.js` (npm), registers the calendar's own VTIMEZONEs (the zone database
// is never consulted: ical.js has none), and prints for every VEVENT one line
// (the format of ics_oracle.py):
//
//     UID START END END_LOCAL
//
// START and END as Unix seconds, END_LOCAL the end's civil time on the start's
// zone as our VTIMEZONE gives it (`-` for a start in UTC), or
// `UID date YYYYMMDD YYYYMMDD` for a date (the first day, the day after the
// last).
//
// The end is DTSTART + DURATION as RFC 5545 3.3.6 defines it: weeks and days
// nominal (added to the civil time, read through our VTIMEZONE), hours,
// minutes and seconds exact (added to the instant). ical.js's own
// `Event.endDate` adds every unit on the wall clock (`Time.addDuration`), so
// `PT24H` across a change of offset would come out 23 or 25 hours long there:
// the nominal part is added with ical.js, the exact part here.
// Any parse error exits non-zero. Exit status 3 when ical.js cannot be loaded
// (the test then skips).
'use strict';
const fs = require('fs');
const ICAL = require('./load_icaljs.cjs');
const p = (n, w) => String(n).padStart(w, '0');
const civil = (t) =>
  `${p(t.year, 4)}${p(t.month, 2)}${p(t.day, 2)}T${p(t.hour, 2)}${p(t.minute, 2)}${p(t.second, 2)}`;
const text = fs.readFileSync(process.argv[2], 'utf8');
const cal = new ICAL.Component(ICAL.parse(text));
for (const vtz of cal.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(vtz);
}
for (const v of cal.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(v);
  const start = ev.startDate;
  const dur = ev.duration && v.hasProperty('duration') ? ev.duration : null;
  const sign = dur && dur.isNegative ? -1 : 1;
  const days = dur ? sign * (7 * dur.weeks + dur.days) : 0;
  const seconds = dur ? sign * (3600 * dur.hours + 60 * dur.minutes + dur.seconds) : 0;
  if (start.isDate) {
    if (seconds !== 0) throw new Error(`${ev.uid}: a date with an exact duration`);
    const after = start.clone();
    after.adjust(dur ? days : 1, 0, 0, 0);
    const d = (t) => `${p(t.year, 4)}${p(t.month, 2)}${p(t.day, 2)}`;
    console.log(`${ev.uid} date ${d(start)} ${d(after)}`);
  } else {
    const nominal = start.clone();
    nominal.adjust(days, 0, 0, 0);
    const end = nominal.toUnixTime() + seconds;
    let endLocal = '-';
    if (start.zone && start.zone !== ICAL.Timezone.utcTimezone && start.zone.tzid !== 'UTC') {
      // The end on the start's clock, found with local-to-UTC lookups only
      // (ical.js's UTC-to-zone conversion looks the offset up with the UTC
      // time as if it were local, which is off near a change): the exact
      // seconds added on the wall clock, then corrected by what our
      // VTIMEZONE says that wall time is, until it is the end.
      const t = nominal.clone();
      t.adjust(0, 0, 0, seconds);
      for (let i = 0; i < 3 && t.toUnixTime() !== end; i++) {
        t.adjust(0, 0, 0, end - t.toUnixTime());
      }
      endLocal = t.toUnixTime() === end ? civil(t) : '?';
    }
    console.log(`${ev.uid} ${start.toUnixTime()} ${end} ${endLocal}`);
  }
  // Touch every property so that a value ical.js cannot read fails here.
  for (const prop of v.getAllProperties()) {
    prop.getValues();
  }
  if (ev.duration) ev.duration.toSeconds();
}
