#!/usr/bin/env python3
"""The zoneinfo side of tests/zone_sweep.rs: every zone, 1970-2037.

Reads requests on stdin, one a line, and writes one line per request, in order.
Only the standard library is used, and every answer comes from Python's
`zoneinfo` (the system tz database):

`table ZONE`
    The zone's UTC offsets over [1969-12-28, 2038-01-04) UTC as a step function:
    `ZONE INITIAL T:O T:O ...`, where INITIAL is the offset (seconds east of UTC)
    at the start and each T:O says that from the Unix time T on the offset is O.
    Derivation: the offset is asked of zoneinfo (`datetime.fromtimestamp`) every
    day at 00:00 UTC and one second either side of every transition time listed
    in the zone's TZif file; wherever two consecutive samples differ, the first
    second of the new offset is found by bisection (asking zoneinfo again), and
    the scan goes on from there, so several changes between two samples are all
    found. The TZif file is read only to choose where to look: every transition
    reported is a second at which zoneinfo's offset differs from the second
    before. A change of offset that zoneinfo makes and undoes within one day
    without the TZif file listing it could be missed; the tz rules (the TZif
    footer) never do that.

`near ZONE`
    Direct answers for every whole minute within two hours of each transition of
    the table: civil minutes from (T + min(before, after) - 2 h) to
    (T + max(before, after) + 2 h), and instants from T - 2 h to T + 2 h, the
    windows of one zone merged. Run-length coded:
    `ZONE C START:COUNT:P,P,P,P ... R START:COUNT:OFFSET ...`. For civil runs
    START is minutes since 1970-01-01T00:00 (naive) and each P is the answer
    under reject, earlier, later and compatible: `g` (a gap: rejected), `f` (a
    fold: rejected) or `READ/OFF`, meaning the result is the instant
    civil - READ seconds, shown at offset OFF (so its civil time is
    civil - READ + OFF). For instant runs START is Unix minutes and OFFSET the
    offset `fromtimestamp` gives (its civil time is checked here to be the
    instant plus that offset).

`civil ZONE YYYY-MM-DDTHH:MM:SS`
    The four answers, each `g`, `f` or `CIVIL@OFFSET` (the result's civil time
    and offset as zoneinfo gives them).

`instant ZONE UNIXSECONDS`
    `CIVIL@OFFSET` from `datetime.fromtimestamp(t, ZoneInfo(zone))`.

Resolution follows TC39 Temporal's disambiguation with PEP 495 folds, exactly
as tests/support/zoneinfo_oracle.py: in a gap fold=0 reads the civil time with
the offset before the transition, fold=1 with the offset after; `earlier`
takes fold=1, `later` and `compatible` fold=0. In a fold `earlier` and
`compatible` take fold=0 (the first occurrence), `later` fold=1.
"""
import os
import struct
import sys
import zoneinfo
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
EPOCH = datetime(1970, 1, 1)
START = int(datetime(1969, 12, 28, tzinfo=UTC).timestamp())
END = int(datetime(2038, 1, 4, tzinfo=UTC).timestamp())
DAY = 86400
WINDOW = 2 * 3600

# Legacy names read as upstream's links (see upstream_links.py).
from upstream_links import UPSTREAM_LINKS, zone  # noqa: E402

_tables = {}


def offset_at(z, t):
    return int(datetime.fromtimestamp(t, z).utcoffset().total_seconds())


def tzif_transitions(name):
    """The transition times the zone's TZif file lists (version 2+ data)."""
    key = UPSTREAM_LINKS.get(name, name)
    for base in zoneinfo.TZPATH:
        path = os.path.join(base, key)
        if os.path.isfile(path):
            break
    else:
        return []
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"TZif":
        return []

    def header(at):
        return struct.unpack(">6l", data[at + 20:at + 44])

    isutc, isstd, leap, timecnt, typecnt, charcnt = header(0)
    if data[4:5] < b"2":
        return list(struct.unpack(f">{timecnt}l", data[44:44 + 4 * timecnt]))
    skip = 44 + 5 * timecnt + 6 * typecnt + charcnt + 8 * leap + isstd + isutc
    isutc, isstd, leap, timecnt, typecnt, charcnt = header(skip)
    at = skip + 44
    return list(struct.unpack(f">{timecnt}q", data[at:at + 8 * timecnt]))


