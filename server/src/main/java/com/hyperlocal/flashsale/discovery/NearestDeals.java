package com.hyperlocal.flashsale.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code limit} nearest of the deals offered from tiles, ties by id in PostgreSQL's uuid
 * order. Keeps only the best {@code limit} (a heap, worst on top), so a ring holding thousands
 * of deals costs no sort of thousands and no object per rejected deal.
 */
final class NearestDeals {

    private record Match(Tile tile, int index, double distanceKm) {}

    /** Distance, then the id's 16 bytes compared unsigned — PostgreSQL's uuid order, not UUID.compareTo (signed). */
    private static int compare(Tile a, int i, double kmA, Tile b, int j, double kmB) {
        int byDistance = Double.compare(kmA, kmB);
        if (byDistance != 0) {
            return byDistance;
        }
        int byMsb = Long.compareUnsigned(a.idMsb(i), b.idMsb(j));
        return byMsb != 0 ? byMsb : Long.compareUnsigned(a.idLsb(i), b.idLsb(j));
    }

    private static int compare(Match a, Match b) {
        return compare(a.tile, a.index, a.distanceKm, b.tile, b.index, b.distanceKm);
    }

    private final int limit;
    private final PriorityQueue<Match> worstFirst;

    NearestDeals(int limit) {
        this.limit = limit;
        this.worstFirst = new PriorityQueue<>(limit, (a, b) -> compare(b, a));
    }

    void offer(Tile tile, int index, double distanceKm) {
        if (worstFirst.size() < limit) {
            worstFirst.add(new Match(tile, index, distanceKm));
            return;
        }
        Match worst = worstFirst.peek();
        if (compare(tile, index, distanceKm, worst.tile, worst.index, worst.distanceKm) < 0) {
            worstFirst.poll();
            worstFirst.add(new Match(tile, index, distanceKm));
        }
    }

    /** True once {@code limit} deals are held and none farther than {@code km} could still get in. */
    boolean closedBelow(double km) {
        return worstFirst.size() >= limit && worstFirst.peek().distanceKm < km;
    }

    List<NearbyDeal> nearestFirst() {
        Match[] best = worstFirst.toArray(new Match[0]);
        Arrays.sort(best, NearestDeals::compare);
        return Arrays.stream(best)
                .map(m -> m.tile.toDeal(m.index, m.distanceKm))
                .toList();
    }
}
