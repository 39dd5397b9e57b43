package dl.nn;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files a save writes before it renames them over the target, and the clean-up
 * of those an interrupted save left behind.
 *
 * <p>A temporary is named {@code NAME.pid<P>-<n>.tmp} after the process P that writes it. A JVM
 * killed while writing cannot delete its temporary, so every later save or load of NAME removes
 * the temporaries of NAME whose process is gone (or is this one and no longer writing). Those of
 * a live process are left alone: it may be saving right now. Temporaries of older versions of
 * the library ({@code NAME.<digits>.tmp}, from {@code Files.createTempFile}) carry no process
 * id; they are removed once they have not changed for {@link #LEGACY_AGE}.
 */
final class SaveTemporaries {

    static final Duration LEGACY_AGE = Duration.ofMinutes(10);
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();
    /** Temporaries this JVM is writing now (another thread's save of the same file). */
    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private SaveTemporaries() {}

    /** A fresh temporary path beside {@code target}, registered as being written until {@link #done}. */
    static Path next(Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".pid" + PID + "-" + COUNTER.incrementAndGet() + ".tmp");
        WRITING.add(tmp);
        return tmp;
    }

    static void done(Path tmp) {
        WRITING.remove(tmp);
    }

    /**
     * Deletes the leftovers of interrupted saves of {@code target}; returns how many bytes were
     * freed (0 when there were none or the folder cannot be listed).
     */
    static long removeLeftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return 0;
        }
        String name = target.getFileName().toString();
        Pattern ours = Pattern.compile(Pattern.quote(name) + "\\.pid(\\d+)-\\d+\\.tmp");
        Pattern legacy = Pattern.compile(Pattern.quote(name) + "\\.\\d+\\.tmp");
        long freed = 0;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(name + ".") && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path p : siblings) {
                String file = p.getFileName().toString();
                Matcher m = ours.matcher(file);
                boolean leftover = m.matches() ? isAbandoned(p, Long.parseLong(m.group(1)))
                        : legacy.matcher(file).matches() && olderThan(p, LEGACY_AGE);
                if (leftover && Files.isRegularFile(p)) {
                    long size = Files.size(p);
                    if (Files.deleteIfExists(p)) {
                        freed += size;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return freed;   // clean-up is a courtesy: a folder we cannot list must not stop a save or a load
        }
        return freed;
    }

    private static boolean isAbandoned(Path tmp, long pid) {
        if (pid == PID) {
            return !WRITING.contains(tmp.toAbsolutePath()) && !WRITING.contains(tmp);
        }
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    private static boolean olderThan(Path p, Duration age) throws IOException {
        FileTime modified = Files.getLastModifiedTime(p);
        return modified.toInstant().isBefore(Instant.now().minus(age));
    }
}
