package dl.nn;

import static org.junit.jupiter.api.Assertions.*;

import dl.Course;
import dl.tensor.ShapeException;
import dl.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ModuleTest {

    /** A custom model as a student writes it. */
    static final class Net extends Module {
        final Linear fc1 = add("fc1", new Linear(2, 4));
        final Linear fc2 = add("fc2", new Linear(4, 1));

        @Override
        protected Tensor compute(Tensor x) {
            return fc2.forward(fc1.forward(x).relu());
        }
    }

    /** Multiplies by a [512, 10] matrix without checking: the shape error comes from matmul itself. */
    static final class Projection extends Module {
        final Parameter w = param("w", Nd4j.zeros(DataType.FLOAT, 512, 10));

        @Override
        protected Tensor compute(Tensor x) {
            return x.matmul(w);
        }
    }

    static final class Classifier extends Module {
        final Linear fc1 = add("fc1", new Linear(784, 784));
        final Projection fc2 = add("fc2", new Projection());

        @Override
        protected Tensor compute(Tensor x) {
            return fc2.forward(fc1.forward(x));
        }
    }

    @BeforeEach
    void seed() {
        Course.seed(42);
    }

    @Test
    void parameterCountsOfTheCourse() {
        assertEquals(785_000, new Linear(784, 1000).parameterCount(), "784 -> 1000: nm + m");
        var small = new Sequential(new Linear(1, 10), new Sigmoid(), new Linear(10, 10), new Sigmoid(), new Linear(10, 1));
        assertEquals(141, small.parameterCount());
        var wide = new Sequential(new Linear(1, 100), new Sigmoid(), new Linear(100, 100), new Sigmoid(), new Linear(100, 1));
        assertEquals(10_401, wide.parameterCount());
    }

    @Test
    void sequentialNamesAndReadableToString() {
        var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
        assertEquals("Sequential(0: Linear(2 -> 16), 1: ReLU, 2: Linear(16 -> 1))", model.toString());
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(model.namedParameters().keySet()));
        assertEquals(List.of("", "0", "1", "2"), List.copyOf(model.namedModules().keySet()));
        assertEquals(3, model.children().size());
        assertSame(model.get(2), model.get(-1));
        assertEquals(65, model.parameterCount());
        assertEquals("Linear(3 -> 2, bias=false)", new Linear(3, 2, false).toString());
        assertEquals("Dropout(p=0.5)", new Dropout(0.5).toString());
        assertEquals("Dropout(p=0.2, classic)", Dropout.classic(0.2).toString());
        assertEquals("BatchNorm1d(8)", new BatchNorm1d(8).toString());
    }

    @Test
    void longModelsPrintOneChildPerLine() {
        var model = new Sequential();
        for (int i = 0; i < 8; i++) {
            model.add(new Linear(100, 100)).add(new ReLU());
        }
        String s = model.toString();
        assertTrue(s.startsWith("Sequential(\n  0: Linear(100 -> 100)\n  1: ReLU\n"), s);
        assertTrue(s.endsWith("  15: ReLU\n)"), s);
    }

    @Test
    void customModuleRegistersWithOneCall() {
        var net = new Net();
        assertEquals(List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"), List.copyOf(net.namedParameters().keySet()));
        assertSame(net.fc1.weight(), net.namedParameters().get("fc1.weight"));
        assertEquals("Net(fc1: Linear(2 -> 4), fc2: Linear(4 -> 1))", net.toString());
        assertEquals(4 * 2 + 4 + 4 + 1, net.parameterCount());
        assertEquals("weight", net.fc1.weight().name(), "a parameter gets its local name");
    }

    @Test
    void sharedParametersAndModulesAppearOnce() {
        var shared = new Linear(3, 3);
        var model = new Sequential(shared, new Tanh(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(model.namedParameters().keySet()));
        assertEquals(12, model.parameterCount());
        assertEquals(List.of("", "0", "1"), List.copyOf(model.namedModules().keySet()));
        // a shared module still runs twice in the forward pass
        Tensor x = Tensor.randn(2, 3);
        Tensor expected = x.matmul(shared.weight().t()).add(shared.bias()).tanh()
                .matmul(shared.weight().t()).add(shared.bias());
        Expect.close("shared forward", model.forward(x), expected.data(), 1e-6);
    }

    @Test
    void badNamesAreRejected() {
        class Bad extends Module {
            Bad(String first, String second) {
                add(first, new ReLU());
                add(second, new ReLU());
            }

            @Override
            protected Tensor compute(Tensor x) {
                return x;
            }
        }
        var dup = assertThrows(IllegalArgumentException.class, () -> new Bad("act", "act"));
        assertTrue(dup.getMessage().contains("'act' is already used"), dup.getMessage());
        var dot = assertThrows(IllegalArgumentException.class, () -> new Bad("a.b", "c"));
        assertTrue(dot.getMessage().contains("no '.'"), dot.getMessage());
    }

    @Test
    void trainAndEvalAreRecursive() {
        var inner = new Sequential(new Dropout(0.5), new BatchNorm1d(3));
        var model = new Sequential(new Linear(3, 3), inner);
        assertTrue(model.isTraining());
        model.eval();
        for (Module m : model.modules()) {
            assertFalse(m.isTraining(), m.toString());
        }
        model.train();
        for (Module m : model.modules()) {
            assertTrue(m.isTraining(), m.toString());
        }
        inner.eval();
        assertTrue(model.isTraining());
        assertFalse(inner.get(0).isTraining());
    }

    @Test
    void frozenParametersGetNoGradientAndAreNotCountedAsTrainable() {
        var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
        assertEquals(65, model.trainableParameterCount());
        model.get(0).freeze();
        assertEquals(65, model.parameterCount());
        assertEquals(65 - 48, model.trainableParameterCount());
        model.forward(Tensor.randn(5, 2)).sum().backward();
        Linear first = (Linear) model.get(0);
        Linear last = (Linear) model.get(2);
        assertNull(first.weight().grad());
        assertNull(first.bias().grad());
        assertNotNull(last.weight().grad());
        assertNotNull(last.bias().grad());

        model.unfreeze();
        assertEquals(65, model.trainableParameterCount());
        last.bias().freeze(); // per parameter
        assertTrue(last.bias().isFrozen());
        assertEquals(64, model.trainableParameterCount());
        model.zeroGrad();
        assertNull(last.weight().grad());
        model.forward(Tensor.randn(5, 2)).sum().backward();
        assertNotNull(first.weight().grad());
        assertNotNull(last.weight().grad());
        assertNull(last.bias().grad());
    }

    @Test
    void shapeErrorsNameTheLayer() {
        var e = assertThrows(ShapeException.class, () -> new Classifier().forward(Tensor.zeros(32, 784)));
        assertEquals("matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ (in Projection 'fc2')", e.getMessage());
        assertInstanceOf(LayerShapeException.class, e);
        assertEquals("fc2", ((LayerShapeException) e).path());

        // nested: the outermost model names the dotted path
        var nested = new Sequential(new Classifier());
        var n = assertThrows(ShapeException.class, () -> nested.forward(Tensor.zeros(32, 784)));
        assertEquals("matmul: [32, 784] x [512, 10]: inner dimensions 784 and 512 differ (in Projection '0.fc2')", n.getMessage());
        assertEquals(ShapeException.class, n.getCause().getClass(), "the original error is the cause");

        // a layer used on its own is described by its settings
        var alone = assertThrows(ShapeException.class, () -> new Linear(3, 2).forward(Tensor.zeros(4, 5)));
        assertEquals("Linear(3 -> 2).forward: input x has shape [4, 5], expected (N, 3) (in Linear(3 -> 2))", alone.getMessage());

        var seq = new Sequential(new Linear(784, 128), new ReLU(), new Linear(512, 10));
        var s = assertThrows(ShapeException.class, () -> seq.forward(Tensor.zeros(32, 784)));
        assertEquals("Linear(512 -> 10).forward: input x has shape [32, 128], expected (N, 512) (in Linear '2')", s.getMessage());
    }

    @Test
    void toDoubleConvertsParametersAndBuffersInPlace() {
        var model = new Sequential(new Linear(3, 4), new BatchNorm1d(4));
        Parameter w = ((Linear) model.get(0)).weight();
        double before = w.data().getDouble(0, 0);
        model.toDouble();
        assertSame(w, ((Linear) model.get(0)).weight(), "same parameter object (optimizers keep their references)");
        assertEquals(DataType.DOUBLE, w.dtype());
        assertEquals(before, w.data().getDouble(0, 0), 0.0);
        assertEquals(DataType.DOUBLE, ((BatchNorm1d) model.get(1)).runningVar().dataType());
        assertEquals(DataType.DOUBLE, model.forward(Tensor.randn(5, 3).toDouble()).dtype());
        var wrong = assertThrows(IllegalArgumentException.class, () -> model.forward(Tensor.randn(5, 3)));
        assertTrue(wrong.getMessage().contains("input is FLOAT but the parameters are DOUBLE"), wrong.getMessage());
        model.toFloat();
        assertEquals(DataType.FLOAT, model.dtype());
    }

    @Test
    void summaryListsLayersShapesAndTotals() {
        var model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
        model.get(2).freeze();
        var s = model.summary(1, 2);
        assertEquals(3, s.rows().size());
        assertEquals(List.of("0", "1", "2"), s.rows().stream().map(ModelSummary.Row::name).toList());
        assertEquals(List.of("Linear", "ReLU", "Linear"), s.rows().stream().map(ModelSummary.Row::type).toList());
        assertArrayEquals(new long[] {1, 16}, s.rows().get(1).outputShape());
        assertTrue(s.rows().get(1).toString().contains("outputShape=[1, 16]"), s.rows().get(1).toString());
        assertArrayEquals(new long[] {1, 1}, s.rows().get(2).outputShape());
        assertEquals(List.of(48L, 0L, 17L), s.rows().stream().map(ModelSummary.Row::parameters).toList());
        assertEquals(65, s.totalParameters());
        assertEquals(48, s.trainableParameters());
        assertEquals(17, s.nonTrainableParameters());
        String text = s.toString();
        assertTrue(text.contains("Total parameters: 65"), text);
        assertTrue(text.contains("Trainable parameters: 48"), text);
        assertTrue(text.contains("[1, 16]"), text);
        String html = s.toHtml();
        assertTrue(html.startsWith("<table"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">65</td>"), html);
        assertTrue(html.contains("Trainable parameters"), html);
        assertFalse(model.parameters().get(0).grad() != null, "summary computes no gradients");
    }

    @Test
    void summaryOfNestedModelRestoresModesAndIndents() {
        var net = new Net();
        var model = new Sequential(net, new BatchNorm1d(1), new Dropout(0.5));
        model.get(2).eval(); // mixed modes must survive
        var s = model.summary(3, 2);
        assertEquals(List.of("0", "0.fc1", "0.fc2", "1", "2"), s.rows().stream().map(ModelSummary.Row::name).toList());
        assertEquals(List.of(0, 1, 1, 0, 0), s.rows().stream().map(ModelSummary.Row::depth).toList());
        assertEquals(17, s.rows().get(0).parameters());
        assertEquals(17 + 2, s.totalParameters());
        assertEquals(String.format("%,d", 785_000), new Sequential(new Linear(784, 1000)).summary(1, 784).toString()
                .lines().filter(l -> l.startsWith("Total")).findFirst().orElseThrow().substring("Total parameters: ".length()));
        assertTrue(model.isTraining());
        assertTrue(model.get(1).isTraining());
        assertFalse(model.get(2).isTraining());
        // running statistics are not touched by the summary (it runs in eval mode)
        assertEquals(0.0, ((BatchNorm1d) model.get(1)).runningMean().getDouble(0), 0.0);
    }

    @Test
    void stateDictHoldsCopiesInModelOrder() {
        var model = new Sequential(new Linear(2, 3), new BatchNorm1d(3));
        var state = model.stateDict();
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"),
                List.copyOf(state.keySet()));
        INDArray w = state.get("0.weight");
        w.assign(7);
        assertNotEquals(7.0, ((Linear) model.get(0)).weight().data().getDouble(0, 0), "a copy, not the live array");
        assertEquals(List.of("1.running_mean", "1.running_var"), List.copyOf(model.namedBuffers().keySet()));
    }
}
