package org.vigil.flink;

/**
 * One share: account {@code account} acted on object {@code objectKey} of kind {@code kind} (a
 * {@link org.vigil.model.CoordinationKind} ordinal) at {@code time} (epoch seconds), as the post at input
 * position {@code ordinal}; co-similar-text shares carry the text's MinHash {@code signature}.
 */
public final class ShareEvent {
    public int kind;
    public long objectKey;
    public String account;
    public long time;
    public long ordinal;
    public int[] signature;

    public ShareEvent() {
    }
}
