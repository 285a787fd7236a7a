package org.vigil.flink;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Posts in a compact binary form, for the session's spill file (written once, read back by the job). */
final class PostCodec {
    private PostCodec() {
    }

    static void write(DataOutput out, SequencedPost p) throws IOException {
        out.writeLong(p.ordinal);
        string(out, p.postId);
        string(out, p.accountId);
        out.writeLong(p.timestamp);
        string(out, p.text);
        string(out, p.retweetOf);
        string(out, p.replyTo);
        strings(out, p.urls);
        strings(out, p.hashtags);
        string(out, p.language);
    }

    static SequencedPost read(DataInput in) throws IOException {
        SequencedPost p = new SequencedPost();
        p.ordinal = in.readLong();
        p.postId = string(in);
        p.accountId = string(in);
        p.timestamp = in.readLong();
        p.text = string(in);
        p.retweetOf = string(in);
        p.replyTo = string(in);
        p.urls = strings(in);
        p.hashtags = strings(in);
        p.language = string(in);
        return p;
    }

    private static void string(DataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void strings(DataOutput out, String[] s) throws IOException {
        out.writeInt(s == null ? 0 : s.length);
        if (s != null) {
            for (String x : s) {
                string(out, x);
            }
        }
    }

    private static String[] strings(DataInput in) throws IOException {
        String[] s = new String[in.readInt()];
        for (int i = 0; i < s.length; i++) {
            s[i] = string(in);
        }
        return s;
    }
}
