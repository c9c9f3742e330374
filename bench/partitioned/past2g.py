# Output coordinates past 2^31 of their contig checked against the planted truth: the share of
# planted interspersed bases past 2^31 that the BED covers, and the share of BED bases past 2^31
# that lie on planted repeats. Usage: python3 past2g.py TRUTH.bed PREDICTION.bed
import sys, collections
TWO31 = 1 << 31
def load(p, keep):
    d = collections.defaultdict(list)
    for l in open(p):
        f = l.rstrip('\n').split('\t')
        if keep(f):
            d[f[0]].append((int(f[1]), int(f[2])))
    for c in d:
        d[c].sort()
    return d
truth = load(sys.argv[1], lambda f: f[6] in ('LTR', 'DNA', 'LINE', 'SINE', 'Unknown'))
pred = load(sys.argv[2], lambda f: True)
def merge(ivs):
    m = []
    for s, e in ivs:
        if m and s <= m[-1][1]: m[-1][1] = max(m[-1][1], e)
        else: m.append([s, e])
    return m
def inter(a, b):
    i = j = n = 0
    while i < len(a) and j < len(b):
        s, e = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if e > s: n += e - s
        if a[i][1] < b[j][1]: i += 1
        else: j += 1
    return n
def past(ivs):
    return [[max(s, TWO31), e] for s, e in ivs if e > TWO31]
tp = sum(inter(merge(past(truth[c])), merge(past(pred.get(c, [])))) for c in truth)
tb = sum(e - s for c in truth for s, e in merge(past(truth[c])))
pb = sum(e - s for c in pred for s, e in merge(past(pred[c])))
far = max((e for c in pred for s, e in pred[c]), default=0)
print("past 2^31 of their contig: %d planted interspersed bases, %d reported bases, %d shared:" % (tb, pb, tp))
print("  sensitivity %.4f, precision %.4f; the farthest element ends at %d" % (tp / max(1, tb), tp / max(1, pb), far))
