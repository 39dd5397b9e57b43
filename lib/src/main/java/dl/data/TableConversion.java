package dl.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Conversion between tablesaw Tables and {@link ArrayDataset}s. */
final class TableConversion {

    private TableConversion() {}

    static ArrayDataset toDataset(Table table, String labelColumn, String... featureColumns) {
        String where = "ArrayDataset.fromTable(" + table.name() + ")";
        if (table.rowCount() == 0) {
            throw new IllegalArgumentException(where + ": the table has no rows; a dataset needs at least one example");
        }
        Column<?> label = column(table, labelColumn, where);
        List<Column<?>> features = new ArrayList<>();
        if (featureColumns.length == 0) {
            for (Column<?> c : table.columns()) {
                if (!c.name().equals(label.name())) {
                    features.add(c);
                }
            }
        } else {
            for (String name : featureColumns) {
                features.add(column(table, name, where));
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(where + ": no feature columns besides the label '" + labelColumn + "'");
        }
        int n = table.rowCount();
        int d = features.size();
        float[] x = new float[n * d];
        for (int j = 0; j < d; j++) {
            NumericColumn<?> c = numeric(features.get(j), where, "feature");
            for (int i = 0; i < n; i++) {
                x[i * d + j] = (float) finite(c, i, where);
            }
        }
        INDArray xs = Nd4j.create(x, new long[] {n, d}, DataType.FLOAT);
        ColumnType type = label.type();
        if (label instanceof StringColumn s) {
            List<String> names = new ArrayList<>(new TreeSet<>(s.asList()));
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                if (s.isMissing(i)) {
                    throw new IllegalArgumentException(where + ": label column '" + labelColumn
                            + "' is missing a value at row " + i);
                }
                ids[i] = names.indexOf(s.get(i));
            }
            return ArrayDataset.of(xs, ids, names);
        }
        NumericColumn<?> c = numeric(label, where, "label");
        if (type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.SHORT) {
            int[] ids = new int[n];
            int max = 0;
            for (int i = 0; i < n; i++) {
                double v = finite(c, i, where);
                if (v < 0) {
                    throw new IllegalArgumentException(where + ": label column '" + labelColumn + "' has "
                            + (long) v + " at row " + i + "; class ids must be >= 0");
                }
                ids[i] = (int) v;
                max = Math.max(max, ids[i]);
            }
            return ArrayDataset.of(xs, ids, max + 1);
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = (float) finite(c, i, where);
        }
        return ArrayDataset.of(xs, Nd4j.create(y, new long[] {n, 1}, DataType.FLOAT));
    }

    static Table toTable(ArrayDataset data, String name) {
        INDArray x = data.x();
        if (x.rank() != 2) {
            throw new IllegalArgumentException("toTable: x has shape " + Arrays.toString(x.shape())
                    + "; a table needs [N, d] features. hint: flatten first, x.reshape(N, -1)");
        }
        Table t = Table.create(name);
        int n = data.size();
        double[][] cols = columns(x);
        for (int j = 0; j < cols.length; j++) {
            t.addColumns(DoubleColumn.create("x" + j, cols[j]));
        }
        if (data.numClasses() > 0) {
            t.addColumns(IntColumn.create("label", data.labels()));
        } else {
            INDArray y = data.y().rank() == 1 ? data.y().reshape(n, 1) : data.y();
            double[][] ys = columns(y);
            for (int j = 0; j < ys.length; j++) {
                t.addColumns(DoubleColumn.create(ys.length == 1 ? "y" : "y" + j, ys[j]));
            }
        }
        return t;
    }

    private static double[][] columns(INDArray a) {
        int n = (int) a.size(0);
        int d = (int) a.size(1);
        double[] flat = a.dup('c').data().asDouble();
        double[][] cols = new double[d][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                cols[j][i] = flat[i * d + j];
            }
        }
        return cols;
    }

    private static Column<?> column(Table table, String name, String where) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException(where + ": no column '" + name + "'; the columns are "
                    + table.columnNames());
        }
        return table.column(name);
    }

    private static NumericColumn<?> numeric(Column<?> c, String where, String role) {
        if (c instanceof NumericColumn<?> num) {
            return num;
        }
        throw new IllegalArgumentException(where + ": " + role + " column '" + c.name() + "' has type "
                + c.type().name() + "; expected a numeric column (INTEGER, LONG, SHORT, FLOAT, DOUBLE)"
                + ". hint: encode it as numbers first, or leave it out of the features");
    }

    private static double finite(NumericColumn<?> c, int row, String where) {
        if (c.isMissing(row)) {
            throw new IllegalArgumentException(where + ": column '" + c.name() + "' is missing a value at row "
                    + row + "; expected a number. hint: drop or fill missing rows first (table.dropRowsWithMissingValues())");
        }
        double v = c.getDouble(row);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ": column '" + c.name() + "' has " + v + " at row " + row
                    + "; expected a finite number");
        }
        return v;
    }
}
