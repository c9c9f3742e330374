#!/usr/bin/env python3
"""Masked bases of two BED files (a reference run and another) and their overlap, from merged intervals.
Usage: overlap.py REFERENCE.bed OTHER.bed   -> prints one JSON object:
  {"reference_bases": .., "other_bases": .., "shared_bases": .., "share_of_reference": ..}"""
import json, sys, collections

def merged(path):
    by = collections.defaultdict(list)
    for line in open(path):
        f = line.split('\t')
        if len(f) >= 3:
            by[f[0]].append((int(f[1]), int(f[2])))
    out = {}
    for c, ivs in by.items():
        ivs.sort(); m = []
        for s, e in ivs:
            if m and s <= m[-1][1]:
                m[-1][1] = max(m[-1][1], e)
            else:
                m.append([s, e])
        out[c] = m
    return out

def total(m):
    return sum(e - s for ivs in m.values() for s, e in ivs)

def shared(a, b):
    n = 0
    for c, x in a.items():
        y = b.get(c, []); i = j = 0
        while i < len(x) and j < len(y):
            s = max(x[i][0], y[j][0]); e = min(x[i][1], y[j][1])
            if e > s:
                n += e - s
            if x[i][1] < y[j][1]:
                i += 1
            else:
                j += 1
    return n

ref, oth = merged(sys.argv[1]), merged(sys.argv[2])
r, o, s = total(ref), total(oth), shared(ref, oth)
print(json.dumps({"reference_bases": r, "other_bases": o, "shared_bases": s,
                  "share_of_reference": round(s / r, 4) if r else None}))
