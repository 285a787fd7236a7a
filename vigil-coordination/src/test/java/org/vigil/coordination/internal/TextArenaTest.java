package org.vigil.coordination.internal;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TextArenaTest {
    @Test
    void everyTextComesBackExactlyAsItWasStored() {
        List<String> texts = new ArrayList<>(List.of("", "plain words", "café ÿ", "Ā", "emoji 😀", "\ud800 lone high", "lone low \udfff",
                "\u0000nul", "x".repeat((1 << 20) + 7)));
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                b.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x10000) : r.nextInt(0x100)));
            }
            texts.add(b.toString());
        }
        TextArena arena = new TextArena();
        long[] handles = new long[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            handles[i] = arena.add(texts.get(i));
            assertThat(handles[i]).isNotNegative();
        }
        for (int i = 0; i < texts.size(); i++) {
            assertThat(arena.get(handles[i])).isEqualTo(texts.get(i));
        }
    }
}
