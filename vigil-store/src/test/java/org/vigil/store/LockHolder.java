package org.vigil.store;

import java.nio.file.Path;

/** Run in a child JVM by {@link StoreSharingTest}: holds a store open until its stdin closes. */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (VigilStore store = VigilStore.open(Path.of(args[0]))) {
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to let go
            }
        }
    }
}
