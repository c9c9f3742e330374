#!/usr/bin/env python3
"""Compare a repeat library + BED of ours with REPrise's (fidelity report).

Usage: compare_libraries.py OURS_PREFIX REPRISE_PREFIX GENOME_FASTA[.gz]

Each PREFIX resolves to PREFIX.reprof / PREFIX.bed, or PREFIX.reprof.gz / PREFIX.bed.gz
(so the gzipped references in shared/reference/ work directly). A PREFIX given with a
.reprof/.bed[.gz] suffix is accepted too.

Reports
  a. consensus coverage both ways with blastn (HSPs with pident >= MIN_PIDENT, either strand,
     union of covered query bases / all query bases), families in each, identical consensi
     (exact sequence, either strand);
  b. masked fraction of the genome from each BED (union of intervals / genome length),
     difference in percentage points, Jaccard of the masked base sets;
  c. a readable report, and as the LAST line a one-line JSON object with every number.

BED end convention: REPrise 1.0.1 writes an INCLUSIVE end (length column = end-start+1), we
write standard half-open BED (length column = end-start). Each side is detected from its
length column (env OURS_BED_END / REPRISE_BED_END = auto|inclusive|exclusive overrides;
when undecidable, ours defaults to exclusive and REPrise's to inclusive).

Contig names: REPrise names a contig by its whole FASTA header with spaces turned to '_';
both BEDs are mapped to the first word of the genome's headers.

Only the Python 3 standard library; blastn/makeblastdb (ncbi-blast+) must be on PATH unless
NO_BLAST=1. Env: MIN_PIDENT (95), BLAST_EVALUE (1e-5), FAMILY_COVER (0.8: a family counts as
recovered when that share of its consensus is covered).
"""
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

COMP = str.maketrans("ACGTNacgtn", "TGCANtgcan")


def revcomp(s):
    return s.translate(COMP)[::-1]


def open_text(path):
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return gzip.open(path, "rt")
    return open(path, "rt")


def resolve(prefix, ext):
    """PREFIX -> existing PREFIX.ext or PREFIX.ext.gz (None if neither)."""
    base = prefix
    for suf in (".reprof.gz", ".bed.gz", ".reprof", ".bed"):
        if base.endswith(suf):
            base = base[: -len(suf)]
            break
    for cand in (base + "." + ext, base + "." + ext + ".gz"):
        if os.path.isfile(cand):
            return cand
    return None


def read_reprof(path):
    """[(id, header, seq)] in file order."""
    fams = []
    hdr, seq = None, []
    with open_text(path) as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            if line.startswith(">"):
                if hdr is not None:
                    fams.append((hdr, "".join(seq).upper()))
                hdr, seq = line[1:], []
            else:
                seq.append(line)
    if hdr is not None:
        fams.append((hdr, "".join(seq).upper()))
    out = []
    for i, (h, s) in enumerate(fams):
        fid = h.split(",")[0].strip().replace("=", "") or "F%d" % i
        out.append(("%s_%d" % (fid, i), h, s))
    return out


def read_genome(path):
    """(ordered [(first_word, full_header, length)])"""
    contigs = []
    name, full, n = None, None, 0
    with open_text(path) as fh:
        for line in fh:
            if line.startswith(">"):
                if name is not None:
                    contigs.append((name, full, n))
                full = line[1:].rstrip("\r\n")
                name = full.split()[0] if full.split() else ""
                n = 0
            else:
                n += len(line.strip())
    if name is not None:
        contigs.append((name, full, n))
    return contigs


