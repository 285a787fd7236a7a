package org.vigil.coordination.detect;

import org.vigil.coordination.internal.Hashing;
import org.vigil.coordination.internal.IntArray;
import org.vigil.coordination.internal.LongIntMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Dense numbers for account ids, and how many posts each account made. Ids are told apart by a 64-bit
 * hash (a collision needs billions of accounts). One writer at a time.
 */
public final class AccountBook {
    private final LongIntMap index = new LongIntMap(1 << 16);
    private final List<String> ids = new ArrayList<>(1 << 16);
    private final IntArray posts = new IntArray(1 << 16);

    /** The number of {@code id}, assigning the next one on first sight. */
    public int intern(String id) {
        int next = ids.size();
        int idx = index.putIfAbsent(Hashing.hash(id), next);
        if (idx == next) {
            ids.add(id);
            posts.add(0);
        }
        return idx;
    }

    /** The number of {@code id}, or -1 when it has none yet. */
    public int find(String id) {
        return index.get(Hashing.hash(id), -1);
    }

    public void countPost(int account) {
        posts.set(account, posts.get(account) + 1);
    }

    public int size() {
        return ids.size();
    }

    public String id(int account) {
        return ids.get(account);
    }

    public int posts(int account) {
        return posts.get(account);
    }
}
