package dl.kernel.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A compact text view of an Nd4j array, in the manner of numpy and PyTorch:
 * <pre>
 * INDArray float32 [2, 3]
 * [[ 0.5000, -1.2500,  2.0000],
 *  [ 1.0000,  0.0000,  3.7500]]
 * </pre>
 * Arrays with more than {@link #THRESHOLD} elements show the first and last {@link #EDGE} items
 * of every dimension with "..." between. Numbers share one format and width: integral floats as
 * {@code 3.}, others with 4 decimals, scientific notation when the magnitudes need it.
 */
public final class NdArrayText {

    /** Arrays larger than this are summarised (numpy's default). */
    static final long THRESHOLD = 1000;
    /** Items kept at each end of a summarised dimension. */
    static final int EDGE = 3;

    private NdArrayText() {}

    public static String format(INDArray array) {
        long[] shape = array.shape();
        String header = "INDArray " + dtypeName(array.dataType()) + " " + Arrays.toString(shape);
        if (array.isEmpty()) {
            return header + "\n[]";
        }
        boolean summarise = array.length() > THRESHOLD;
        Kind kind = Kind.of(array.dataType());
        // Collect the shown elements (as doubles or longs) to pick one format for all of them.
        List<long[]> shownIndices = new ArrayList<>();
        collect(shape, 0, new long[shape.length], summarise, shownIndices);
        String[] cells = new String[shownIndices.size()];
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = array.rank() == 0 ? array.getDouble(0L) : array.getDouble(shownIndices.get(i));
        }
        NumberStyle style = NumberStyle.choose(kind, values);
        int width = 0;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = style.format(values[i], i < shownIndices.size() && kind == Kind.INTEGER
                    ? (array.rank() == 0 ? array.getLong(0L) : array.getLong(shownIndices.get(i))) : 0);
            width = Math.max(width, cells[i].length());
        }
        if (shape.length == 0) {
            return header + "\n" + cells[0];
        }
        StringBuilder sb = new StringBuilder(header).append('\n');
        int[] next = {0};
        render(sb, shape, 0, summarise, cells, next, width);
        return sb.toString();
    }

    /** Visits the shown index tuples in row-major order. */
    private static void collect(long[] shape, int dim, long[] index, boolean summarise, List<long[]> out) {
        if (dim == shape.length) {
            out.add(index.clone());
            return;
        }
        for (long i : shownPositions(shape[dim], summarise)) {
            index[dim] = i;
            collect(shape, dim + 1, index, summarise, out);
        }
    }

    private static long[] shownPositions(long size, boolean summarise) {
        if (!summarise || size <= 2L * EDGE) {
            long[] all = new long[(int) size];
            for (int i = 0; i < size; i++) {
                all[i] = i;
            }
            return all;
        }
        long[] edges = new long[2 * EDGE];
        for (int i = 0; i < EDGE; i++) {
            edges[i] = i;
            edges[EDGE + i] = size - EDGE + i;
        }
        return edges;
    }

    private static void render(StringBuilder sb, long[] shape, int dim, boolean summarise, String[] cells, int[] next,
            int width) {
        sb.append('[');
        long size = shape[dim];
        boolean cut = summarise && size > 2L * EDGE;
        int count = cut ? 2 * EDGE : (int) size;
        String indent = " ".repeat(dim + 1);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                if (dim == shape.length - 1) {
                    sb.append(", ");
                } else {
                    sb.append(',').append("\n".repeat(shape.length - dim - 1)).append(indent);
                }
            }
            if (cut && i == EDGE) {
                sb.append(dim == shape.length - 1 ? "..., " : "...,\n" + "\n".repeat(shape.length - dim - 2) + indent);
            }
            if (dim == shape.length - 1) {
                String cell = cells[next[0]++];
                sb.append(" ".repeat(width - cell.length())).append(cell);
            } else {
                render(sb, shape, dim + 1, summarise, cells, next, width);
            }
        }
        sb.append(']');
    }

    /** numpy/PyTorch style names. */
    static String dtypeName(DataType type) {
        return switch (type) {
            case DOUBLE -> "float64";
            case FLOAT -> "float32";
            case HALF -> "float16";
            case BFLOAT16 -> "bfloat16";
            case LONG -> "int64";
            case INT -> "int32";
            case SHORT -> "int16";
            case BYTE -> "int8";
            case UBYTE -> "uint8";
            case UINT16 -> "uint16";
            case UINT32 -> "uint32";
            case UINT64 -> "uint64";
            case BOOL -> "bool";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private enum Kind {
        FLOAT, INTEGER, BOOL;

        static Kind of(DataType type) {
            if (type == DataType.BOOL) {
                return BOOL;
            }
            return type.isFPType() ? FLOAT : INTEGER;
        }
    }

    /** One number format for all shown elements of an array. */
    private record NumberStyle(Kind kind, boolean integral, boolean scientific) {

        static NumberStyle choose(Kind kind, double[] values) {
            if (kind != Kind.FLOAT) {
                return new NumberStyle(kind, true, false);
            }
            boolean integral = true;
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                double a = Math.abs(v);
                if (v != Math.rint(v)) {
                    integral = false;
                }
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) {
                    minAbs = Math.min(minAbs, a);
                }
            }
            boolean scientific = maxAbs >= 1e8 || (!integral && minAbs < 1e-4) || (integral && maxAbs >= 1e16);
            return new NumberStyle(kind, integral && !scientific, scientific);
        }

        String format(double v, long exact) {
            if (kind == Kind.BOOL) {
                return v != 0 ? "true" : "false";
            }
            if (kind == Kind.INTEGER) {
                return Long.toString(exact);
            }
            if (Double.isNaN(v)) {
                return "nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? "inf" : "-inf";
            }
            if (scientific) {
                return String.format(Locale.ROOT, "%.4e", v);
            }
            if (integral) {
                return String.format(Locale.ROOT, "%.0f.", v);
            }
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }
}
