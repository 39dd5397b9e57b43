package dl.viz;

import static dl.viz.Pixels.checkDeterministic;
import static dl.viz.Pixels.checkError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Layered drawings of small graphs: computation graphs, unrolled RNNs, search trees. */
class DiagramTest {

    private static Diagram example() {
        // (x · w) + b -> σ -> loss, with y feeding the loss
        return Plot.diagram().node("x", "x\n= 1").node("w", "w\n= 0.5", 1).node("b", "b")
                .node("mul", "×").node("add", "+").node("sig", "σ").node("y", "y").node("loss", "L", 3)
                .edge("x", "mul").edge("w", "mul").edge("mul", "add").edge("b", "add")
                .edge("add", "sig", "0.6").edge("sig", "loss").edge("y", "loss");
    }

    @Test
    void layersFollowTheEdges() {
        Map<String, Rectangle> boxes = example().layout();
        // longest paths: x, w -> 0; mul -> 1; add -> 2; sig -> 3; loss -> 4
        assertTrue(boxes.get("x").getMaxX() < boxes.get("mul").getMinX(), "x left of ×");
        assertTrue(boxes.get("mul").getMaxX() < boxes.get("add").getMinX(), "× left of +");
        assertTrue(boxes.get("sig").getMaxX() < boxes.get("loss").getMinX(), "σ left of L");
        // sources sit just before their consumer: b next to ×, y next to σ
        assertEquals(boxes.get("mul").getCenterX(), boxes.get("b").getCenterX(), 0.5 * boxes.get("mul").width + 1,
                "b in the layer of ×");
        assertEquals(boxes.get("sig").getCenterX(), boxes.get("y").getCenterX(), 0.5 * boxes.get("sig").width + 1,
                "y in the layer of σ");
        // nodes of one layer do not overlap
        assertTrue(!boxes.get("x").intersects(boxes.get("w")));
        Map<String, Rectangle> down = example().topDown().layout();
        assertTrue(down.get("x").getMaxY() < down.get("mul").getMinY(), "top-down: x above ×");
    }

    @Test
    void nodesAreFilledWithTheirColour() {
        Diagram d = example();
        BufferedImage image = d.toImage();
        Pixels.checkNotBlank(image);
        Rectangle w = d.layout().get("w");
        // inside the box, left of the text: the light shade of palette colour 1
        Pixels.checkColor(image, w.x + 4, w.getCenterY(), Palette.lighter(new Color(0xff7f0e), 0.75), 1);
        Rectangle x = d.layout().get("x");
        Pixels.checkColor(image, x.x + 4, x.getCenterY(), new Color(0xf4f4f4), 1);
        assertEquals(8, d.nodeCount());
        assertEquals(7, d.edgeCount());
    }

    @Test
    void diagramErrors() {
        checkError(() -> Plot.diagram().node("a", "a").edge("a", "b"), "no node \"b\"", "[a]");
        checkError(() -> Plot.diagram().node("a", "a").node("a", "again"), "\"a\" already exists");
        checkError(() -> Plot.diagram().node("a", "a").edge("a", "a"), "to itself");
        checkError(() -> Plot.diagram().node("a", "a").node("b", "b").node("c", "c")
                .edge("a", "b").edge("b", "c").edge("c", "b").toImage(), "cycle through [b, c]", "unroll");
        checkError(() -> Plot.diagram().toImage(), "no nodes");
    }

    @Test
    void diagramsRenderTheSamePixelsEveryTime() {
        checkDeterministic(DiagramTest::example);
        checkDeterministic(() -> example().topDown().title("graph"));
    }
}
