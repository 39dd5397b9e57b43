package dl.metrics;

import dl.display.HtmlDisplayable;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts of (actual class, predicted class) pairs: entry [a][p] is the number of samples of
 * class a predicted as p (rows = actual, columns = predicted, as scikit-learn). The diagonal
 * holds the correct predictions. For class k:
 * <ul>
 *   <li>precision_k = TP / (TP + FP): of the samples predicted as k, the fraction that are k;</li>
 *   <li>recall_k = TP / (TP + FN): of the samples of class k, the fraction found;</li>
 *   <li>F1_k = 2 P R / (P + R) = 2 TP / (2 TP + FP + FN).</li>
 * </ul>
 * When a denominator is 0 (class k never predicted, or absent from the labels) the value is 0,
 * scikit-learn's default ({@code zero_division} "warn", which returns 0). Macro averages are the
 * plain means over all classes of the matrix, including classes that never occur.
 */
public final class ConfusionMatrix implements HtmlDisplayable {

    private final long[][] counts;
    private final List<String> classNames;

    private ConfusionMatrix(long[][] counts, List<String> classNames) {
        this.counts = counts;
        this.classNames = classNames;
    }

    /** From predicted and actual class ids, with {@code max id + 1} classes named "0", "1", .... */
    public static ConfusionMatrix of(int[] predicted, int[] actual) {
        checkPairs(predicted, actual);
        int max = 0;
        for (int i = 0; i < predicted.length; i++) {
            max = Math.max(max, Math.max(predicted[i], actual[i]));
        }
        return of(predicted, actual, max + 1);
    }

