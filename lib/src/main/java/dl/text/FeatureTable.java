package dl.text;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import dl.tensor.Tensor;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Turns a [rows, features] matrix into a tablesaw Table for display, or an fp32 tensor for training. */
final class FeatureTable {

    private FeatureTable() {}

    /** One row per document (first column {@code rowColumn} holds the row labels), one column per feature. */
    static Table table(String name, String rowColumn, List<String> rowLabels, List<String> features, double[][] values) {
        Table t = Table.create(name, StringColumn.create(rowColumn, rowLabels));
        for (int j = 0; j < features.size(); j++) {
            double[] col = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                col[i] = values[i][j];
            }
            String header = features.get(j);
            while (t.containsColumn(header)) {
                header = header + "'";   // tablesaw needs unique names ("doc" may be a token too)
            }
            t.addColumns(DoubleColumn.create(header, col));
        }
        return t;
    }

    static Tensor tensor(double[][] values, int columns) {
        float[] flat = new float[values.length * columns];
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < columns; j++) {
                flat[i * columns + j] = (float) values[i][j];
            }
        }
        return Tensor.of(Nd4j.create(flat, new long[] {values.length, columns}, DataType.FLOAT));
    }
}
