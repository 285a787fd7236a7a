package org.vigil.bench.exchange;

import org.vigil.exchange.StixImporter;
import org.vigil.exchange.SyntheticBundle;
import org.vigil.store.VigilStore;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Question: how fast does {@code vigil import stix} take a large bundle, and does its memory stay
 * bounded by one object rather than the file? Input: a {@link SyntheticBundle} of {@code --megabytes}
 * (default 500): STIX notes of 4 KB each referencing one identity, fixed content. Run with a small
 * heap to see the bound (./bench stix-import gives it 256 MiB):
 * {@code java -Xmx256m -cp ... org.vigil.bench.exchange.StixImportBench --megabytes 500}.
 * Prints the file size, objects, seconds and objects/s, and the peak heap used.
 */
public final class StixImportBench {
    private StixImportBench() {
    }

    public static void main(String[] args) throws Exception {
        long megabytes = 500;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--megabytes")) {
                megabytes = Long.parseLong(args[++i]);
            } else {
                System.err.println("usage: StixImportBench [--megabytes N]");
                System.exit(2);
            }
        }
        Path dir = Files.createTempDirectory("vigil-stix-bench");
        Path bundle = dir.resolve("bulk.json");
        long t0 = System.nanoTime();
        int objects = SyntheticBundle.write(bundle, megabytes * 1024 * 1024, null) + 1;
        long t1 = System.nanoTime();
        System.out.printf("generated %s: %,d bytes, %,d objects in %.1f s%n", bundle, Files.size(bundle), objects, (t1 - t0) / 1e9);
        resetPeaks();
        try (VigilStore store = VigilStore.open(dir.resolve("bench.duckdb"))) {
            long s = System.nanoTime();
            StixImporter.Result r = new StixImporter(store).importBundle(bundle);
            double seconds = (System.nanoTime() - s) / 1e9;
            System.out.printf("imported %,d objects (%,d new) in %.1f s: %,.0f objects/s, %.1f MB/s%n", r.objects(), r.added(),
                    seconds, r.objects() / seconds, Files.size(bundle) / 1e6 / seconds);
        }
        System.out.printf("peak heap used %,d MiB of max %,d MiB%n", peakHeap() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Files.delete(bundle);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
