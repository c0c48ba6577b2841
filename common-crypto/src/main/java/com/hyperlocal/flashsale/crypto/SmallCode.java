package com.hyperlocal.flashsale.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A QR code too small in the frame for ZXing to sample (under 3 px per module: the voucher's 85
 * modules in less than 256 px), found as the largest patch of densely textured 8 × 8 blocks and
 * cut out enlarged to ~6 px per module. Enlarging only that patch costs a fraction of enlarging
 * the whole 640 × 480 frame, which is what lets the till try it early within a frame's budget.
 * Searched once per frame, on first use; not thread-safe (one per decode).
 */
final class SmallCode {

    private static final int BLOCK = 8;
    /** A step between neighbours counted as an edge: above sensor noise, below module contrast. */
    private static final int EDGE_STEP = 24;
    /** A block is dense at 35% of the densest block's edges (a code's blocks are all alike). */
    private static final double DENSE = 0.35;
    /** Codes this wide or wider already read without enlarging. */
    static final int MAX_SIDE = 256;

    private static final double TARGET_SIDE = 500;
    private static final double MAX_ENLARGEMENT = 3;
    /** Around the textured patch: its edge blocks may be half empty, and ZXing wants a quiet zone. */
    private static final double MARGIN = 0.15;

    private final GreyImage frame;
    private boolean searched;
    private @Nullable GreyImage enlarged;

    SmallCode(GreyImage frame) {
        this.frame = frame;
    }

    /** The small code cut out and enlarged, or null when the frame holds none (or a large one). */
    @Nullable GreyImage enlarged() {
        if (!searched) {
            searched = true;
            enlarged = enlarge(frame);
        }
        return enlarged;
    }

    private static @Nullable GreyImage enlarge(GreyImage frame) {
        Patch p = densestPatch(frame);
        if (p == null) {
            return null;
        }
        int side = Math.max(p.width(), p.height());
        if (side >= MAX_SIDE) {
            return null;
        }
        int margin = (int) Math.round(side * MARGIN) + BLOCK;
        int x0 = Math.max(0, p.x() - margin);
        int y0 = Math.max(0, p.y() - margin);
        int x1 = Math.min(frame.width(), p.x() + p.width() + margin);
        int y1 = Math.min(frame.height(), p.y() + p.height() + margin);
        return frame.cropped(x0, y0, x1 - x0, y1 - y0).scaled(Math.min(MAX_ENLARGEMENT, TARGET_SIDE / side));
    }

    /** A rectangle of the frame, in pixels. */
    record Patch(int x, int y, int width, int height) {}

    /** The bounding box of the largest 8-connected group of dense blocks; null if there is none. */
    static @Nullable Patch densestPatch(GreyImage g) {
        int bw = g.width() / BLOCK;
        int bh = g.height() / BLOCK;
        if (bw < 4 || bh < 4) {
            return null;
        }
        int[] edges = edgeCounts(g, bw, bh);
        int max = 0;
        for (int e : edges) {
            max = Math.max(max, e);
        }
        int threshold = Math.max(BLOCK, (int) (max * DENSE));
        int[] group = new int[bw * bh];
        int[] queue = new int[bw * bh];
        int[] best = null;
        int bestSize = 0;
        int id = 0;
        for (int start = 0; start < edges.length; start++) {
            if (edges[start] < threshold || group[start] != 0) {
                continue;
            }
            id++;
            int[] box = {bw, bh, -1, -1};
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            group[start] = id;
            while (head < tail) {
                int k = queue[head++];
                int kx = k % bw;
                int ky = k / bw;
                box[0] = Math.min(box[0], kx);
                box[1] = Math.min(box[1], ky);
                box[2] = Math.max(box[2], kx);
                box[3] = Math.max(box[3], ky);
                for (int ny = Math.max(0, ky - 1); ny <= Math.min(bh - 1, ky + 1); ny++) {
                    for (int nx = Math.max(0, kx - 1); nx <= Math.min(bw - 1, kx + 1); nx++) {
                        int j = ny * bw + nx;
                        if (edges[j] >= threshold && group[j] == 0) {
                            group[j] = id;
                            queue[tail++] = j;
                        }
                    }
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                best = box;
            }
        }
        if (best == null || bestSize < 4) {
            return null;
        }
        return new Patch(
                best[0] * BLOCK, best[1] * BLOCK, (best[2] - best[0] + 1) * BLOCK, (best[3] - best[1] + 1) * BLOCK);
    }

    /** Per block, how many neighbour pairs (right and below) differ by at least EDGE_STEP. */
    private static int[] edgeCounts(GreyImage g, int bw, int bh) {
        int[] edges = new int[bw * bh];
        for (int y = 0; y < bh * BLOCK; y++) {
            for (int x = 0; x < bw * BLOCK; x++) {
                int v = g.at(x, y);
                int n = 0;
                if (x + 1 < g.width() && Math.abs(v - g.at(x + 1, y)) >= EDGE_STEP) {
                    n++;
                }
                if (y + 1 < g.height() && Math.abs(v - g.at(x, y + 1)) >= EDGE_STEP) {
                    n++;
                }
                edges[(y / BLOCK) * bw + x / BLOCK] += n;
            }
        }
        return edges;
    }
}
