package dl.nn;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words. Java's file exceptions often carry only a path as
 * their message ({@code AccessDeniedException: /data/model.npz}); the reason is in the type.
 */
final class IoProblem {

    private IoProblem() {}

    /** e.g. "permission denied: /data/model.npz", "no such file or directory: /tmp/gone". */
    static String describe(IOException e) {
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        String other = e instanceof FileSystemException f ? f.getOtherFile() : null;
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof NotDirectoryException) {
            reason = "not a directory";
        } else if (e instanceof FileAlreadyExistsException) {
            reason = "a file of that name is in the way";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason().toLowerCase(java.util.Locale.ROOT);
        } else {
            return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        if (file == null) {
            return reason;
        }
        return reason + ": " + file + (other != null ? " -> " + other : "");
    }

    /** A hint for the reasons a learner can act on, or "". */
    static String hint(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "; hint: choose a folder you can write to (e.g. one under the notebook's folder,"
                    + " or Files.createTempDirectory(\"models\"))";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "; hint: a part of the path that should be a folder is a file";
        }
        return "";
    }
}