def table(name):
    """[(t, offset from t on)], the first entry being (START, initial offset)."""
    found = _tables.get(name)
    if found is not None:
        return found
    z = zone(name)
    samples = set(range(START, END, DAY))
    for t in tzif_transitions(name):
        if START < t < END:
            samples.update((t - 1, t))
    samples = sorted(samples)
    steps = [(START, offset_at(z, START))]
    lo, o = START, steps[0][1]
    for s in samples[1:]:
        while True:
            o2 = offset_at(z, s)
            if o2 == o:
                break
            # The first second after lo whose offset is not o.
            a, b = lo, s
            while b - a > 1:
                mid = (a + b) // 2
                if offset_at(z, mid) == o:
                    a = mid
                else:
                    b = mid
            o = offset_at(z, b)
            steps.append((b, o))
            lo = b
        lo = s
    _tables[name] = steps
    return steps


def token(r):
    return r.replace(tzinfo=None).strftime("%Y-%m-%dT%H:%M:%S") + "@" + str(
        int(r.utcoffset().total_seconds()))


def resolve4(z, naive):
    """The four results (reject, earlier, later, compatible) as aware datetimes,
    or "g" / "f" for a rejected gap or fold."""
    dt0 = naive.replace(tzinfo=z, fold=0)
    dt1 = naive.replace(tzinfo=z, fold=1)
    back = dt0.astimezone(UTC).astimezone(z)
    if back.replace(tzinfo=None) != naive:
        earlier = dt1.astimezone(UTC).astimezone(z)
        return ("g", earlier, back, back)
    if dt0.utcoffset() != dt1.utcoffset():
        return ("f", dt0, dt1, dt0)
    return (dt0, dt0, dt0, dt0)


def compact(naive, r):
    """`READ/OFF` for a result r of resolving `naive`."""
    if isinstance(r, str):
        return r
    instant = r.astimezone(UTC).replace(tzinfo=None)
    read = int((naive - instant).total_seconds())
    return f"{read}/{int(r.utcoffset().total_seconds())}"


def merged(windows):
    out = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def runs(items):
    """Run-length codes (minute, value) pairs of consecutive minutes."""
    out = []
    start = prev_m = prev_v = None
    count = 0
    for m, v in items:
        if prev_v is not None and v == prev_v and m == prev_m + 1:
            count += 1
        else:
            if prev_v is not None:
                out.append(f"{start}:{count}:{prev_v}")
            start, count = m, 1
        prev_m, prev_v = m, v
    if prev_v is not None:
        out.append(f"{start}:{count}:{prev_v}")
    return out


def near(name):
    z = zone(name)
    steps = table(name)
    civil_windows, instant_windows = [], []
    for (_, before), (t, after) in zip(steps, steps[1:]):
        lo, hi = min(before, after), max(before, after)
        civil_windows.append(((t + lo - WINDOW) // 60, (t + hi + WINDOW) // 60 + 1))
        instant_windows.append(((t - WINDOW) // 60, (t + WINDOW) // 60 + 1))
    civil = []
    minute = timedelta(minutes=1)
    for a, b in merged(civil_windows):
        naive = EPOCH + timedelta(minutes=a)
        for m in range(a, b):
            answers = resolve4(z, naive)
            civil.append((m, ",".join(compact(naive, r) for r in answers)))
            naive += minute
    instants = []
    for a, b in merged(instant_windows):
        for m in range(a, b):
            r = datetime.fromtimestamp(m * 60, z)
            off = int(r.utcoffset().total_seconds())
            if r.replace(tzinfo=None) != EPOCH + timedelta(seconds=m * 60 + off):
                raise AssertionError(f"{name} {m}: civil time is not instant + offset")
            instants.append((m, off))
    return " ".join([name, "C", *runs(civil), "R", *runs(instants)])


def answer(line):
    fields = line.split()
    kind, name = fields[0], fields[1]
    if kind == "table":
        steps = table(name)
        return " ".join([name, str(steps[0][1]), *(f"{t}:{o}" for t, o in steps[1:])])
    if kind == "near":
        return near(name)
    if kind == "civil":
        naive = datetime.strptime(fields[2], "%Y-%m-%dT%H:%M:%S")
        return " ".join(r if isinstance(r, str) else token(r) for r in resolve4(zone(name), naive))
    if kind == "instant":
        return token(datetime.fromtimestamp(int(fields[2]), zone(name)))
    raise ValueError(f"unknown request {kind!r}")


def main():
    out = sys.stdout
    for raw in sys.stdin:
        raw = raw.strip()
        if raw:
            out.write(answer(raw) + "\n")
            if raw.startswith(("table", "near")):
                out.flush()


if __name__ == "__main__":
    main()
