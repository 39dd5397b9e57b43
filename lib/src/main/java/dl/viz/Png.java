package dl.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** PNG output: bytes for the kernel, files written atomically (temp file, then rename). */
final class Png {

    private Png() {}

    static byte[] bytes(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(image, out);
        return out.toByteArray();
    }

    /** Writes {@code image} to {@code path}; a reader never sees a half-written file. */
    static Path save(BufferedImage image, Path path) {
        if (path == null) {
            throw new IllegalArgumentException("save: path is null");
        }
        Path target = path.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    write(image, out);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("save: cannot write PNG to " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    private static void write(BufferedImage image, OutputStream out) {
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer available in ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