class NameMapper:
    def __init__(self, contigs):
        self.first = {c[0] for c in contigs}
        self.full = {}
        for first, full, _ in contigs:
            self.full[full.replace(" ", "_")] = first
            self.full[full] = first
        # longest first so 'chr2_random' wins over 'chr2' for 'chr2_random_x'
        self.by_len = sorted(self.first, key=len, reverse=True)
        self.cache = {}
        self.unknown = set()

    def __call__(self, raw):
        if raw in self.cache:
            return self.cache[raw]
        if raw in self.first:
            res = raw
        elif raw in self.full:
            res = self.full[raw]
        else:
            res = None
            for f in self.by_len:
                if raw.startswith(f + "_") or raw.startswith(f + " ") or raw.startswith(f + "\t"):
                    res = f
                    break
            if res is None:
                head = raw.split()[0] if raw.split() else raw
                res = head.split("_")[0]
                self.unknown.add(raw)
        self.cache[raw] = res
        return res


def read_bed(path, mapper, mode, default_mode):
    """-> (dict contig -> merged half-open intervals, n_lines, mode_used)."""
    rows = []
    votes = {"inclusive": 0, "exclusive": 0}
    with open_text(path) as fh:
        for line in fh:
            if not line.strip() or line.startswith(("#", "track", "browser")):
                continue
            f = line.rstrip("\r\n").split("\t")
            if len(f) < 3:
                f = line.split()
            s, e = int(f[1]), int(f[2])
            rows.append((f[0], s, e))
            if len(f) >= 5:
                try:
                    ln = int(f[4])
                except ValueError:
                    ln = None
                if ln is not None:
                    if ln == e - s + 1:
                        votes["inclusive"] += 1
                    elif ln == e - s:
                        votes["exclusive"] += 1
    if mode == "auto":
        if votes["inclusive"] and not votes["exclusive"]:
            mode = "inclusive"
        elif votes["exclusive"] and not votes["inclusive"]:
            mode = "exclusive"
        else:
            mode = default_mode
    add = 1 if mode == "inclusive" else 0
    by = {}
    for c, s, e in rows:
        by.setdefault(mapper(c), []).append((s, e + add))
    return {c: merge(iv) for c, iv in by.items()}, len(rows), mode


def merge(iv):
    iv = sorted(iv)
    out = []
    for s, e in iv:
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1][1] = e
        else:
            out.append([s, e])
    return [tuple(x) for x in out]


def total(iv):
    return sum(e - s for s, e in iv)


def intersect_len(a, b):
    i = j = n = 0
    while i < len(a) and j < len(b):
        s = max(a[i][0], b[j][0])
        e = min(a[i][1], b[j][1])
        if e > s:
            n += e - s
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return n


def clip(ivs, lengths):
    """Clip intervals to contig lengths (ignores contigs unknown to the genome)."""
    out = {}
    for c, iv in ivs.items():
        L = lengths.get(c)
        if L is None:
            out[c] = iv
            continue
        out[c] = [(max(0, s), min(L, e)) for s, e in iv if min(L, e) > max(0, s)]
    return out


def write_fasta(path, fams):
    with open(path, "w") as fh:
        for fid, _, seq in fams:
            fh.write(">%s\n" % fid)
            for i in range(0, len(seq), 80):
                fh.write(seq[i:i + 80] + "\n")


