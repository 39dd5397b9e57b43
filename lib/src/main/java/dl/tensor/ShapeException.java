package dl.tensor;

/** A tensor operation got shapes it cannot work with; the message names the op and both shapes. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }

    public ShapeException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The same error with the place it happened appended, e.g. a layer catching it:
     * {@code matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ (in Linear 'fc2')}.
     * The new exception keeps this one's cause and stack trace, so the trace still points at the op.
     */
    public ShapeException withContext(String where) {
        ShapeException e = new ShapeException(getMessage() + " (in " + where + ")", getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
