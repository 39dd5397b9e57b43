package dl.tensor;

import dl.display.ImageDisplayable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The computation graph behind a tensor, as a picture: one node per tensor (inputs, parameters and
 * the result of every op) and an arrow from each input to the op that used it.
 *
 * <p>A node shows the op (or the tensor's name for a leaf), the output shape, the values when there
 * are at most {@value #MAX_SHOWN_VALUES} of them, and dL/d(node) once backward() has filled it
 * (leaves always; computed tensors after {@link Tensor#retainGrad()}).
 *
 * <p>{@link #toDot()} gives the Graphviz text; {@link #toImage()} and {@link #toSvg()} run Graphviz's
 * {@code dot} (Debian package {@code graphviz}). Node numbering follows the topological order, so
 * the same computation always gives the same text and picture.
 */
public final class Graph implements ImageDisplayable {

    /** Tensors with at most this many elements show their values. */
    public static final int MAX_SHOWN_VALUES = 4;

    private static final long DOT_TIMEOUT_SECONDS = 20;

    private final Tensor root;
    private final List<Tensor> order;

    private Graph(Tensor root) {
        this.root = root;
        this.order = root.topologicalOrder();
    }

    /** The graph of everything {@code root} was computed from. */
    public static Graph of(Tensor root) {
        if (root == null) {
            throw new IllegalArgumentException("Graph.of: root tensor must not be null");
        }
        return new Graph(root);
    }

    /** Number of nodes (tensors) in the graph. */
    public int size() {
        return order.size();
    }

    /** Graphviz DOT text, data flowing left to right from the inputs to {@code root}. */
    public String toDot() {
        IdentityHashMap<Tensor, String> ids = new IdentityHashMap<>();
        for (Tensor t : order) {
            ids.put(t, "n" + ids.size());
        }
        StringBuilder dot = new StringBuilder();
        dot.append("digraph computation {\n");
        dot.append("  rankdir=LR;\n");
        dot.append("  bgcolor=\"white\";\n");
        dot.append("  nodesep=0.25; ranksep=0.35;\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, "
                + "color=\"#555555\", margin=\"0.12,0.06\"];\n");
        dot.append("  edge [color=\"#555555\", arrowsize=0.7, fontname=\"Helvetica\", fontsize=9];\n");
        for (Tensor t : order) {
            dot.append("  ").append(ids.get(t)).append(" [label=<").append(label(t)).append(">, fillcolor=\"")
                    .append(fill(t)).append('"');
            if (t == root) {
                dot.append(", penwidth=2");
            }
            dot.append("];\n");
        }
        for (Tensor t : order) {
            List<Tensor> in = t.inputs();
            boolean numbered = in.size() > 1 && !COMMUTATIVE.contains(t.op()); // a - b: which input is a
            for (int k = 0; k < in.size(); k++) {
                dot.append("  ").append(ids.get(in.get(k))).append(" -> ").append(ids.get(t));
                if (numbered) {
                    dot.append(" [label=\"").append(k + 1).append("\"]");
                }
                dot.append(";\n");
            }
        }
        dot.append("}\n");
        return dot.toString();
    }

    /** The graph drawn by Graphviz as a PNG image. */
    @Override
    public BufferedImage toImage() {
        byte[] png = runDot("png");
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("Graph: Graphviz returned " + png.length + " bytes that are not a PNG image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("Graph: cannot decode the PNG from Graphviz", e);
        }
    }

    /** The graph drawn by Graphviz as SVG text. */
    public String toSvg() {
        return new String(runDot("svg"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Graph(" + order.size() + " nodes, root " + root.opLabel() + " " + shapeText(root) + ")";
    }

    // ---------------------------------------------------------------- node text

    /**
     * An HTML-like Graphviz label: the name in bold (leaves) or the op with the name in bold,
     * then shape and values, then the gradient in red.
     */
    private static String label(Tensor t) {
        StringBuilder b = new StringBuilder();
        String name = t.name() == null ? null : "<B>" + html(t.name()) + "</B>";
        if (t.isLeaf()) {
            b.append(name != null ? name : t.requiresGrad() ? "parameter" : "input");
        } else {
            b.append(name != null ? name + " = " : "").append(html(t.opLabel()));
        }
        b.append("<BR/>").append(html(shapeAndValues(t)));
        INDArray grad = t.grad();
        if (grad != null) {
            b.append("<BR/><FONT COLOR=\"").append(GRAD_COLOR).append("\">grad ")
                    .append(html(grad.length() <= MAX_SHOWN_VALUES ? values(grad) : shapeText(t))).append("</FONT>");
        }
        return b.toString();
    }

    private static final String GRAD_COLOR = "#b03020";

    /** "= -0.2" for a scalar, "[2] = (0.5, 0.2)" for a few values, "[32, 10]" otherwise. */
    private static String shapeAndValues(Tensor t) {
        if (t.isReleased()) {
            return shapeText(t) + " (released after backward)";
        }
        if (t.rank() == 0) {
            return "= " + values(t.data());
        }
        String shape = shapeText(t);
        return t.length() <= MAX_SHOWN_VALUES ? shape + " = " + values(t.data()) : shape;
    }

    private static String shapeText(Tensor t) {
        return java.util.Arrays.toString(t.shape());
    }

    /** "-0.2" for one value, "(0.5, 0.2)" for a few, in row-major order. */
    static String values(INDArray a) {
        INDArray flat = a.reshape(a.length());
        if (a.length() == 1) {
            return number(flat.getDouble(0));
        }
        StringBuilder b = new StringBuilder("(");
        for (long i = 0; i < a.length(); i++) {
            b.append(i == 0 ? "" : ", ").append(number(flat.getDouble(i)));
        }
        return b.append(')').toString();
    }

    /** Six decimals without trailing zeros (0.450166, -0.2), scientific notation when tiny or huge. */
    static String number(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double abs = Math.abs(v);
        if (abs < 1e-4 || abs >= 1e6) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static String fill(Tensor t) {
        if (!t.isLeaf()) {
            return "#dbe8f7"; // op result: blue
        }
        return t.requiresGrad() ? "#fde3c0" : "#eeeeee"; // parameter: orange, input: grey
    }

    /** Ops whose inputs can be swapped: their arrows need no numbers. */
    private static final Set<String> COMMUTATIVE = Set.of("add", "mul", "maxOf");

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // ---------------------------------------------------------------- Graphviz

    /** Runs {@code dot -T<format>} on the DOT text with a timeout and returns its output. */
    private byte[] runDot(String format) {
        String dotPath = findDot();
        Process process;
        try {
            process = new ProcessBuilder(dotPath, "-T" + format).start();
        } catch (IOException e) {
            throw new IllegalStateException("Graph: cannot start Graphviz '" + dotPath + "': " + e.getMessage()
                    + "; install it with: apt-get install graphviz", e);
        }
        try {
            // stdout and stderr are drained in the background so a large picture cannot block dot
            CompletableFuture<byte[]> out = readAllAsync(process.getInputStream());
            CompletableFuture<byte[]> err = readAllAsync(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(toDot().getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(DOT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Graph: Graphviz dot did not finish within " + DOT_TIMEOUT_SECONDS
                        + " s (" + order.size() + " nodes)");
            }
            byte[] result = out.get(DOT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (process.exitValue() != 0 || result.length == 0) {
                throw new IllegalStateException("Graph: Graphviz dot -T" + format + " failed (exit " + process.exitValue()
                        + "): " + new String(err.get(DOT_TIMEOUT_SECONDS, TimeUnit.SECONDS), StandardCharsets.UTF_8).trim());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Graph: cannot talk to Graphviz dot", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Graph: interrupted while waiting for Graphviz dot", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Graph: cannot read the output of Graphviz dot", e);
        }
    }

    private static CompletableFuture<byte[]> readAllAsync(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
                stream.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The dot executable: system property {@code dl.graphviz.dot} if set, else the first {@code dot}
     * on the PATH, else /usr/bin/dot.
     */
    static String findDot() {
        String configured = System.getProperty("dl.graphviz.dot");
        if (configured != null) {
            if (!new File(configured).canExecute()) {
                throw new IllegalStateException("Graph: dl.graphviz.dot=" + configured + " is not an executable file");
            }
            return configured;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                File candidate = new File(dir, "dot");
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        if (new File("/usr/bin/dot").canExecute()) {
            return "/usr/bin/dot";
        }
        throw new IllegalStateException("Graph: Graphviz 'dot' was not found on the PATH or at /usr/bin/dot; "
                + "install it with: apt-get install graphviz (or set -Ddl.graphviz.dot=/path/to/dot)");
    }
}
