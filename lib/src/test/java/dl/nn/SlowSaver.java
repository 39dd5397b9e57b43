package dl.nn;

import java.nio.file.Path;

/** A separate JVM that saves a large model again and again, for a test that kills it mid-save. */
public final class SlowSaver {

    private SlowSaver() {}

    public static void main(String[] args) {
        var model = new Linear(1500, 1500);
        Path file = Path.of(args[0]);
        while (true) {
            model.save(file);
        }
    }
}
