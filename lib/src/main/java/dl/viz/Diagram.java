package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small directed graph drawn in layers: computation graphs with values and gradients, an
 * unrolled RNN, a beam-search tree, a network's shape chain. Nodes are boxes with one or more
 * lines of text ("\n" separates lines), edges are arrows with optional labels.
 *
 * <p>Layout: a node's layer is the length of the longest path reaching it; a node with no inputs
 * (a parameter, an input) moves up to the layer just before its first consumer. Within a layer,
 * nodes are ordered by the mean position of their neighbours (a few sweeps each way), which
 * removes most crossings in small graphs. The graph must have no cycles (unroll loops first).
 */
public final class Diagram extends Drawing {

    private static final String WHERE = "Plot.diagram";
    private static final int PAD = 16;
    private static final int LAYER_GAP = 56;
    private static final int NODE_GAP = 18;
    private static final Font TEXT = Fonts.plain(12f);
    private static final Font EDGE = Fonts.plain(10f);
    private static final Font TITLE = Fonts.bold(13f);
    private static final Color NODE_FILL = new Color(0xf4f4f4);
    private static final Color NODE_LINE = new Color(0x777777);
    private static final Color ARROW = new Color(0x555555);

    private record Node(String id, String[] lines, int color) {}

    private record Edge(String from, String to, String label) {}

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private String title;
    private boolean topDown;

    Diagram() {}

    /** Adds a node; {@code label} may hold several lines separated by "\n". */
    public Diagram node(String id, String label) {
        return put(id, label, -1);
    }

    /** Adds a node filled with a light shade of palette colour {@code colorIndex}. */
    public Diagram node(String id, String label, int colorIndex) {
        if (colorIndex < 0) {
            throw Inputs.error(WHERE + ".node", "colorIndex must be >= 0, got " + colorIndex);
        }
        return put(id, label, colorIndex);
    }

    private Diagram put(String id, String label, int color) {
        Inputs.notNull(WHERE + ".node", "id", id);
        if (nodes.containsKey(id)) {
            throw Inputs.error(WHERE + ".node", "a node with id \"" + id + "\" already exists");
        }
        String text = label == null ? id : label;
        nodes.put(id, new Node(id, text.split("\n", -1), color));
        return this;
    }

    /** Adds an arrow from node {@code from} to node {@code to}. */
    public Diagram edge(String from, String to) {
        return edge(from, to, null);
    }

    /** Adds an arrow with a label (a shape, a gradient) written at its middle. */
    public Diagram edge(String from, String to, String label) {
        String where = WHERE + ".edge";
        for (String id : new String[] {from, to}) {
            Inputs.notNull(where, "node id", id);
            if (!nodes.containsKey(id)) {
                throw Inputs.error(where, "no node \"" + id + "\"; add it with node(id, label) first (nodes: "
                        + nodes.keySet() + ")");
            }
        }
        if (from.equals(to)) {
            throw Inputs.error(where, "edge from \"" + from + "\" to itself: the diagram must have no cycles");
        }
        edges.add(new Edge(from, to, label));
        return this;
    }

    /** Layers from top to bottom instead of left to right. */
    public Diagram topDown() {
        this.topDown = true;
        return this;
    }

