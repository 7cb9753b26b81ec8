#!/usr/bin/env node
// A second producer we did not write, for tests/ics_import_oracle.rs: builds
// a calendar with `ical.js` (npm; its own serialisation, folding and
// escaping) and writes it to FILE. ical.js has no zone database, so the
// calendar names IANA zones by TZID without VTIMEZONEs, as many web
// clients do.
//
// In six zones (half-hour and 45-minute offsets, both hemispheres, a zone
// that changes at midnight): weekly meetings across changes of offset with
// EXDATEs and a moved instance, monthly meetings on the second Tuesday,
// yearly all-day events, RDATE extras, and a meeting on the last weekday
// of the month (BYSETPOS).
//
// Usage: ics_write_icaljs.cjs FILE. Exit status 3 when ical.js cannot be
// loaded.
'use strict';
const fs = require('fs');
const ICAL = require('./load_icaljs.cjs');

const ZONES = [
  'Europe/London',
  'America/Chicago',
  'Pacific/Auckland',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Africa/Cairo',
];

function time(y, mo, d, h, mi) {
  return ICAL.Time.fromData({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0, isDate: false });
}

function date(y, mo, d) {
  return ICAL.Time.fromData({ year: y, month: mo, day: d, isDate: true });
}

function prop(name, values, tzid) {
  const p = new ICAL.Property(name);
  if (values.length === 1) {
    p.setValue(values[0]);
  } else {
    p.setValues(values);
  }
  if (tzid) {
    p.setParameter('tzid', tzid);
  }
  return p;
}

function event(cal, fields) {
  const v = new ICAL.Component('vevent');
  v.addPropertyWithValue('uid', fields.uid);
  v.addPropertyWithValue('dtstamp', ICAL.Time.fromData({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0, timezone: 'Z' }));
  v.addPropertyWithValue('summary', fields.summary);
  v.addProperty(prop('dtstart', [fields.start], fields.tzid));
  if (fields.end) v.addProperty(prop('dtend', [fields.end], fields.tzid));
  if (fields.duration) v.addPropertyWithValue('duration', ICAL.Duration.fromString(fields.duration));
  if (fields.rrule) v.addPropertyWithValue('rrule', ICAL.Recur.fromString(fields.rrule));
  if (fields.exdates) v.addProperty(prop('exdate', fields.exdates, fields.tzid));
  if (fields.rdates) v.addProperty(prop('rdate', fields.rdates, fields.tzid));
  if (fields.rid) v.addProperty(prop('recurrence-id', [fields.rid], fields.tzid));
  if (fields.sequence) v.addPropertyWithValue('sequence', fields.sequence);
  if (fields.status) v.addPropertyWithValue('status', fields.status);
  cal.addSubcomponent(v);
}

const cal = new ICAL.Component(['vcalendar', [], []]);
cal.updatePropertyWithValue('prodid', '-//diplomeet tests//ical.js//EN');
cal.updatePropertyWithValue('version', '2.0');
ZONES.forEach((tzid, i) => {
  // Weekly on Mondays and Thursdays at 08:30, from March to November.
  event(cal, {
    uid: `weekly-${i}@icaljs`,
    summary: `Weekly, ${tzid}; with a comma, and a semicolon`,
    tzid,
    start: time(2026, 3, 2, 8, 30),
    end: time(2026, 3, 2, 10, 0),
    rrule: 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261130T000000Z',
    exdates: [time(2026, 3, 12, 8, 30), time(2026, 4, 6, 8, 30)],
  });
  event(cal, {
    uid: `weekly-${i}@icaljs`,
    summary: 'Moved',
    tzid,
    start: time(2026, 3, 30, 15, 0),
    end: time(2026, 3, 30, 16, 0),
    rid: time(2026, 3, 30, 8, 30),
    sequence: 2,
  });
  // The second Tuesday of every month at 14:00, and two extra dates.
  event(cal, {
    uid: `monthly-${i}@icaljs`,
    summary: 'Second Tuesday',
    tzid,
    start: time(2026, 1, 13, 14, 0),
    duration: 'PT1H30M',
    rrule: 'FREQ=MONTHLY;BYDAY=2TU',
    rdates: [time(2026, 5, 20, 10, 0), time(2026, 10, 21, 10, 0)],
  });
  // The last weekday of the month at 17:00, 18 times.
  event(cal, {
    uid: `last-weekday-${i}@icaljs`,
    summary: 'Month-end report',
    tzid,
    start: time(2026, 1, 30, 17, 0),
    duration: 'PT30M',
    rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=18',
  });
  // A yearly all-day event (no zone: read in the caller's).
  event(cal, {
    uid: `national-day-${i}@icaljs`,
    summary: 'National day',
    start: date(2026, 2 + i, 10 + i),
    end: date(2026, 2 + i, 11 + i),
    rrule: 'FREQ=YEARLY',
  });
  // Every other day at 19:00 until mid-April (across Europe's change).
  event(cal, {
    uid: `alternate-${i}@icaljs`,
    summary: 'Evening calls',
    tzid,
    start: time(2026, 3, 20, 19, 0),
    duration: 'PT45M',
    rrule: 'FREQ=DAILY;INTERVAL=2;UNTIL=20260415T000000Z',
  });
});
fs.writeFileSync(process.argv[2], cal.toString() + '\r\n');
