#!/usr/bin/env python3
"""Writes the costliest JSON documents we can think of for the reader's
memory, each close to a target size (16 MiB by default, the reader's limit).

    python3 tools/gen_worst_docs.py OUT_DIR [TARGET_BYTES] [CASE ...]

Each document is one shape repeated until the target is reached, within the
count limits of `diplomeet::Limits` (200 items per agenda list, 4 levels of
items, 500 entries or topics per item, 100 ids, keywords, aliases, posts or
members per list, 256 participants): the smallest element of each kind, many
times, valid where the shape allows it and invalid where the shape is
violations. `tests/memory.rs` builds the same shapes in Rust at a smaller
scale and counts the bytes the reader allocates; this script is for
measuring the `check` example's peak RSS at full scale:

    cargo build --release --features json --example check
    python3 tools/gen_worst_docs.py target/worst
    for f in target/worst/*.json; do
        /usr/bin/time -f "%M KiB $f" target/release/examples/check "$f" >/dev/null 2>&1
    done

(`/usr/bin/time` writes to standard error: drop the redirection of 2 to see
it, or use `-o FILE`.) Pure standard library; the documents are written
compact, as the library writes them.
"""

import json
import os
import sys

MIB = 1024 * 1024
MAX_ITEMS = 200
MAX_ENTRIES = 500
MAX_LIST = 100
MAX_PARTICIPANTS = 256
MAX_DEPTH = 4


