package dl.nn;

import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Whether converting saved values into a model's data type changed them, and the warning that says so. */
final class PrecisionLoss {

    private PrecisionLoss() {}

    /**
     * The largest |original − converted| over the elements, measured in fp64; 0 when the data
     * types agree or every value survives the conversion (fp32 values stored as fp64 do).
     */
    static double largestChange(INDArray original, INDArray converted) {
        if (original == converted || original.dataType() == converted.dataType() || original.length() == 0) {
            return 0;
        }
        INDArray a = original.castTo(DataType.DOUBLE);
        INDArray b = converted.castTo(DataType.DOUBLE);
        double change = Transforms.abs(a.sub(b), false).maxNumber().doubleValue();
        return Double.isNaN(change) ? 0 : change;   // NaN stays NaN in both
    }

    static String warning(String where, List<String> names, DataType from, DataType to, double largestChange) {
        return String.format(Locale.ROOT, "warning: %s: %s held %s values that %s rounds (largest change %.3g): %s;"
                        + " hint: call toDouble() on the model before loading to keep every digit",
                where, names.size() == 1 ? "1 entry" : names.size() + " entries", from, to, largestChange,
                String.join(", ", names));
    }
}
