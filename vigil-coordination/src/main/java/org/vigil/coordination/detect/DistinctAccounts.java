package org.vigil.coordination.detect;

import java.util.Arrays;

/**
 * How exclusive an object is: the distinct accounts among its shares. In one pass over all posts that is
 * the object's whole audience; a bounded run sees a slice and its history, so there it counts the accounts
 * of that stretch only. Reusable, one per thread.
 */
public final class DistinctAccounts {
    private int[] stamp = new int[1024];
    private int serial;

    public int count(ObjectShares s) {
        if (++serial == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            serial = 1;
        }
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            int a = s.account(i);
            if (a >= stamp.length) {
                stamp = Arrays.copyOf(stamp, Math.max(a + 1, stamp.length * 2));
            }
            if (stamp[a] != serial) {
                stamp[a] = serial;
                n++;
            }
        }
        return n;
    }
}
