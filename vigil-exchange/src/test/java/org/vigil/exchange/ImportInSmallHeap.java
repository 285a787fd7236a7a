package org.vigil.exchange;

import org.vigil.store.VigilStore;

import java.nio.file.Path;

/** {@code ImportInSmallHeap BUNDLE DB}: imports in a JVM of its own, so a test can give it a small heap. */
public final class ImportInSmallHeap {
    private ImportInSmallHeap() {
    }

    public static void main(String[] args) {
        try (VigilStore store = VigilStore.open(Path.of(args[1]))) {
            StixImporter.Result r = new StixImporter(store).importBundle(Path.of(args[0]));
            System.out.println("imported " + r.objects());
        } catch (StixImporter.Refused e) {
            System.out.println("refused: " + e.getMessage());
            e.problems().forEach(System.out::println);
        }
        System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    }
}
