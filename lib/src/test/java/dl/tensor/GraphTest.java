package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The computation-graph picture of chapter 04's one-neuron example. */
class GraphTest {

    static WorkedExamplesTest.OneNeuron example() {
        var n = WorkedExamplesTest.OneNeuron.build(0.5);
        n.h().retainGrad();
        n.sigma().retainGrad();
        n.loss().retainGrad(); // shows dL/dL = 1 at the root
        n.loss().backward();
        return n;
    }

    @Test
    void dotTextHasTheNodesValuesGradientsAndEdges() {
        var n = example();
        String dot = Graph.of(n.loss()).toDot();
        // nodes in topological order: x, w, x·w, sum, b, h, σ, 1 - σ, ², × 0.5
        assertEquals(10, Graph.of(n.loss()).size());
        assertTrue(dot.contains("n0 [label=<<B>x</B><BR/>[2] = (0.5, 0.2)>, fillcolor=\"#eeeeee\"]"), dot);
        assertTrue(dot.contains("n1 [label=<<B>w</B><BR/>[2] = (1, 2)<BR/>" + grad("(-0.068047, -0.027219)") + ">"), dot);
        assertTrue(dot.contains("n2 [label=<mul<BR/>[2] = (0.5, 0.4)>"), dot);
        assertTrue(dot.contains("n3 [label=<sum<BR/>= 0.9>"), dot);
        assertTrue(dot.contains("n4 [label=<<B>b</B><BR/>= -1.1<BR/>" + grad("-0.136093") + ">"), dot);
        assertTrue(dot.contains("n5 [label=<<B>h</B> = add<BR/>= -0.2<BR/>" + grad("-0.136093") + ">"), dot);
        assertTrue(dot.contains("n6 [label=<<B>σ</B> = sigmoid<BR/>= 0.450166<BR/>" + grad("-0.549834") + ">"), dot);
        assertTrue(dot.contains("n7 [label=<1 − u<BR/>= 0.549834>"), dot);
        assertTrue(dot.contains("n8 [label=<u²<BR/>= 0.302317>"), dot);
        assertTrue(dot.contains("n9 [label=<<B>L</B> = u × 0.5<BR/>= 0.151159<BR/>" + grad("1")
                + ">, fillcolor=\"#dbe8f7\", penwidth=2]"), dot);
        for (String edge : new String[] {"n0 -> n2;", "n1 -> n2;", "n2 -> n3;", "n3 -> n5;", "n4 -> n5;",
                "n5 -> n6;", "n6 -> n7;", "n7 -> n8;", "n8 -> n9;"}) {
            assertTrue(dot.contains(edge), edge + " missing in\n" + dot);
        }
        assertEquals(9, dot.split("->", -1).length - 1, "exactly the nine edges");
    }

    static String grad(String values) {
        return "<FONT COLOR=\"#b03020\">grad " + values + "</FONT>";
    }

    @Test
    void sameComputationGivesTheSameText() {
        assertEquals(Graph.of(example().loss()).toDot(), Graph.of(example().loss()).toDot());
    }

    @Test
    void nonCommutativeOpsNumberTheirInputs() {
        Tensor a = Tensor.ofDouble(1).name("a").requiresGrad(true);
        Tensor b = Tensor.ofDouble(2).name("b");
        String dot = Graph.of(b.sub(a)).toDot();
        assertTrue(dot.contains("n0 -> n2 [label=\"1\"];") && dot.contains("n1 -> n2 [label=\"2\"];"), dot);
        assertTrue(dot.contains("label=<<B>b</B><BR/>= 2>"), dot);
        Tensor odd = Tensor.ofDouble(1).name("a<b & \"c\"").requiresGrad(true);
        assertTrue(Graph.of(odd.mul(2)).toDot().contains("<B>a&lt;b &amp; &quot;c&quot;</B>"), "names are escaped");
    }

    @Test
    void pictureIsAPlausiblePng() throws Exception {
        BufferedImage image = Graph.of(example().loss()).toImage();
        assertTrue(image.getWidth() > 400 && image.getWidth() < 4000, "width " + image.getWidth());
        assertTrue(image.getHeight() > 60 && image.getHeight() < 1500, "height " + image.getHeight());
        int nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                nonWhite += (image.getRGB(x, y) & 0xffffff) != 0xffffff ? 1 : 0;
            }
        }
        assertTrue(nonWhite > 1000, "the picture is nearly blank: " + nonWhite + " sampled non-white pixels");
        String svg = Graph.of(example().loss()).toSvg();
        assertTrue(svg.contains("<svg") && svg.contains("0.450166"), svg);
        String out = System.getProperty("graph.png");
        if (out != null) {
            ImageIO.write(image, "png", new File(out)); // for looking at it: -Dgraph.png=/tmp/graph.png
        }
    }

    @Test
    void missingGraphvizSaysHowToInstallIt() {
        System.setProperty("dl.graphviz.dot", "/nonexistent/dot");
        try {
            var e = assertThrows(IllegalStateException.class, () -> Graph.of(Tensor.ofDouble(1)).toImage());
            assertTrue(e.getMessage().contains("/nonexistent/dot"), e.getMessage());
        } finally {
            System.clearProperty("dl.graphviz.dot");
        }
    }
}