def blast_cover(tmp, query, subject, qname, sname, min_pid, evalue):
    """fraction of query consensus bases covered by subject HSPs (pident >= min_pid);
    returns (covered_bases, total_bases, per_family_fraction dict)."""
    qfa = os.path.join(tmp, qname + ".fa")
    sfa = os.path.join(tmp, sname + ".fa")
    tot = sum(len(s) for _, _, s in query)
    per = {fid: [] for fid, _, _ in query}
    qlen = {fid: len(s) for fid, _, s in query}
    if query and subject:
        db = os.path.join(tmp, sname + ".db")
        if not os.path.exists(db + ".nsq") and not os.path.exists(db + ".00.nsq"):
            subprocess.run(["makeblastdb", "-in", sfa, "-dbtype", "nucl", "-out", db],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        res = subprocess.run(
            ["blastn", "-task", "blastn", "-query", qfa, "-db", db, "-dust", "no",
             "-soft_masking", "false", "-strand", "both", "-evalue", str(evalue),
             "-max_target_seqs", "100000", "-num_threads", "1",
             "-outfmt", "6 qseqid sseqid pident length qstart qend"],
            check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in res.stdout.splitlines():
            f = line.split("\t")
            if float(f[2]) < min_pid:
                continue
            a, b = int(f[4]), int(f[5])
            if a > b:
                a, b = b, a
            per[f[0]].append((a - 1, b))
    cov = 0
    frac = {}
    for fid, iv in per.items():
        c = total(merge(iv))
        cov += c
        frac[fid] = c / qlen[fid] if qlen[fid] else 0.0
    return cov, tot, frac


def pct(x):
    return "%.2f%%" % (100.0 * x) if x is not None else "n/a"


def main(argv):
    if len(argv) != 4 or argv[1] in ("-h", "--help"):
        sys.stderr.write(__doc__)
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    ours_p, rep_p, genome = argv[1], argv[2], argv[3]
    min_pid = float(os.environ.get("MIN_PIDENT", "95"))
    evalue = os.environ.get("BLAST_EVALUE", "1e-5")
    fam_cover = float(os.environ.get("FAMILY_COVER", "0.8"))
    no_blast = os.environ.get("NO_BLAST", "0") not in ("", "0")

    files = {}
    for side, p in (("ours", ours_p), ("reprise", rep_p)):
        for ext in ("reprof", "bed"):
            f = resolve(p, ext)
            if f is None:
                sys.stderr.write("error: no %s.%s[.gz] found\n" % (p, ext))
                return 1
            files[side, ext] = f

    contigs = read_genome(genome)
    lengths = {c[0]: c[2] for c in contigs}
    glen = sum(lengths.values())
    mapper = NameMapper(contigs)

    lib = {s: read_reprof(files[s, "reprof"]) for s in ("ours", "reprise")}
    seqs = {s: {x[2] for x in lib[s]} for s in lib}
    both = {s: seqs[s] | {revcomp(x) for x in seqs[s]} for s in seqs}
    ident_rep_in_ours = sum(1 for _, _, x in lib["reprise"] if x in both["ours"])
    ident_ours_in_rep = sum(1 for _, _, x in lib["ours"] if x in both["reprise"])

    r = {
        "ours_prefix": ours_p, "reprise_prefix": rep_p, "genome": genome,
        "genome_bases": glen, "min_pident": min_pid, "blast_evalue": float(evalue),
        "ours_families": len(lib["ours"]), "reprise_families": len(lib["reprise"]),
        "ours_consensus_bases": sum(len(x[2]) for x in lib["ours"]),
        "reprise_consensus_bases": sum(len(x[2]) for x in lib["reprise"]),
        "identical_reprise_in_ours": ident_rep_in_ours,
        "identical_ours_in_reprise": ident_ours_in_rep,
    }

    if not no_blast:
        tmp = tempfile.mkdtemp(prefix="reprise-cmp.")
        try:
            write_fasta(os.path.join(tmp, "ours.fa"), lib["ours"])
            write_fasta(os.path.join(tmp, "reprise.fa"), lib["reprise"])
            c1, t1, f1 = blast_cover(tmp, lib["reprise"], lib["ours"], "reprise", "ours", min_pid, evalue)
            c2, t2, f2 = blast_cover(tmp, lib["ours"], lib["reprise"], "ours", "reprise", min_pid, evalue)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        r["reprise_bases_covered_by_ours"] = c1 / t1 if t1 else None
        r["ours_bases_covered_by_reprise"] = c2 / t2 if t2 else None
        r["reprise_families_recovered"] = sum(1 for v in f1.values() if v >= fam_cover)
        r["ours_families_in_reprise"] = sum(1 for v in f2.values() if v >= fam_cover)
        r["family_cover_threshold"] = fam_cover

    env_mode = {"ours": os.environ.get("OURS_BED_END", "auto"),
                "reprise": os.environ.get("REPRISE_BED_END", "auto")}
    default_mode = {"ours": "exclusive", "reprise": "inclusive"}
    bed = {}
    for s in ("ours", "reprise"):
        iv, n, mode = read_bed(files[s, "bed"], mapper, env_mode[s], default_mode[s])
        bed[s] = clip(iv, lengths)
        r[s + "_bed_lines"] = n
        r[s + "_bed_end"] = mode
    mo = sum(total(v) for v in bed["ours"].values())
    mr = sum(total(v) for v in bed["reprise"].values())
    inter = sum(intersect_len(bed["ours"][c], bed["reprise"][c]) for c in bed["ours"] if c in bed["reprise"])
    union = mo + mr - inter
    r["ours_masked_bases"] = mo
    r["reprise_masked_bases"] = mr
    r["ours_masked_fraction"] = mo / glen if glen else None
    r["reprise_masked_fraction"] = mr / glen if glen else None
    r["masked_diff_pp"] = 100.0 * (mo - mr) / glen if glen else None
    r["masked_jaccard"] = inter / union if union else 1.0
    r["masked_intersection_bases"] = inter
    unknown = sorted(mapper.unknown | {c for s in bed for c in bed[s] if c not in lengths})
    if unknown:
        r["unknown_contigs"] = unknown[:20]

    # ---- readable report
    out = sys.stdout
    out.write("== Fidelity: ours vs REPrise\n")
    out.write("ours    : %s | %s\n" % (files["ours", "reprof"], files["ours", "bed"]))
    out.write("REPrise : %s | %s\n" % (files["reprise", "reprof"], files["reprise", "bed"]))
    out.write("genome  : %s (%d contigs, %d bases)\n" % (genome, len(contigs), glen))
    out.write("-- library\n")
    out.write("families            ours %6d   REPrise %6d\n" % (r["ours_families"], r["reprise_families"]))
    out.write("consensus bases     ours %6d   REPrise %6d\n" % (r["ours_consensus_bases"], r["reprise_consensus_bases"]))
    out.write("identical consensi  %d of REPrise's %d are in ours; %d of our %d are in REPrise's (exact, either strand)\n"
              % (ident_rep_in_ours, r["reprise_families"], ident_ours_in_rep, r["ours_families"]))
    if not no_blast:
        out.write("REPrise bases covered by ours    %s  (%d/%d families >= %.0f%% covered)\n"
                  % (pct(r["reprise_bases_covered_by_ours"]), r["reprise_families_recovered"],
                     r["reprise_families"], 100 * fam_cover))
        out.write("our bases covered by REPrise's   %s  (%d/%d families >= %.0f%% covered)\n"
                  % (pct(r["ours_bases_covered_by_reprise"]), r["ours_families_in_reprise"],
                     r["ours_families"], 100 * fam_cover))
        out.write("  (blastn -task blastn, dust off, HSPs with pident >= %g, evalue <= %s, either strand)\n"
                  % (min_pid, evalue))
    else:
        out.write("(blastn coverage skipped: NO_BLAST set)\n")
    out.write("-- masking (BED)\n")
    out.write("BED lines           ours %6d   REPrise %6d   (end: ours %s, REPrise %s)\n"
              % (r["ours_bed_lines"], r["reprise_bed_lines"], r["ours_bed_end"], r["reprise_bed_end"]))
    out.write("masked              ours %s (%d bp)   REPrise %s (%d bp)   diff %+.3f pp\n"
              % (pct(r["ours_masked_fraction"]), mo, pct(r["reprise_masked_fraction"]), mr, r["masked_diff_pp"]))
    out.write("Jaccard of masked bases  %.4f   (shared %d bp, union %d bp)\n" % (r["masked_jaccard"], inter, union))
    if unknown:
        out.write("warning: BED contigs not matched to genome headers: %s\n" % ", ".join(unknown[:20]))
    out.write(json.dumps(r, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
