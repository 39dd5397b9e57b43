package dl.tensor;

/** A tensor operation got shapes it cannot work with; the message names the op and both shapes. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }
}
