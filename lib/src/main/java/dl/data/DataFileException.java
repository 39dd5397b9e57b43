package dl.data;

/**
 * A data file is missing, unreadable, corrupt, truncated or not in the expected format. The
 * message names the file, what was expected, what was found, and how to get a good copy.
 */
public class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
