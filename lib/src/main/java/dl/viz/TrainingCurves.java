package dl.viz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Training curves: one panel per quantity (loss, accuracy, ...), a line per split (train,
 * validation, test), against the epoch (or step).
 *
 * <p>From a table, columns pair up by name: {@code val_loss}, {@code valid_loss} and
 * {@code test_loss} go into the panel of {@code loss} (as do {@code train_loss} and {@code loss}
 * itself). The x column is the first of epoch, step, iteration, batch; without one, rows count
 * from 1. Missing values (NaN, e.g. a validation run every few epochs) are skipped.
 */
final class TrainingCurves {

    static final int PANEL_WIDTH = 460;
    static final int PANEL_HEIGHT = 320;
    private static final String[] X_COLUMNS = {"epoch", "step", "iteration", "iter", "batch"};
    private static final String[] SPLITS = {"train", "val", "valid", "validation", "test"};

    private TrainingCurves() {}

    /** One panel's lines: split name -> values. */
    private static final class Panel {
        final String quantity;
        final Map<String, double[]> lines = new LinkedHashMap<>();

        Panel(String quantity) {
            this.quantity = quantity;
        }
    }

    static Figure fromTable(Table table) {
        String where = "Plot.training";
        Inputs.notNull(where, "history", table);
        if (table.rowCount() == 0) {
            throw Inputs.error(where, "table '" + table.name() + "' has no rows");
        }
        String xName = null;
        for (String candidate : X_COLUMNS) {
            if (table.containsColumn(candidate) && table.column(candidate) instanceof NumericColumn) {
                xName = table.column(candidate).name();
                break;
            }
        }
        double[] x = xName != null
                ? ((NumericColumn<?>) table.column(xName)).asDoubleArray()
                : LinePlot.countFromOne(table.rowCount());
        Map<String, Panel> panels = new LinkedHashMap<>();
        for (Column<?> column : table.columns()) {
            if (!(column instanceof NumericColumn<?> numeric) || column.name().equals(xName)) {
                continue;
            }
            String[] splitAndQuantity = split(column.name());
            panels.computeIfAbsent(splitAndQuantity[1], Panel::new)
                    .lines.put(splitAndQuantity[0], numeric.asDoubleArray());
        }
        for (Panel p : panels.values()) {
            // a quantity logged once (lr, grad_norm) is named by itself, not "train"
            if (p.lines.size() == 1 && p.lines.containsKey("train") && table.containsColumn(p.quantity)) {
                double[] only = p.lines.remove("train");
                p.lines.put(p.quantity, only);
            }
        }
        if (panels.isEmpty()) {
            throw Inputs.error(where, "table '" + table.name() + "' has no numeric metric columns"
                    + (xName != null ? " besides '" + xName + "'" : "") + "; columns: " + table.columnNames());
        }
        return figure(xName != null ? xName : "epoch", x, new ArrayList<>(panels.values()));
    }

    /** Arrays per epoch; any of the validation arrays and the metric pair may be null. */
    static Figure fromArrays(double[] loss, double[] valLoss, String metric, double[] train, double[] val) {
        String where = "Plot.training";
        Inputs.notNull(where, "loss", loss);
        Inputs.nonEmpty(where, "loss", loss.length);
        List<Panel> panels = new ArrayList<>();
        panels.add(panel(where, "loss", loss.length, loss, valLoss));
        if (train != null || val != null) {
            panels.add(panel(where, metric, loss.length, train, val));
        }
        return figure("epoch", LinePlot.countFromOne(loss.length), panels);
    }

    private static Panel panel(String where, String quantity, int epochs, double[] train, double[] val) {
        Panel p = new Panel(quantity);
        if (train != null) {
            Inputs.sameLength(where, quantity.equals("loss") ? "loss" : "train " + quantity, train.length, "loss", epochs);
            p.lines.put("train", train);
        }
        if (val != null) {
            Inputs.sameLength(where, "validation " + quantity, val.length, "loss", epochs);
            p.lines.put("validation", val);
        }
        return p;
    }

    /** "val_loss" -> {"validation", "loss"}; "loss" -> {"train", "loss"}. */
    static String[] split(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        for (String prefix : SPLITS) {
            for (String sep : new String[] {"_", " ", "-", "."}) {
                if (lower.startsWith(prefix + sep) && column.length() > prefix.length() + 1) {
                    String split = prefix.equals("train") ? "train" : prefix.equals("test") ? "test" : "validation";
                    return new String[] {split, column.substring(prefix.length() + 1)};
                }
            }
        }
        return new String[] {"train", column};
    }

    private static Figure figure(String xLabel, double[] x, List<Panel> panels) {
        List<LinePlot> charts = new ArrayList<>();
        for (Panel p : panels) {
            LinePlot chart = new LinePlot(p.quantity, xLabel, p.quantity, PANEL_WIDTH, PANEL_HEIGHT);
            int colour = 0;
            List<String> notDrawn = new ArrayList<>();
            for (Map.Entry<String, double[]> line : p.lines.entrySet()) {
                double[][] kept = withoutNaN(x, line.getValue());
                if (kept[0].length == 0 && hasNonFinite(line.getValue())) {
                    notDrawn.add(line.getKey());
                }
                if (kept[0].length > 0) {
                    chart.series(line.getKey(), kept[0], kept[1]).color(colour);
                    if (kept[0].length <= 30) {
                        chart.getSeriesMap().get(line.getKey())
                                .setMarker(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE);
                    }
                }
                colour++;
            }
            if (!notDrawn.isEmpty()) {
                // a panel with a line missing must say so, in the picture and in the cell's output
                String what = String.join(" and ", notDrawn) + " " + p.quantity;
                chart.setTitle(p.quantity + " (" + what + ": every value NaN or infinite, not drawn)");
                System.err.println("warning: training curves: every " + what + " value is NaN or infinite, so that"
                        + " line is not drawn; hint: the training diverged (lower the learning rate) or the data holds NaN");
            }
            charts.add(chart);
        }
        return new Figure(charts.size(), charts);
    }

    /** NaN marks a value that was not logged (validation every few epochs); ±∞, or NaN everywhere, is a fault. */
    private static boolean hasNonFinite(double[] y) {
        return y.length > 0 && Arrays.stream(y).noneMatch(Double::isFinite);
    }

    private static double[][] withoutNaN(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(x[i])) {
                n++;
            }
        }
        double[] kx = new double[n];
        double[] ky = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(x[i])) {
                kx[k] = x[i];
                ky[k++] = y[i];
            }
        }
        return new double[][] {kx, ky};
    }
}
