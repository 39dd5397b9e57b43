package dl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A data file known by its size and SHA-256: {@link #read()} returns its bytes only after both
 * match, so a truncated, corrupt or different file is never half-used.
 *
 * @param what     a name for messages ("Fashion-MNIST train images")
 * @param path     where the file lives
 * @param size     expected size in bytes, or -1 when only the checksum is pinned
 * @param sha256   expected SHA-256, lowercase hex
 * @param howToGet what to do when the file is missing or bad (e.g. the apt-get command)
 */
public record PinnedFile(String what, Path path, long size, String sha256, String howToGet) {

    public PinnedFile {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("PinnedFile " + what + ": sha256 must be 64 lowercase hex digits, got " + sha256);
        }
    }

    /** True when the file exists (it may still be corrupt). */
    public boolean exists() {
        return Files.isRegularFile(path);
    }

    /** The whole file, after its size and SHA-256 were checked. */
    public byte[] read() {
        if (!exists()) {
            throw new DataFileException(what + ": file " + path + " not found. " + howToGet);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataFileException(what + ": cannot read " + path + ": " + e.getMessage(), e);
        }
        if (size >= 0 && bytes.length != size) {
            throw new DataFileException(what + ": " + path + " has " + bytes.length + " bytes, expected " + size
                    + (bytes.length < size ? " (truncated)" : " (corrupt or a different version)") + ". " + howToGet);
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha256)) {
            throw new DataFileException(what + ": " + path + " has SHA-256 " + actual + ", expected " + sha256
                    + " (the file is corrupt or a different version). " + howToGet);
        }
        return bytes;
    }

    /** SHA-256 of {@code bytes} as lowercase hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The install hint for a file from a Debian package. */
    static String debianHint(String debianPackage) {
        return "It comes from the Debian package " + debianPackage + "; install or repair it with: "
                + "sudo apt-get install --reinstall " + debianPackage;
    }
}
