package dl.kernel;

/**
 * What running code produced: the value of its last expression, to be rendered, or nothing
 * (declarations, statements, magics). A present value may be {@code null}.
 */
public record CellResult(boolean hasValue, Object value) {

    public static final CellResult NONE = new CellResult(false, null);

    public static CellResult of(Object value) {
        return new CellResult(true, value);
    }
}