def short_ids(n, skip=()):
    """n distinct ids of one or two visible ASCII characters."""
    alphabet = [chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\']
    out = [a for a in alphabet if a not in skip]
    for a in alphabet:
        for b in alphabet:
            out.append(a + b)
    return [x for x in out if x not in skip][:n]


def participant(pid, country, surname):
    return {
        "id": pid,
        "name": {"surname": surname},
        "country": country,
        "posts": [{"portfolio": "foreign_affairs", "title": "M"}],
    }


def base(participants=None):
    if participants is None:
        participants = [participant("a", "JP", "A"), participant("b", "CL", "B")]
    return {
        "format": "diplomeet/2",
        "title": "T",
        "mode": "telephone",
        "zone": "Asia/Tokyo",
        "start": "2024-01-10T20:30:00+09:00[Asia/Tokyo]",
        "participants": participants,
        "agenda": [],
        "sources": [],
    }


def many_participants(n=MAX_PARTICIPANTS):
    ids = short_ids(n)
    return [
        participant(pid, "JP" if i % 2 else "CL", "S%d" % i)
        for i, pid in enumerate(ids)
    ], ids


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def fill_agenda(doc, unit_field, unit, target, per_item):
    """Fills the agenda with up to 200 items (the most a meeting may have,
    sub-items included) holding `per_item` copies of `unit` in
    `unit_field`, until the document reaches `target` bytes or the limits:
    a shape whose cheapest element is small is smaller than `target`."""
    head = len(dump(doc).encode())
    unit_len = len(dump(unit).encode()) + 1
    item_len = unit_len * per_item + len(unit_field) + 8
    n = max(1, min(MAX_ITEMS, (target - head) // item_len))
    doc["agenda"] = [{unit_field: [unit] * per_item} for _ in range(n)]
    return doc


def items_tree(item, n):
    """n copies of `item` as a tree of sub-items, at most four levels."""
    per = max(1, round(n ** 0.25))
    def level(depth, left):
        out = []
        while left[0] > 0 and len(out) < per:
            node = dict(item)
            left[0] -= 1
            if depth < MAX_DEPTH:
                sub = level(depth + 1, left)
                if sub:
                    node["items"] = sub
            out.append(node)
        return out
    left = [n]
    top = []
    while left[0] > 0:
        top.extend(level(1, left))
    return top


def fill_items(doc, item, target):
    """200 copies of `item` (the most a meeting may have) as a tree of
    sub-items, four levels deep: a small document, whatever `target`."""
    doc["agenda"] = items_tree(item, MAX_ITEMS)
    return doc


def case_keywords(target):
    kws = short_ids(MAX_LIST)
    topic = {"category": "other", "label": "t", "keywords": kws}
    return fill_agenda(base(), "topics", topic, target, MAX_ENTRIES)


def case_aliases(target):
    topic = {"category": "other", "label": "t", "aliases": short_ids(MAX_LIST)}
    return fill_agenda(base(), "topics", topic, target, MAX_ENTRIES)


def case_topics_tiny(target):
    topic = {"category": "other", "label": "t"}
    return fill_agenda(base(), "topics", topic, target, MAX_ENTRIES)


def case_who_ids(target):
    ps, ids = many_participants()
    entry = {"who": ids[:MAX_LIST], "verb": "agreed", "text": "x"}
    return fill_agenda(base(ps), "entries", entry, target, MAX_ENTRIES)


def case_entries_tiny(target):
    entry = {"who": ["a"], "verb": "stated", "text": "x"}
    return fill_agenda(base(), "entries", entry, target, MAX_ENTRIES)


def case_entries_over_limit(target):
    # More entries per item than allowed: each list counted, not kept.
    entry = {"who": ["a"], "verb": "stated", "text": "x"}
    return fill_agenda(base(), "entries", entry, target, 2000)


def case_entries_worded(target):
    entry = {"who": ["a"], "verb": "stated", "wording": "w", "text": "x", "source": 0}
    doc = base()
    doc["sources"] = [{"url": "https://example.org/"}]
    return fill_agenda(doc, "entries", entry, target, MAX_ENTRIES)


def case_unknown_speakers(target):
    entry = {"who": ["zz"], "verb": "stated", "text": "x"}
    return fill_agenda(base(), "entries", entry, target, MAX_ENTRIES)


def case_unknown_who_lists(target):
    entry = {"who": short_ids(MAX_LIST, skip=("a", "b")), "verb": "agreed", "text": "x"}
    return fill_agenda(base(), "entries", entry, target, MAX_ENTRIES)


def case_bad_verbs(target):
    entry = {"who": ["a"], "verb": "v" * 200, "text": "x"}
    return fill_agenda(base(), "entries", entry, target, MAX_ENTRIES)


def case_blank_texts(target):
    # Invisible-only texts: a violation each, echoing nothing long.
    entry = {"who": ["a"], "verb": "stated", "text": "\u200b"}
    return fill_agenda(base(), "entries", entry, target, MAX_ENTRIES)


def case_items_label(target):
    return fill_items(base(), {"label": "a"}, target)


def case_items_over_limit(target):
    # Far more items than a meeting may have, nested: refused, each counted
    # without being kept.
    doc = base()
    head = len(dump(doc).encode())
    leaf = {"label": "a"}
    chain = leaf
    for _ in range(MAX_DEPTH + 2):
        chain = {"label": "a", "items": [leaf, chain]}
    unit = len(dump(chain).encode()) + 1
    doc["agenda"] = [chain] * ((target - head) // unit)
    return doc


def case_long_text(target):
    doc = base()
    head = len(dump(doc).encode()) + 60
    doc["agenda"] = [{"entries": [{"who": ["a"], "verb": "stated", "text": "x" * (target - head)}]}]
    return doc


def case_long_text_escaped(target):
    doc = base()
    head = len(dump(doc).encode()) + 60
    n = (target - head) // 6
    # Written with escapes by hand below (json.dumps would not escape é).
    doc["agenda"] = [{"entries": [{"who": ["a"], "verb": "stated", "text": "@@TEXT@@"}]}]
    return dump(doc).replace("@@TEXT@@", "\\u00e9" * n)


def case_long_texts_many(target):
    # Many texts just over max_text_len: a violation each.
    entry = {"who": ["a"], "verb": "stated", "text": "x" * 20001}
    return fill_agenda(base(), "entries", entry, target, 4)


def case_texts_max(target):
    # Texts of max_text_len characters, as many as fit: a valid document of
    # long texts.
    entry = {"who": ["a"], "verb": "stated", "text": "x" * 20000}
    return fill_agenda(base(), "entries", entry, target, 4)


def case_participants_posts(target):
    ids = short_ids(MAX_PARTICIPANTS)
    posts = [{"portfolio": "other", "title": "t%d" % i} for i in range(MAX_LIST)]
    ps = [
        {"id": pid, "name": {"surname": "S%d" % i}, "country": "JP" if i % 2 else "CL", "posts": posts}
        for i, pid in enumerate(ids)
    ]
    return base(ps)


def case_groups(target):
    ids = short_ids(MAX_PARTICIPANTS)
    codes = ["AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW",
             "AX", "AZ", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN",
             "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG",
             "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ",
             "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI",
             "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL",
             "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR"]
    ps = [{"id": pid, "group": {"name": "g", "members": codes[:MAX_LIST]}} for pid in ids]
    return base(ps)


def case_actors_zones(target):
    # Every custom actor code, each with 100 zones (the shortest names).
    codes = ["AA", "ZZ"] + ["Q" + chr(c) for c in range(ord("M"), ord("Z") + 1)] + [
        "X" + chr(c) for c in range(ord("A"), ord("Z") + 1) if chr(c) != "K"
    ]
    zones = ["UTC", "GMT", "EST", "MST", "HST", "UCT", "CET", "EET", "MET", "WET", "PRC", "ROC",
             "ROK", "NZ", "GB", "W-SU", "Zulu", "Cuba", "Eire", "Iran", "Japan", "Egypt", "Libya",
             "Israel", "Poland", "Turkey", "Greenwich", "Iceland", "Jamaica", "Navajo", "Portugal",
             "Singapore", "Hongkong", "Universal", "Kwajalein", "GB-Eire", "NZ-CHAT", "PST8PDT",
             "MST7MDT", "CST6CDT", "EST5EDT", "Etc/UTC", "Etc/GMT", "Etc/UCT", "Etc/Zulu",
             "Etc/GMT+1", "Etc/GMT+2", "Etc/GMT+3", "Etc/GMT+4", "Etc/GMT+5", "Etc/GMT+6",
             "Etc/GMT+7", "Etc/GMT+8", "Etc/GMT+9", "Etc/GMT-1", "Etc/GMT-2", "Etc/GMT-3",
             "Etc/GMT-4", "Etc/GMT-5", "Etc/GMT-6", "Etc/GMT-7", "Etc/GMT-8", "Etc/GMT-9",
             "Etc/GMT0", "GMT+0", "GMT-0", "GMT0", "Etc/GMT+10", "Etc/GMT+11", "Etc/GMT+12",
             "Etc/GMT-10", "Etc/GMT-11", "Etc/GMT-12", "Etc/GMT-13", "Etc/GMT-14",
             "Asia/Aden", "Asia/Baku", "Asia/Dili", "Asia/Gaza", "Asia/Hovd", "Asia/Omsk",
             "Asia/Oral", "Asia/Aqtobe", "Asia/Tokyo", "Asia/Seoul", "Asia/Dubai", "Asia/Kabul",
             "Asia/Macau", "Asia/Manila", "Asia/Tomsk", "Asia/Yangon", "Asia/Amman", "Asia/Aqtau",
             "Asia/Chita", "Asia/Dhaka", "Asia/Hebron", "Asia/Karachi", "Asia/Kuching",
             "Asia/Muscat", "Asia/Nicosia"][:MAX_LIST]
    actors = [{"code": c, "name": "n", "capital_zone": "UTC", "zones": zones} for c in codes]
    ps = [participant("a", codes[0], "A"), participant("b", codes[1], "B")]
    doc = base(ps)
    doc["actors"] = actors
    return doc


def case_roles(target):
    # Every participant with 100 roles (repeats: a violation each).
    ps, _ = many_participants()
    for p in ps:
        p["roles"] = ["host"] * MAX_LIST
    return base(ps)


def case_parts_participants(target):
    ps, ids = many_participants()
    doc = base(ps)
    doc["parts"] = [{"form": "meeting", "participants": ids[:MAX_LIST]} for _ in range(20)]
    return doc


def case_stated_and_sources(target):
    doc = base()
    doc["stated_times"] = [{"text": "t", "time": "2024-01-10T20:30 JST"}] * MAX_LIST
    doc["sources"] = [{"url": "https://e.org/%d" % i, "publisher": "p"} for i in range(MAX_LIST)]
    return doc


def case_v1_parties(target):
    ps, ids = many_participants()
    doc = base(ps)
    doc["format"] = "diplomeet/1"
    head = len(dump(doc).encode())
    outcome = {"verb": "agreed", "parties": ids[:MAX_LIST], "text": "x"}
    per = len(dump(outcome).encode()) + 1
    n = min(MAX_ITEMS, max(1, (target - head) // (per * MAX_ENTRIES + 40)))
    doc["agenda"] = [
        {"number": i + 1, "topics": [], "statements": [], "outcomes": [outcome] * MAX_ENTRIES}
        for i in range(n)
    ]
    return doc


def case_keywords_syntax_error(target):
    # The keyword-heavy document, broken at its very end.
    text = dump(case_keywords(target - 10))
    return text[:-1] + ",}"


def case_keywords_unknown_field(target):
    doc = case_keywords(target - 20)
    doc["zzz"] = 1
    return doc


CASES = {
    name[len("case_"):]: f for name, f in sorted(globals().items()) if name.startswith("case_")
}


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[1]
    target = int(argv[2]) if len(argv) > 2 else 16 * MIB - 4096
    names = argv[3:] or list(CASES)
    os.makedirs(out, exist_ok=True)
    for name in names:
        doc = CASES[name](target)
        text = doc if isinstance(doc, str) else dump(doc)
        data = text.encode()
        if len(data) > 16 * MIB:
            print("%s: %d bytes, over the limit" % (name, len(data)), file=sys.stderr)
        with open(os.path.join(out, name + ".json"), "wb") as f:
            f.write(data)
        print("%-28s %10d bytes" % (name, len(data)))
    with open(os.path.join(out, "tiny.json"), "w") as f:
        f.write(dump(base()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
