package dl.nn;

import dl.display.HtmlDisplayable;
import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The table {@link Module#summary(long...)} returns: every layer the dummy forward pass ran
 * (dotted name, type, output shape, parameter count) and the model's totals. Renders as an
 * HTML table in a notebook and as aligned text with {@link #toString()}.
 *
 * <p>A layer's parameter count includes its sub-layers; a layer called several times is listed once.
 */
public final class ModelSummary implements HtmlDisplayable {

    /** One layer: its dotted name, class, output shape, parameter count and nesting depth (0 = top). */
    public record Row(String name, String type, long[] outputShape, long parameters, int depth) {
        public String shapeText() {
            return outputShape == null ? "-" : Arrays.toString(outputShape);
        }

        /** Prints the shape readably ([N, 10], not the array's [J@... identity). */
        @Override
        public String toString() {
            return "Row[name=" + name + ", type=" + type + ", outputShape=" + shapeText() + ", parameters=" + parameters
                    + ", depth=" + depth + "]";
        }
    }

    private final String modelType;
    private final long[] inputShape;
    private final long[] outputShape;
    private final List<Row> rows;
    private final long total;
    private final long trainable;

    private ModelSummary(String modelType, long[] inputShape, long[] outputShape, List<Row> rows, long total, long trainable) {
        this.modelType = modelType;
        this.inputShape = inputShape;
        this.outputShape = outputShape;
        this.rows = List.copyOf(rows);
        this.total = total;
        this.trainable = trainable;
    }

    static ModelSummary of(Module model, long... inputShape) {
        if (inputShape.length == 0) {
            throw new IllegalArgumentException(model.typeName() + ".summary: give the input shape with the batch dimension, e.g. summary(1, 784)");
        }
        for (long d : inputShape) {
            if (d <= 0) {
                throw new IllegalArgumentException(model.typeName() + ".summary: input shape must be positive, got "
                        + Arrays.toString(inputShape));
            }
        }
        Map<String, Module> named = model.namedModules();
        IdentityHashMap<Module, Boolean> modes = new IdentityHashMap<>();
        named.values().forEach(m -> modes.put(m, m.isTraining()));
        Tensor out;
        SummaryRecorder recorder = SummaryRecorder.start();
        try (var g = Tensor.noGrad()) {
            model.eval();
            out = model.forward(Tensor.of(Nd4j.zeros(model.dtype(), inputShape)));
        } finally {
            recorder.stop();
            restoreModes(named, modes);
        }
        IdentityHashMap<Module, String> pathOf = new IdentityHashMap<>();
        named.forEach((path, m) -> pathOf.putIfAbsent(m, path));
        List<Row> rows = new ArrayList<>();
        for (SummaryRecorder.Call c : recorder.calls()) {
            if (c.module == model) {
                continue;
            }
            String name = pathOf.getOrDefault(c.module, c.module.label() == null ? "?" : c.module.label());
            rows.add(new Row(name, c.module.typeName(), c.outputShape, c.module.parameterCount(), c.depth - 1));
        }
        return new ModelSummary(model.typeName(), inputShape.clone(), out == null ? null : out.shape(), rows,
                model.parameterCount(), model.trainableParameterCount());
    }

    private static void restoreModes(Map<String, Module> named, IdentityHashMap<Module, Boolean> modes) {
        // train(boolean) recurses and would overwrite mixed modes: set each module's own flag.
        for (Module m : named.values()) {
            m.setTrainingFlag(modes.get(m));
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public long totalParameters() {
        return total;
    }

    public long trainableParameters() {
        return trainable;
    }

    public long nonTrainableParameters() {
        return total - trainable;
    }

    public long[] inputShape() {
        return inputShape.clone();
    }

    public long[] outputShape() {
        return outputShape == null ? null : outputShape.clone();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public String toString() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"Layer", "Type", "Output shape", "Params"});
        for (Row r : rows) {
            cells.add(new String[] {"  ".repeat(r.depth()) + r.name(), r.type(), r.shapeText(), count(r.parameters())});
        }
        int[] width = new int[4];
        for (String[] row : cells) {
            for (int i = 0; i < 4; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder(modelType).append(": input ").append(Arrays.toString(inputShape))
                .append(" -> output ").append(outputShape == null ? "-" : Arrays.toString(outputShape)).append('\n');
        for (int k = 0; k < cells.size(); k++) {
            String[] row = cells.get(k);
            b.append(pad(row[0], width[0])).append("  ").append(pad(row[1], width[1])).append("  ")
                    .append(pad(row[2], width[2])).append("  ")
                    .append(" ".repeat(width[3] - row[3].length())).append(row[3]).append('\n');
            if (k == 0) {
                b.append("-".repeat(width[0] + width[1] + width[2] + width[3] + 6)).append('\n');
            }
        }
        b.append("Total parameters: ").append(count(total)).append('\n');
        b.append("Trainable parameters: ").append(count(trainable)).append('\n');
        b.append("Non-trainable parameters: ").append(count(total - trainable));
        return b.toString();
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(w - s.length());
    }

    @Override
    public String toHtml() {
        StringBuilder b = new StringBuilder("<table class=\"model-summary\">\n<caption>")
                .append(esc(modelType)).append(": input ").append(Arrays.toString(inputShape)).append(" &rarr; output ")
                .append(outputShape == null ? "-" : Arrays.toString(outputShape)).append("</caption>\n")
                .append("<thead><tr><th style=\"text-align:left\">Layer</th><th style=\"text-align:left\">Type</th>")
                .append("<th style=\"text-align:left\">Output shape</th><th style=\"text-align:right\">Params</th></tr></thead>\n<tbody>\n");
        for (Row r : rows) {
            b.append("<tr><td style=\"text-align:left;padding-left:").append(0.5 + 1.5 * r.depth()).append("em\">")
                    .append(esc(r.name())).append("</td><td style=\"text-align:left\">").append(esc(r.type()))
                    .append("</td><td style=\"text-align:left\">").append(r.shapeText())
                    .append("</td><td style=\"text-align:right\">").append(count(r.parameters())).append("</td></tr>\n");
        }
        b.append("</tbody>\n<tfoot>\n");
        footer(b, "Total parameters", total);
        footer(b, "Trainable parameters", trainable);
        footer(b, "Non-trainable parameters", total - trainable);
        return b.append("</tfoot>\n</table>").toString();
    }

    private static void footer(StringBuilder b, String label, long n) {
        b.append("<tr><th colspan=\"3\" style=\"text-align:left\">").append(label)
                .append("</th><td style=\"text-align:right\">").append(count(n)).append("</td></tr>\n");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