    /** From class ids in 0..numClasses−1, classes named "0", "1", .... */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int numClasses) {
        if (numClasses < 1) {
            throw new IllegalArgumentException("confusion matrix: numClasses must be >= 1, got " + numClasses);
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < numClasses; k++) {
            names.add(String.valueOf(k));
        }
        return of(predicted, actual, names);
    }

    /** From class ids; class k is called {@code classNames.get(k)} in tables. */
    public static ConfusionMatrix of(int[] predicted, int[] actual, List<String> classNames) {
        checkPairs(predicted, actual);
        List<String> names = checkNames(classNames);
        int c = names.size();
        long[][] counts = new long[c][c];
        for (int i = 0; i < predicted.length; i++) {
            checkId("predicted", predicted[i], i, c);
            checkId("actual", actual[i], i, c);
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, names);
    }

    /** From class scores [N, C] (prediction = largest score of each row) and actual ids. */
    public static ConfusionMatrix of(Tensor scores, int[] actual, List<String> classNames) {
        return of(Classes.argmax(scores), actual, classNames);
    }

    /** From class scores [N, C] and actual ids, with C classes named "0", "1", .... */
    public static ConfusionMatrix of(Tensor scores, int[] actual) {
        return of(Classes.argmax(scores), actual, (int) scores.size(1));
    }

    /** From counts already made: {@code counts[actual][predicted]}, a square array of counts ≥ 0. */
    public static ConfusionMatrix fromCounts(long[][] counts, List<String> classNames) {
        List<String> names = checkNames(classNames);
        int c = names.size();
        Objects.requireNonNull(counts, "confusion matrix: counts must not be null");
        if (counts.length != c) {
            throw new IllegalArgumentException("confusion matrix: " + counts.length + " rows of counts for " + c + " class names");
        }
        long[][] copy = new long[c][];
        for (int a = 0; a < c; a++) {
            if (counts[a] == null || counts[a].length != c) {
                throw new IllegalArgumentException("confusion matrix: row " + a + " has "
                        + (counts[a] == null ? 0 : counts[a].length) + " counts, expected " + c);
            }
            for (int p = 0; p < c; p++) {
                if (counts[a][p] < 0) {
                    throw new IllegalArgumentException("confusion matrix: count [" + a + "][" + p + "] is negative: " + counts[a][p]);
                }
            }
            copy[a] = counts[a].clone();
        }
        return new ConfusionMatrix(copy, names);
    }

    // ---------------------------------------------------------------- counts

    /** A copy of the counts, {@code [actual][predicted]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            copy[a] = counts[a].clone();
        }
        return copy;
    }

    /** Number of samples of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        return counts[checkClass(actual)][checkClass(predicted)];
    }

    public int numClasses() {
        return counts.length;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Number of samples counted. */
    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Correct predictions (the diagonal) over all samples; 0 for an empty matrix. */
    public double accuracy() {
        long correct = 0;
        for (int k = 0; k < counts.length; k++) {
            correct += counts[k][k];
        }
        long n = total();
        return n == 0 ? 0 : (double) correct / n;
    }

    public long truePositives(int k) {
        return counts[checkClass(k)][k];
    }

    /** Samples of other classes predicted as k: column k without the diagonal. */
    public long falsePositives(int k) {
        checkClass(k);
        long fp = 0;
        for (int a = 0; a < counts.length; a++) {
            fp += a == k ? 0 : counts[a][k];
        }
        return fp;
    }

    /** Samples of class k predicted as another class: row k without the diagonal. */
    public long falseNegatives(int k) {
        checkClass(k);
        long fn = 0;
        for (int p = 0; p < counts.length; p++) {
            fn += p == k ? 0 : counts[k][p];
        }
        return fn;
    }

    /** Samples whose actual class is k (row sum). */
    public long support(int k) {
        return truePositives(k) + falseNegatives(k);
    }

    // ---------------------------------------------------------------- precision, recall, F1

    /** TP / (TP + FP), 0 when class k is never predicted. */
    public double precision(int k) {
        return ratio(truePositives(k), truePositives(k) + falsePositives(k));
    }

    /** TP / (TP + FN), 0 when class k never occurs. */
    public double recall(int k) {
        return ratio(truePositives(k), support(k));
    }

    /** 2 TP / (2 TP + FP + FN) (= 2PR / (P + R)), 0 when class k is neither predicted nor present. */
    public double f1(int k) {
        long tp = truePositives(k);
        return ratio(2 * tp, 2 * tp + falsePositives(k) + falseNegatives(k));
    }

    public double[] precision() {
        double[] v = new double[counts.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = precision(k);
        }
        return v;
    }

    public double[] recall() {
        double[] v = new double[counts.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = recall(k);
        }
        return v;
    }

    public double[] f1() {
        double[] v = new double[counts.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = f1(k);
        }
        return v;
    }

    /** Mean of the per-class precisions (each class counts the same, whatever its size). */
    public double macroPrecision() {
        return mean(precision());
    }

    public double macroRecall() {
        return mean(recall());
    }

    /** Mean of the per-class F1 scores (not the F1 of the macro precision and recall). */
    public double macroF1() {
        return mean(f1());
    }

    // ---------------------------------------------------------------- tables and display

    /** The counts as a table: first column the actual class, then one column per predicted class. */
    public Table table() {
        Table t = Table.create("Confusion matrix (rows: actual, columns: predicted)");
        t.addColumns(StringColumn.create(cornerLabel(), classNames));
        for (int p = 0; p < counts.length; p++) {
            long[] column = new long[counts.length];
            for (int a = 0; a < counts.length; a++) {
                column[a] = counts[a][p];
            }
            t.addColumns(LongColumn.create(classNames.get(p), column));
        }
        return t;
    }

    /** Per-class precision, recall, F1 and support, then a "macro avg" row (support = total). */
    public Table report() {
        int c = counts.length;
        StringColumn names = StringColumn.create("class");
        DoubleColumn p = DoubleColumn.create("precision");
        DoubleColumn r = DoubleColumn.create("recall");
        DoubleColumn f = DoubleColumn.create("f1");
        LongColumn s = LongColumn.create("support");
        for (int k = 0; k < c; k++) {
            names.append(classNames.get(k));
            p.append(precision(k));
            r.append(recall(k));
            f.append(f1(k));
            s.append(support(k));
        }
        names.append("macro avg");
        p.append(macroPrecision());
        r.append(macroRecall());
        f.append(macroF1());
        s.append(total());
        return Table.create("Classification report", names, p, r, f, s);
    }

    /** An HTML table for notebooks; cells are shaded by their share of the row (the actual class). */
    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse;text-align:right\">");
        b.append("<caption>Confusion matrix: rows = actual class, columns = predicted class</caption><tr><th>")
                .append(escape(cornerLabel())).append("</th>");
        for (String name : classNames) {
            b.append("<th>").append(escape(name)).append("</th>");
        }
        b.append("</tr>");
        for (int a = 0; a < counts.length; a++) {
            long rowTotal = support(a);
            b.append("<tr><th>").append(escape(classNames.get(a))).append("</th>");
            for (int p = 0; p < counts.length; p++) {
                double share = rowTotal == 0 ? 0 : (double) counts[a][p] / rowTotal;
                String color = a == p ? "46,139,87" : "205,92,92";   // green diagonal, red errors
                b.append(String.format(Locale.ROOT,
                        "<td style=\"padding:2px 8px;background:rgba(%s,%.2f)\">%d</td>", color, share * 0.8, counts[a][p]));
            }
            b.append("</tr>");
        }
        return b.append("</table>").toString();
    }

    /** The counts as aligned text, rows = actual, columns = predicted. */
    @Override
    public String toString() {
        int width = cornerLabel().length();
        for (String name : classNames) {
            width = Math.max(width, name.length());
        }
        for (long[] row : counts) {
            for (long v : row) {
                width = Math.max(width, Long.toString(v).length());
            }
        }
        String cell = "%" + (width + 1) + "s";
        StringBuilder b = new StringBuilder("ConfusionMatrix(" + counts.length + " classes, " + total() + " samples)\n");
        b.append(String.format(cell, cornerLabel()));
        for (String name : classNames) {
            b.append(String.format(cell, name));
        }
        for (int a = 0; a < counts.length; a++) {
            b.append('\n').append(String.format(cell, classNames.get(a)));
            for (long v : counts[a]) {
                b.append(String.format(cell, v));
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static String cornerLabel() {
        return "actual \\ predicted";
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    private int checkClass(int k) {
        if (k < 0 || k >= counts.length) {
            throw new IllegalArgumentException("confusion matrix: class " + k + " out of range for " + counts.length
                    + " classes (valid 0.." + (counts.length - 1) + ")");
        }
        return k;
    }

    private static void checkPairs(int[] predicted, int[] actual) {
        Objects.requireNonNull(predicted, "confusion matrix: predicted must not be null");
        Objects.requireNonNull(actual, "confusion matrix: actual must not be null");
        if (predicted.length != actual.length) {
            throw new IllegalArgumentException("confusion matrix: " + predicted.length + " predictions but "
                    + actual.length + " labels; expected one label per prediction");
        }
    }

    private static void checkId(String what, int id, int position, int numClasses) {
        if (id < 0 || id >= numClasses) {
            throw new IllegalArgumentException("confusion matrix: " + what + " class " + id + " at position " + position
                    + " is out of range for " + numClasses + " classes (valid ids 0.." + (numClasses - 1) + ")");
        }
    }

    private static List<String> checkNames(List<String> classNames) {
        Objects.requireNonNull(classNames, "confusion matrix: class names must not be null");
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("confusion matrix: at least one class name is needed");
        }
        var seen = new HashSet<String>();
        for (String name : classNames) {
            if (name == null || name.equals(cornerLabel())) {
                throw new IllegalArgumentException("confusion matrix: invalid class name " + name + " in " + classNames);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("confusion matrix: class name '" + name + "' appears twice in " + classNames
                        + "; table columns need distinct names");
            }
        }
        return List.copyOf(classNames);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
