package org.vigil.app.watch;

import org.vigil.coordination.CoordinationSession;
import org.vigil.coordination.CoordinationSettings;
import org.vigil.coordination.InProcessCoordinationEngine;
import org.vigil.coordination.ProgressListener;
import org.vigil.ingest.posts.PostReaders;
import org.vigil.model.CoordinationResult;
import org.vigil.model.CoordinationRun;
import org.vigil.model.Problem;
import org.vigil.model.VigilException;
import org.vigil.store.VigilStore;
import org.vigil.store.coordination.CoordinationWriter;
import org.vigil.store.watch.Alert;
import org.vigil.store.watch.WatchLedger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The post folders of one poll: a folder with a new or changed file has all its files run through
 * the in-process coordination engine, the run stored, and its networks compared with the ones
 * kept from before. Nothing here marks files read; the poll's closing transaction does.
 */
final class PostFolders {
    /** What the poll's closing transaction writes: the files read, each folder's networks to keep, the alerts. */
    record Outcome(List<WatchLedger.FileMark> files, Map<String, List<WatchLedger.Network>> networks, List<Alert> alerts) {
        static final Outcome NONE = new Outcome(List.of(), Map.of(), List.of());
    }

    private final WatchSettings settings;
    private final AlertDetector detector;
    private final ProgressListener progress;

    PostFolders(WatchSettings settings, AlertDetector detector, ProgressListener progress) {
        this.settings = settings;
        this.detector = detector;
        this.progress = progress;
    }

    Outcome run(VigilStore store, List<Path> folders, Map<String, WatchLedger.FileMark> known, Instant at, PollSummary s) {
        Map<String, List<WatchLedger.Network>> networks = new LinkedHashMap<>();
        List<WatchLedger.FileMark> read = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> postFiles = WatchedFolder.files(folder, s.failures);
            List<WatchLedger.FileMark> marks = postFiles.stream().map(WatchedFolder::mark).toList();
            boolean changed = marks.stream().anyMatch(m -> {
                WatchLedger.FileMark old = known.get(m.path());
                return old == null || old.size() != m.size() || old.modified() != m.modified();
            });
            if (!changed) {
                continue;
            }
            String source = folder.toAbsolutePath().normalize().toString();
            CoordinationResult result = coordinate(store, source, postFiles, marks, s);
            if (result == null) {
                continue;
            }
            s.postFolders++;
            read.addAll(marks);
            List<WatchLedger.Network> before = store.read(c -> new WatchLedger(c).networks(source));
            List<WatchLedger.Network> next = new ArrayList<>();
            alerts.addAll(detector.networks(source, runId(marks), result.networks(), before, next, at));
            networks.put(source, next);
        }
        return new Outcome(read, networks, alerts);
    }

    private CoordinationResult coordinate(VigilStore store, String source, List<Path> files, List<WatchLedger.FileMark> marks,
                                          PollSummary s) {
        Instant started = Instant.now();
        List<Problem> problems = new ArrayList<>();
        CoordinationSettings cs = CoordinationSettings.fromMap(settings.coordination());
        CoordinationSession session = new InProcessCoordinationEngine().start(cs, problems::add, progress);
        long posts = 0;
        for (Path f : files) {
            try {
                posts += PostReaders.read(f, null, session, problems::add).ok();
            } catch (VigilException e) {
                problems.add(new Problem(f.toString(), 0, e.getMessage() + " (file skipped)", ""));
            }
        }
        if (posts == 0) {
            s.failures.add("post folder " + source + ": no post could be read from " + files.size() + " file(s); see the quarantine");
            return null;
        }
        CoordinationResult result = session.finish();
        CoordinationRun run = new CoordinationRun(runId(marks), started, files.stream().map(Path::toString).toList(), cs.method(),
                cs.asMap(), posts, problems.size());
        store.write(c -> {
            new CoordinationWriter(c).write(run, result);
            return null;
        });
        if (!problems.isEmpty()) {
            String r = store.startRun("watch posts");
            store.saveProblems(r, problems);
            store.finishRun(r, posts, 0, problems.size());
            s.failures.add("post folder " + source + ": " + problems.size() + " bad record(s) quarantined under run " + r);
        }
        return result;
    }

    /** Same files, same run id: a poll repeated after a crash replaces its coordination run instead of adding one. */
    private static String runId(List<WatchLedger.FileMark> marks) {
        StringBuilder b = new StringBuilder();
        marks.stream().sorted(Comparator.comparing(WatchLedger.FileMark::path))
                .forEach(m -> b.append(m.path()).append('\t').append(m.size()).append('\t').append(m.modified()).append('\n'));
        return "watch-" + Watcher.sha(b.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
