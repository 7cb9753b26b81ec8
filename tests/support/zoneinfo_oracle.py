#!/usr/bin/env python3
"""An independent oracle for examples/localtime and tests/zoneinfo_diff.rs.

Reads lines `ZONE CIVIL POLICY` on stdin and writes one line per input line, in
the same format as examples/localtime: the RFC 9557 string, or
`error gap|fold|zone|input MESSAGE`. It implements TC39 Temporal's
disambiguation with Python's zoneinfo (PEP 495 folds):

* gap: the civil time does not survive a round trip through UTC; fold=0 gives the
  offset before the transition, fold=1 the offset after. `earlier` reads the time
  with the offset after (fold=1), `later` and `compatible` with the offset before
  (fold=0);
* fold: fold=0 and fold=1 give different offsets; `earlier` and `compatible`
  take fold=0 (the first occurrence), `later` fold=1.

Only the standard library is used. Input errors are reported coarsely: the
differential test feeds well-formed lines only.
"""
import re
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfoNotFoundError

CIVIL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$")
POLICIES = ("reject", "earlier", "later", "compatible")

# Legacy names read as upstream's links (see upstream_links.py).
from upstream_links import zone  # noqa: E402


def offset_text(td):
    secs = int(td.total_seconds())
    sign = "-" if secs < 0 else "+"
    secs = abs(secs)
    h, m, s = secs // 3600, secs // 60 % 60, secs % 60
    return f"{sign}{h:02}:{m:02}" + (f":{s:02}" if s else "")


def civil_text(dt, nanos):
    text = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if nanos:
        text += "." + f"{nanos:09}".rstrip("0")
    return text


def answer(line):
    fields = line.split()
    if not fields:
        return "error input empty line"
    if len(fields) != 3:
        return f"error input expected 3 fields (ZONE CIVIL POLICY), found {len(fields)}"
    name, civil, policy = fields
    try:
        z = zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return f'error zone unknown time zone "{name}"'
    m = CIVIL.match(civil)
    if not m or policy not in POLICIES:
        return "error input"
    y, mo, d, h, mi = (int(g) for g in m.groups()[:5])
    s = int(m.group(6) or 0)
    nanos = int((m.group(7) or "").ljust(9, "0") or 0)
    try:
        naive = datetime(y, mo, d, h, mi, s)
    except ValueError:
        return "error input"
    dt0 = naive.replace(tzinfo=z, fold=0)
    dt1 = naive.replace(tzinfo=z, fold=1)
    o0, o1 = dt0.utcoffset(), dt1.utcoffset()
    back = dt0.astimezone(timezone.utc).astimezone(z)
    gap = back.replace(tzinfo=None) != naive
    if gap:
        if policy == "reject":
            return (f"error gap {civil_text(naive, nanos)} does not exist in {name}: it falls "
                    f"in a gap where the offset changes from {offset_text(o0)} to {offset_text(o1)}")
        chosen = dt1 if policy == "earlier" else dt0
        result = chosen.astimezone(timezone.utc).astimezone(z)
    elif o0 != o1:
        if policy == "reject":
            return (f"error fold {civil_text(naive, nanos)} is ambiguous in {name}: it occurs at "
                    f"offset {offset_text(o0)} and again at {offset_text(o1)}")
        result = dt1 if policy == "later" else dt0
    else:
        result = dt0
    return civil_text(result, nanos) + offset_text(result.utcoffset()) + f"[{name}]"


def main():
    out = sys.stdout
    for raw in sys.stdin.buffer:
        raw = raw.rstrip(b"\n").rstrip(b"\r")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            out.write("error input line is not valid UTF-8\n")
            continue
        out.write(answer(line) + "\n")


if __name__ == "__main__":
    main()
