package dl.train;

import dl.display.HtmlDisplayable;
import dl.viz.Figure;
import dl.viz.Plot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What happened in training, one row per epoch: epoch, losses, metrics, learning rate, seconds.
 * Shows as an HTML table in a notebook; {@link #table()} gives a tablesaw Table and
 * {@link #plot()} the training curves in one call.
 */
public final class History implements HtmlDisplayable {

    private final Map<String, List<Double>> columns = new LinkedHashMap<>();
    private int rows;
    private final java.util.Set<String> warnedColumns = new java.util.HashSet<>();

    /** Adds one epoch's values; a column missing in this row gets NaN. */
    public void log(int epoch, Map<String, Double> values) {
        columns.computeIfAbsent("epoch", k -> new ArrayList<>());
        for (String name : values.keySet()) {
            columns.computeIfAbsent(name, k -> {
                List<Double> filled = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    filled.add(Double.NaN);
                }
                return filled;
            });
        }
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            c.getValue().add(c.getKey().equals("epoch") ? (double) epoch : values.getOrDefault(c.getKey(), Double.NaN));
        }
        rows++;
        for (Map.Entry<String, Double> v : values.entrySet()) {
            Double value = v.getValue();
            if (value != null && !Double.isFinite(value) && warnedColumns.add(v.getKey())) {
                // a hand-written loop that logs a NaN loss gets told once, at the first one
                System.err.println("warning: History: " + v.getKey() + " is " + value + " at epoch " + epoch
                        + " (its first value that is not a finite number); hint: if it is a loss, the training"
                        + " diverged (lower the learning rate) or the inputs hold NaN; Trainer.fit stops there by itself");
            }
        }
    }

    /** Number of logged epochs. */
    public int epochs() {
        return rows;
    }

    /** Column names in the order they first appeared. */
    public List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }

    /** All values of a column, e.g. {@code doubles("val_loss")}. */
    public double[] doubles(String column) {
        List<Double> c = columns.get(column);
        if (c == null) {
            throw new IllegalArgumentException("History: no column '" + column + "'; columns are " + columns.keySet());
        }
        return c.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The last logged value of a column. */
    public double last(String column) {
        double[] v = doubles(column);
        if (v.length == 0) {
            throw new IllegalStateException("History: nothing logged yet");
        }
        return v[v.length - 1];
    }

    /** The smallest value of a column (NaN ignored), e.g. the best validation loss. */
    public double min(String column) {
        double best = Double.NaN;
        for (double x : doubles(column)) {
            if (!Double.isNaN(x) && !(x >= best)) {
                best = x;
            }
        }
        return best;
    }

    /** The largest value of a column (NaN ignored), e.g. the best validation accuracy. */
    public double max(String column) {
        double best = Double.NaN;
        for (double x : doubles(column)) {
            if (!Double.isNaN(x) && !(x <= best)) {
                best = x;
            }
        }
        return best;
    }

    /** The history as a tablesaw Table (epoch as an integer column). */
    public Table table() {
        Table t = Table.create("history");
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            if (c.getKey().equals("epoch")) {
                t.addColumns(IntColumn.create("epoch", c.getValue().stream().mapToInt(Double::intValue).toArray()));
            } else {
                t.addColumns(DoubleColumn.create(c.getKey(), c.getValue().stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        return t;
    }

    /**
     * Training curves: one panel per quantity, train vs validation. The seconds per epoch are
     * left out, and so is the learning rate when it never changed (a flat line says nothing).
     */
    public Figure plot() {
        Table t = table();
        if (t.containsColumn("seconds")) {
            t.removeColumns("seconds");
        }
        if (t.containsColumn("lr") && constant(doubles("lr")) && t.columnCount() > 2) {
            t.removeColumns("lr");
        }
        return Plot.training(t);
    }

    private static boolean constant(double[] values) {
        for (double v : values) {
            if (Double.compare(v, values[0]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table class=\"dl-history\"><thead><tr>");
        for (String name : columns.keySet()) {
            b.append("<th>").append(name).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        int from = rows > 20 ? rows - 10 : 0;
        if (from > 0) {
            b.append(row(0)).append("<tr><td colspan=\"").append(columns.size()).append("\">… ")
                    .append(from - 1).append(" more epochs …</td></tr>");
        }
        for (int r = from; r < rows; r++) {
            b.append(row(r));
        }
        return b.append("</tbody></table>").toString();
    }

    private String row(int r) {
        StringBuilder b = new StringBuilder("<tr>");
        for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
            b.append("<td>").append(format(c.getKey(), c.getValue().get(r))).append("</td>");
        }
        return b.append("</tr>").toString();
    }

    static String format(String column, double v) {
        if (column.equals("epoch")) {
            return String.valueOf((long) v);
        }
        if (Double.isNaN(v)) {
            return "";
        }
        if (column.equals("seconds")) {
            return String.format("%.2f", v);
        }
        return Math.abs(v) != 0 && Math.abs(v) < 1e-3 ? String.format("%.3e", v) : String.format("%.4f", v);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("History(" + rows + " epochs)");
        if (rows > 0) {
            b.append(" last:");
            for (Map.Entry<String, List<Double>> c : columns.entrySet()) {
                b.append(' ').append(c.getKey()).append('=').append(format(c.getKey(), c.getValue().get(rows - 1)));
            }
        }
        return b.toString();
    }
}