    public Diagram title(String title) {
        this.title = title;
        return this;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public int edgeCount() {
        return edges.size();
    }

    // ------------------------------------------------------------------ layout

    /** Node boxes in picture pixels, computed from the current nodes and edges. */
    Map<String, Rectangle> layout() {
        if (nodes.isEmpty()) {
            throw Inputs.error(WHERE, "the diagram has no nodes");
        }
        List<String> ids = new ArrayList<>(nodes.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        List<List<Integer>> out = new ArrayList<>();
        List<List<Integer>> in = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            out.get(index.get(e.from())).add(index.get(e.to()));
            in.get(index.get(e.to())).add(index.get(e.from()));
        }
        int[] layer = layers(ids, out, in);
        int layers = Arrays.stream(layer).max().orElse(0) + 1;
        List<List<Integer>> order = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            order.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            order.get(layer[i]).add(i);
        }
        reduceCrossings(order, in, out);

        int[] w = new int[n];
        int[] h = new int[n];
        int lineH = Canvas.lineHeight(TEXT);
        for (int i = 0; i < n; i++) {
            int widest = 0;
            for (String line : nodes.get(ids.get(i)).lines()) {
                widest = Math.max(widest, Canvas.width(line, TEXT));
            }
            w[i] = Math.max(44, widest + 20);
            h[i] = nodes.get(ids.get(i)).lines().length * lineH + 12;
        }
        // along = direction of the layers, across = within a layer
        int[] layerDepth = new int[layers];
        int[] layerBreadth = new int[layers];
        for (int l = 0; l < layers; l++) {
            for (int i : order.get(l)) {
                layerDepth[l] = Math.max(layerDepth[l], topDown ? h[i] : w[i]);
                layerBreadth[l] += (topDown ? w[i] : h[i]) + NODE_GAP;
            }
            layerBreadth[l] -= NODE_GAP;
        }
        int breadth = Arrays.stream(layerBreadth).max().orElse(0);
        int top = PAD + (title != null ? Canvas.lineHeight(TITLE) + 8 : 0);
        Map<String, Rectangle> boxes = new LinkedHashMap<>();
        int along = 0;
        for (int l = 0; l < layers; l++) {
            int across = (breadth - layerBreadth[l]) / 2;
            for (int i : order.get(l)) {
                int a = along + (layerDepth[l] - (topDown ? h[i] : w[i])) / 2;
                Rectangle r = topDown
                        ? new Rectangle(PAD + across, top + a, w[i], h[i])
                        : new Rectangle(PAD + a, top + across, w[i], h[i]);
                boxes.put(ids.get(i), r);
                across += (topDown ? w[i] : h[i]) + NODE_GAP;
            }
            along += layerDepth[l] + LAYER_GAP;
        }
        return boxes;
    }

