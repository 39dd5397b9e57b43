package dl.nn;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving under faults (issue 9 §4): a JVM killed mid-save, file modes, paths that cannot be written. */
class SaveFaultsTest {

    @TempDir
    Path dir;

    private static List<String> temporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
    }

    /** The real fault: a second JVM is killed (SIGKILL) while it writes; the next save here removes what it left. */
    @Test
    void temporaryOfAJvmKilledWhileSavingIsRemovedByTheNextSave() throws Exception {
        Path file = dir.resolve("big.npz");
        List<String> left = List.of();
        for (int attempt = 0; attempt < 5 && left.isEmpty(); attempt++) {
            Process saver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SlowSaver.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (temporaries(dir).isEmpty() && System.nanoTime() < deadline && saver.isAlive()) {
                    Thread.sleep(5);
                }
                Thread.sleep(20);   // well inside a write of 9 MB
            } finally {
                saver.destroyForcibly().waitFor();
            }
            left = temporaries(dir);
        }
        assertFalse(left.isEmpty(), "the killed JVM should have left its temporary file");
        assertTrue(left.get(0).matches("big\\.npz\\.pid\\d+-\\d+\\.tmp"), left.toString());

        new Sequential(new Linear(2, 2)).save(file);
        assertEquals(List.of(), temporaries(dir), "the next save removes the dead process's temporary");
    }

    @Test
    void loadRemovesLeftoversToo_butNotThoseOfALiveProcess() throws Exception {
        var model = new Sequential(new Linear(2, 2));
        Path file = dir.resolve("m.npz");
        model.save(file);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long live = ProcessHandle.current().parent().orElseThrow().pid();   // Maven's JVM: alive, not this one
        Path dead = Files.write(dir.resolve("m.npz.pid" + gone.pid() + "-1.tmp"), new byte[1000]);
        Path writing = Files.write(dir.resolve("m.npz.pid" + live + "-7.tmp"), new byte[10]);
        Path oldStyle = Files.write(dir.resolve("m.npz.8127312093.tmp"), new byte[10]);
        Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.now().minusSeconds(3600)));
        Path recentOldStyle = Files.write(dir.resolve("m.npz.5551212.tmp"), new byte[10]);
        Path otherModel = Files.write(dir.resolve("other.npz.pid" + gone.pid() + "-1.tmp"), new byte[10]);

        model.load(file);
        assertFalse(Files.exists(dead), "temporary of a process that has ended");
        assertFalse(Files.exists(oldStyle), "an old library's temporary, untouched for an hour");
        assertTrue(Files.exists(writing), "a live process may be writing it right now");
        assertTrue(Files.exists(recentOldStyle), "an old-style temporary changed a moment ago may still be written");
        assertTrue(Files.exists(otherModel), "only temporaries of the file being saved or loaded are touched");
    }

    /** The expected mode is the one the OS gives any new file here (0644 under umask 022), not 0600. */
    @Test
    void savedFileGetsTheModeOfANewFileAndAnOverwriteKeepsAChosenMode() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path file = dir.resolve("m.npz");
        new Sequential(new Linear(2, 2)).save(file);
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "createTempFile's private mode (unless the umask is 077)");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        new Sequential(new Linear(2, 2)).save(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void unwritablePathsSayWhy() throws IOException {
        var model = new Sequential(new Linear(2, 2));
        Path aFile = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        var blocked = assertThrows(UncheckedIOException.class, () -> model.save(aFile.resolve("m.npz")));
        assertTrue(blocked.getMessage().startsWith("save " + aFile.resolve("m.npz") + ": cannot create the folder " + aFile),
                blocked.getMessage());
        assertTrue(blocked.getMessage().matches("(?s).*(a file of that name is in the way|not a directory).*"),
                blocked.getMessage());

        var missing = assertThrows(UncheckedIOException.class, () -> model.load(dir.resolve("nowhere/m.npz")));
        assertTrue(missing.getMessage().contains("no such file (its folder " + dir.resolve("nowhere")
                + " does not exist either)"), missing.getMessage());

        // sysfs refuses new files even to root, so this is "permission denied" for everyone
        assumeTrue(Files.isDirectory(Path.of("/sys/kernel")));
        var denied = assertThrows(UncheckedIOException.class, () -> model.save(Path.of("/sys/kernel/m.npz")));
        assertTrue(denied.getMessage().contains(": permission denied: /sys/kernel/m.npz"), denied.getMessage());
        assertTrue(denied.getMessage().contains("hint: choose a folder you can write to"), denied.getMessage());
    }
}
