package dl.nn;

import dl.tensor.ShapeException;

/**
 * A {@link ShapeException} raised inside a layer, with the layer appended to the message:
 * {@code matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ (in Linear 'fc2')}.
 *
 * <p>The message has the form of {@link ShapeException#withContext}. {@link Module#forward} adds the layer once, at the innermost module; every enclosing module
 * then replaces the name by the dotted path seen from itself ({@code encoder.fc2}), so the
 * message finally names the layer as the outermost model calls it. The original exception is
 * the cause and its stack trace is kept.
 */
public final class LayerShapeException extends ShapeException {

    private final String detail;
    private final transient Module layer;
    private final String path;

    LayerShapeException(ShapeException cause, Module layer, String path) {
        this(cause.getMessage(), cause, layer, path);
    }

    private LayerShapeException(String detail, Throwable cause, Module layer, String path) {
        super(detail + " (in " + describe(layer, path) + ")", cause);
        this.detail = detail;
        this.layer = layer;
        this.path = path;
        setStackTrace(cause.getStackTrace());
    }

    private static String describe(Module layer, String path) {
        if (path != null) {
            return layer.typeName() + " '" + path + "'";
        }
        String extra = layer.extraRepr();
        return extra.isEmpty() ? layer.typeName() : layer.typeName() + "(" + extra + ")";
    }

    /** The same error with the layer named by {@code newPath}. */
    LayerShapeException at(String newPath) {
        return new LayerShapeException(detail, getCause(), layer, newPath);
    }

    /** The layer whose computation failed. */
    public Module layer() {
        return layer;
    }

    /** The layer's name or dotted path, or null for a layer used on its own. */
    public String path() {
        return path;
    }

    /** The original message, without the layer. */
    public String detail() {
        return detail;
    }
}
