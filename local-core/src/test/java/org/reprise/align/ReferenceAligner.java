package org.reprise.align;

/**
 * The test oracle: Smith-Waterman with affine gaps over full matrices and an explicit traceback,
 * written for clarity, not speed. Optionally restricted to a band of diagonals (cells outside it
 * may not be used: score 0 to start from, no open gap). Ties are broken as PairwiseAligner
 * documents: diagonal, then a base of A alone, then a base of B alone; extend before open; a path
 * scoring 0 or less ends; the first best cell in row order.
 */
final class ReferenceAligner {
    private static final int NEG = Integer.MIN_VALUE / 4;
    private static final byte STOP = 0, DIAG = 1, FROM_F = 2, FROM_E = 3;

    private ReferenceAligner() {
    }

    /** Aligns a with b as given (plus strand); band = null for no restriction. */
    static Alignment align(byte[] a, byte[] b, Scoring sc, Integer minD, Integer maxD) {
        int n = a.length, m = b.length;
        int[][] hm = new int[n + 1][m + 1], em = new int[n + 1][m + 1], fm = new int[n + 1][m + 1];
        byte[][] hFrom = new byte[n + 1][m + 1];
        boolean[][] eExtends = new boolean[n + 1][m + 1], fExtends = new boolean[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                em[i][j] = NEG;
                fm[i][j] = NEG;
            }
        }
        int best = 0, bi = 0, bj = 0;
        int openExt = sc.gapOpen() + sc.gapExtend();
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int d = (j - 1) - (i - 1);
                if (minD != null && (d < minD || d > maxD)) {
                    continue; // outside the band: H 0, E and F minus infinity
                }
                boolean same = a[i - 1] == b[j - 1] && a[i - 1] >= 0 && a[i - 1] < 4;
                int diag = hm[i - 1][j - 1] + (same ? sc.match() : sc.mismatch());
                int fExt = fm[i - 1][j] + sc.gapExtend(), fOpen = hm[i - 1][j] + openExt;
                fExtends[i][j] = fExt >= fOpen;
                fm[i][j] = Math.max(fExt, fOpen);
                int eExt = em[i][j - 1] + sc.gapExtend(), eOpen = hm[i][j - 1] + openExt;
                eExtends[i][j] = eExt >= eOpen;
                em[i][j] = Math.max(eExt, eOpen);
                int h = diag;
                byte from = DIAG;
                if (fm[i][j] > h) {
                    h = fm[i][j];
                    from = FROM_F;
                }
                if (em[i][j] > h) {
                    h = em[i][j];
                    from = FROM_E;
                }
                if (h <= 0) {
                    h = 0;
                    from = STOP;
                }
                hm[i][j] = h;
                hFrom[i][j] = from;
                if (h > best) {
                    best = h;
                    bi = i;
                    bj = j;
                }
            }
        }
        if (best == 0) {
            return Alignment.empty(Strand.PLUS, n, m);
        }
        int matches = 0, mismatches = 0, gaps = 0;
        int i = bi, j = bj;
        char state = 'H';
        while (true) {
            if (state == 'H') {
                if (i == 0 || j == 0 || hFrom[i][j] == STOP) {
                    break;
                }
                byte from = hFrom[i][j];
                if (from == DIAG) {
                    if (a[i - 1] == b[j - 1] && a[i - 1] < 4) {
                        matches++;
                    } else {
                        mismatches++;
                    }
                    i--;
                    j--;
                } else {
                    state = from == FROM_F ? 'F' : 'E';
                }
            } else if (state == 'F') {
                gaps++;
                boolean ext = fExtends[i][j];
                i--;
                state = ext ? 'F' : 'H';
            } else {
                gaps++;
                boolean ext = eExtends[i][j];
                j--;
                state = ext ? 'E' : 'H';
            }
        }
        return new Alignment(Strand.PLUS, best, i, bi, n, j, bj, m, matches, mismatches, gaps);
    }
}
