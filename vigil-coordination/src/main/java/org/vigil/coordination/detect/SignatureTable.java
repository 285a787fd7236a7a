package org.vigil.coordination.detect;

import java.util.Arrays;

/** MinHash signatures of texts, one after another; a share's reference is its signature's ordinal. */
public final class SignatureTable {
    private final int length;
    private int[] sigs;
    private int count;

    public SignatureTable(int length) {
        this.length = length;
        this.sigs = new int[length * 1024];
    }

    /** Reserves the next signature slot and returns its ordinal; fill it at {@code ordinal * length}. */
    public int next() {
        if ((count + 1) * length > sigs.length) {
            sigs = Arrays.copyOf(sigs, sigs.length + (sigs.length >> 1) + length * 1024);
        }
        return count++;
    }

    public int[] raw() {
        return sigs;
    }

    public int count() {
        return count;
    }

    public int length() {
        return length;
    }
}
