package org.vigil.bench.exchange;

import org.vigil.exchange.StixImporter;
import org.vigil.store.VigilStore;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Question: how fast does {@code vigil import stix} take a large bundle, and does its memory stay
 * bounded by one object rather than the file? Input: a generated bundle of {@code --megabytes}
 * (default 500) of STIX notes, 4 KB of content each, all referencing one identity (seed-free: the
 * content is fixed). Run with a small heap to see the bound:
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
        int objects = write(bundle, megabytes * 1024 * 1024);
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

    private static int write(Path bundle, long size) throws Exception {
        String filler = "x".repeat(4000);
        int n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(bundle, StandardCharsets.UTF_8)) {
            w.write("{\"type\": \"bundle\", \"id\": \"bundle--33333333-3333-4333-8333-333333333333\", \"objects\": [\n");
            w.write("{\"type\": \"identity\", \"spec_version\": \"2.1\", \"id\": \"identity--11111111-1111-4111-8111-111111111111\","
                    + " \"created\": \"2024-01-01T00:00:00.000Z\", \"modified\": \"2024-01-01T00:00:00.000Z\", \"name\": \"Bulk\"}");
            long written = 0;
            while (written < size) {
                String note = String.format(",%n{\"type\": \"note\", \"spec_version\": \"2.1\", \"id\": \"note--%08x-0000-4000-8000-000000000000\","
                        + " \"created_by_ref\": \"identity--11111111-1111-4111-8111-111111111111\", \"created\": \"2024-01-01T00:00:00.000Z\","
                        + " \"modified\": \"2024-01-01T00:00:00.000Z\", \"content\": \"%s\","
                        + " \"object_refs\": [\"identity--11111111-1111-4111-8111-111111111111\"]}", n++, filler);
                w.write(note);
                written += note.length();
            }
            w.write("\n]}\n");
        }
        return n + 1;
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