    /** Longest-path layers (Kahn's order; a leftover node means a cycle), sources pulled forward. */
    private int[] layers(List<String> ids, List<List<Integer>> out, List<List<Integer>> in) {
        int n = ids.size();
        int[] indegree = new int[n];
        for (int i = 0; i < n; i++) {
            indegree[i] = in.get(i).size();
        }
        int[] layer = new int[n];
        List<Integer> queue = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                queue.add(i);
            }
        }
        int done = 0;
        for (int q = 0; q < queue.size(); q++) {
            int i = queue.get(q);
            done++;
            for (int j : out.get(i)) {
                layer[j] = Math.max(layer[j], layer[i] + 1);
                if (--indegree[j] == 0) {
                    queue.add(j);
                }
            }
        }
        if (done < n) {
            List<String> inCycle = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (indegree[i] > 0) {
                    inCycle.add(ids.get(i));
                }
            }
            throw Inputs.error(WHERE, "the edges form a cycle through " + inCycle + "; a diagram must be acyclic"
                    + " (hint: unroll a recurrence into steps t = 1, 2, ...)");
        }
        for (int i = 0; i < n; i++) {
            if (in.get(i).isEmpty() && !out.get(i).isEmpty()) {
                int first = Integer.MAX_VALUE;
                for (int j : out.get(i)) {
                    first = Math.min(first, layer[j]);
                }
                layer[i] = first - 1;
            }
        }
        return layer;
    }

    /** Barycentre sweeps: order each layer by the mean position of its neighbours in the previous one. */
    private static void reduceCrossings(List<List<Integer>> order, List<List<Integer>> in, List<List<Integer>> out) {
        for (int sweep = 0; sweep < 4; sweep++) {
            boolean forward = sweep % 2 == 0;
            int layers = order.size();
            for (int k = 1; k < layers; k++) {
                int l = forward ? k : layers - 1 - k;
                List<Integer> fixed = order.get(forward ? l - 1 : l + 1);
                List<List<Integer>> neighbours = forward ? in : out;
                Map<Integer, Double> key = new HashMap<>();
                List<Integer> current = order.get(l);
                for (int pos = 0; pos < current.size(); pos++) {
                    int node = current.get(pos);
                    double sum = 0;
                    int count = 0;
                    for (int m : neighbours.get(node)) {
                        int at = fixed.indexOf(m);
                        if (at >= 0) {
                            sum += at;
                            count++;
                        }
                    }
                    // nodes without neighbours there keep their place
                    key.put(node, count > 0 ? sum / count : pos * (fixed.size() / (double) Math.max(1, current.size())));
                }
                List<Integer> sorted = new ArrayList<>(current);
                sorted.sort((a, b) -> {
                    int c = Double.compare(key.get(a), key.get(b));
                    return c != 0 ? c : Integer.compare(current.indexOf(a), current.indexOf(b));
                });
                order.set(l, sorted);
            }
        }
    }

    // ------------------------------------------------------------------ drawing

    @Override
    public BufferedImage toImage() {
        Map<String, Rectangle> boxes = layout();
        int width = 0;
        int height = 0;
        for (Rectangle r : boxes.values()) {
            width = Math.max(width, r.x + r.width);
            height = Math.max(height, r.y + r.height);
        }
        width += PAD;
        height += PAD;
        if (title != null) {
            width = Math.max(width, Canvas.width(title, TITLE) + 2 * PAD);
        }
        Canvas canvas = new Canvas(width, height);
        if (title != null) {
            canvas.centered(title, TITLE, Palette.TEXT, width / 2, PAD + Canvas.ascent(TITLE), width - 2 * PAD);
        }
        for (Edge e : edges) {
            drawEdge(canvas, boxes.get(e.from()), boxes.get(e.to()), e.label());
        }
        int lineH = Canvas.lineHeight(TEXT);
        int ascent = Canvas.ascent(TEXT);
        for (Map.Entry<String, Rectangle> entry : boxes.entrySet()) {
            Node node = nodes.get(entry.getKey());
            Rectangle r = entry.getValue();
            RoundRectangle2D.Double shape = new RoundRectangle2D.Double(r.x, r.y, r.width, r.height, 10, 10);
            Color fill = node.color() < 0 ? NODE_FILL : Palette.lighter(Palette.color(node.color()), 0.75);
            Color line = node.color() < 0 ? NODE_LINE : Palette.color(node.color());
            canvas.g.setColor(fill);
            canvas.g.fill(shape);
            canvas.g.setColor(line);
            canvas.g.setStroke(new BasicStroke(1.2f));
            canvas.g.draw(shape);
            String[] lines = node.lines();
            for (int k = 0; k < lines.length; k++) {
                Font font = k == 0 && lines.length > 1 ? Fonts.bold(12f) : TEXT;
                canvas.centered(lines[k], font, Palette.TEXT, r.x + r.width / 2, r.y + 6 + ascent + k * lineH, r.width);
            }
        }
        return canvas.finish();
    }

    private void drawEdge(Canvas canvas, Rectangle a, Rectangle b, String label) {
        double x1;
        double y1;
        double x2;
        double y2;
        if (topDown) {
            x1 = a.getCenterX();
            y1 = a.getMaxY();
            x2 = b.getCenterX();
            y2 = b.getMinY();
        } else {
            x1 = a.getMaxX();
            y1 = a.getCenterY();
            x2 = b.getMinX();
            y2 = b.getCenterY();
        }
        double length = Math.hypot(x2 - x1, y2 - y1);
        if (length < 1) {
            return;
        }
        double ux = (x2 - x1) / length;
        double uy = (y2 - y1) / length;
        canvas.g.setColor(ARROW);
        canvas.g.setStroke(new BasicStroke(1.3f));
        canvas.g.draw(new Line2D.Double(x1, y1, x2 - ux * 7, y2 - uy * 7));
        Path2D.Double head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - ux * 9 - uy * 4, y2 - uy * 9 + ux * 4);
        head.lineTo(x2 - ux * 9 + uy * 4, y2 - uy * 9 - ux * 4);
        head.closePath();
        canvas.g.fill(head);
        if (label != null && !label.isEmpty()) {
            int tw = Canvas.width(label, EDGE);
            int th = Canvas.lineHeight(EDGE);
            int mx = (int) Math.round((x1 + x2) / 2);
            int my = (int) Math.round((y1 + y2) / 2);
            canvas.g.setColor(Color.WHITE);
            canvas.g.fillRect(mx - tw / 2 - 2, my - th / 2, tw + 4, th);
            canvas.left(label, EDGE, ARROW, mx - tw / 2, my - th / 2 + Canvas.ascent(EDGE));
        }
    }

    @Override
    public String toString() {
        return "Diagram(" + nodes.size() + " nodes, " + edges.size() + " edges)";
    }
}
