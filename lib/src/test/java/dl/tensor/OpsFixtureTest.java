package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import dl.Fixture;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares every op with PyTorch (fixtures/ops/*.json, written by lib/src/test/python/fixtures_ops.py):
 * the output y and the gradients of L = Σ w·y, in fp64 (relative 1e-6) and fp32 (relative 1e-4).
 */
class OpsFixtureTest {

    /** How to build each fixture's op from its inputs and stored parameters. */
    static final Map<String, BiFunction<List<Tensor>, Fixture, Tensor>> OPS = new LinkedHashMap<>();

    static {
        OPS.put("sigmoid", (x, f) -> x.get(0).sigmoid());
        OPS.put("tanh", (x, f) -> x.get(0).tanh());
        OPS.put("relu", (x, f) -> x.get(0).relu());
        OPS.put("leaky_relu", (x, f) -> x.get(0).leakyRelu(f.scalar("slope")));
        OPS.put("elu", (x, f) -> x.get(0).elu(f.scalar("alpha")));
        OPS.put("elu_alpha", (x, f) -> x.get(0).elu(f.scalar("alpha")));
        OPS.put("softmax", (x, f) -> x.get(0).softmax(axis(f, "axis")));
        OPS.put("softmax_axis0", (x, f) -> x.get(0).softmax(axis(f, "axis")));
        OPS.put("log_softmax", (x, f) -> x.get(0).logSoftmax(axis(f, "axis")));
        OPS.put("log_softmax_large", (x, f) -> x.get(0).logSoftmax(axis(f, "axis")));
        OPS.put("step", (x, f) -> x.get(0).step());
        OPS.put("clamp", (x, f) -> x.get(0).clamp(f.scalar("min"), f.scalar("max")));
        OPS.put("maximum", (x, f) -> x.get(0).maxOf(x.get(1)));
        OPS.put("maximum_broadcast", (x, f) -> x.get(0).maxOf(x.get(1)));
        OPS.put("exp", (x, f) -> x.get(0).exp());
        OPS.put("log", (x, f) -> x.get(0).log());
        OPS.put("sqrt", (x, f) -> x.get(0).sqrt());
        OPS.put("abs", (x, f) -> x.get(0).abs());
        OPS.put("pow", (x, f) -> x.get(0).pow(f.scalar("p")));
        OPS.put("square", (x, f) -> x.get(0).square());
        OPS.put("log1p", (x, f) -> x.get(0).log1p());
        OPS.put("div_broadcast", (x, f) -> x.get(0).div(x.get(1)));
        OPS.put("mul_broadcast", (x, f) -> x.get(0).mul(x.get(1)));
        OPS.put("sum_axes", (x, f) -> x.get(0).sum(false, ints(f, "axes")));
        OPS.put("mean_keepdims", (x, f) -> x.get(0).mean(true, axis(f, "axis")));
        OPS.put("max_dim", (x, f) -> x.get(0).max(axis(f, "axis"), false));
        OPS.put("max_dim0_keepdim", (x, f) -> x.get(0).max(axis(f, "axis"), true));
        OPS.put("max_all_ties", (x, f) -> x.get(0).max());
        OPS.put("argmax", (x, f) -> x.get(0).argmax(axis(f, "axis")));
        OPS.put("matmul", (x, f) -> x.get(0).matmul(x.get(1)));
        OPS.put("bmm", (x, f) -> x.get(0).matmul(x.get(1)));
        OPS.put("matmul_3d_2d", (x, f) -> x.get(0).matmul(x.get(1)));
        OPS.put("permute", (x, f) -> x.get(0).permute(ints(f, "dims")));
        OPS.put("transpose", (x, f) -> x.get(0).transpose(axis(f, "a_axis"), axis(f, "b_axis")));
        OPS.put("flatten", (x, f) -> x.get(0).flatten(axis(f, "from_axis")));
        OPS.put("unsqueeze", (x, f) -> x.get(0).unsqueeze(axis(f, "axis")));
        OPS.put("squeeze", (x, f) -> x.get(0).squeeze(axis(f, "axis")));
        OPS.put("concat", (x, f) -> Tensor.concat(axis(f, "axis"), x.get(0), x.get(1), x.get(0)));
        OPS.put("stack", (x, f) -> Tensor.stack(axis(f, "axis"), x.get(0), x.get(1)));
        OPS.put("slice", (x, f) -> x.get(0).slice(axis(f, "axis"), (long) f.scalar("start"), (long) f.scalar("end")));
        OPS.put("select", (x, f) -> x.get(0).select(axis(f, "axis"), (long) f.scalar("index")));
        OPS.put("index_rows", (x, f) -> x.get(0).index(ints(f, "rows")));
        OPS.put("gather_classes", (x, f) -> x.get(0).pick(f.array("classes")));
        OPS.put("where", (x, f) -> Tensor.where(f.array("mask"), x.get(0), x.get(1)));
    }

    static int axis(Fixture f, String key) {
        return (int) f.scalar(key);
    }

    static int[] ints(Fixture f, String key) {
        return Arrays.stream(f.array(key).toDoubleVector()).mapToInt(d -> (int) d).toArray();
    }

    @TestFactory
    Stream<DynamicTest> everyOpMatchesPyTorch() {
        return OPS.keySet().stream().flatMap(name -> Stream.of(
                DynamicTest.dynamicTest(name + " fp64", () -> compare(name, DataType.DOUBLE, 1e-6)),
                DynamicTest.dynamicTest(name + " fp32", () -> compare(name, DataType.FLOAT, 1e-4))));
    }

    static void compare(String name, DataType dtype, double tol) {
        Fixture f = Fixture.load("ops/" + name + ".json");
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; f.has("x" + i); i++) {
            inputs.add(new Tensor(f.array("x" + i).castTo(dtype), f.has("g" + i)));
        }
        Tensor y = OPS.get(name).apply(inputs, f);
        if (y.dtype() != DataType.LONG) {
            assertEquals(dtype, y.dtype(), name + ": the op changed the data type");
        }
        assertClose(name + " y", f.array("y"), y.data(), tol);
        if (f.has("w")) {
            y.mul(new Tensor(f.array("w").castTo(dtype))).sum().backward();
            for (int i = 0; i < inputs.size(); i++) {
                if (f.has("g" + i)) {
                    assertClose(name + " g" + i, f.array("g" + i), inputs.get(i).grad(), tol);
                }
            }
        } else {
            assertFalse(y.requiresGrad(), name + ": expected no gradient history");
        }
    }

    /**
     * Relative comparison, with the scale floored at 1% of the largest expected magnitude so that
     * values near zero are not held to an impossible relative precision.
     */
    static void assertClose(String what, INDArray expected, INDArray actual, double tol) {
        assertNotNull(actual, what + ": missing");
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double[] e = expected.reshape(expected.length()).toDoubleVector();
        double[] a = actual.dup('c').castTo(DataType.DOUBLE).reshape(actual.length()).toDoubleVector();
        double floor = 0.01 * Arrays.stream(e).map(Math::abs).max().orElse(0);
        for (int i = 0; i < e.length; i++) {
            double scale = Math.max(Math.abs(e[i]), floor);
            assertTrue(Math.abs(a[i] - e[i]) <= tol * scale || a[i] == e[i],
                    what + "[" + i + "]: expected " + e[i] + ", got " + a[i] + " (relative tolerance " + tol + ")");
        }
    }

    /** Every committed fixture is compared (a new fixture without an op entry fails here). */
    @Test
    void everyFixtureFileHasAnOp() throws URISyntaxException {
        File dir = new File(OpsFixtureTest.class.getResource("/fixtures/ops").toURI());
        TreeSet<String> files = new TreeSet<>();
        for (String file : dir.list((d, n) -> n.endsWith(".json"))) {
            files.add(file.substring(0, file.length() - ".json".length()));
        }
        assertEquals(files, new TreeSet<>(OPS.keySet()));
    }
}
