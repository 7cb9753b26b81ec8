#!/usr/bin/env node
// A second real client for tests/export_ics.rs: parses an iCalendar file with
// `ical.js` (npm), registers the calendar's own VTIMEZONEs (the zone database
// is never consulted: ical.js has none), and prints for every VEVENT its UID
// and the UTC instant of its start as Unix seconds (`UID SECONDS`), or
// `UID date YYYYMMDD` for a date. Any parse error exits non-zero.
// Exit status 3 when ical.js cannot be loaded (the test then skips).
'use strict';
const fs = require('fs');
let ICAL;
try {
  ICAL = require('ical.js');
} catch (e) {
  console.error(`ical.js not loadable: ${e.message}`);
  process.exit(3);
}
const text = fs.readFileSync(process.argv[2], 'utf8');
const cal = new ICAL.Component(ICAL.parse(text));
for (const vtz of cal.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(vtz);
}
for (const v of cal.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(v);
  const start = ev.startDate;
  if (start.isDate) {
    const p = (n, w) => String(n).padStart(w, '0');
    console.log(`${ev.uid} date ${p(start.year, 4)}${p(start.month, 2)}${p(start.day, 2)}`);
  } else {
    console.log(`${ev.uid} ${start.toUnixTime()}`);
  }
  // Touch every property so that a value ical.js cannot read fails here.
  for (const prop of v.getAllProperties()) {
    prop.getValues();
  }
  if (ev.duration) ev.duration.toSeconds();
}
