package dl.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Every op keeps its input's data type, in the result and in the gradient; mixing types fails clearly. */
class DtypeTest {

    static Map<String, Function<Tensor, Tensor>> ops(Tensor other) {
        Map<String, Function<Tensor, Tensor>> m = new LinkedHashMap<>();
        m.put("add", x -> x.add(other));
        m.put("sub", x -> x.sub(other));
        m.put("mul", x -> x.mul(other));
        m.put("div", x -> x.div(other.abs().add(1)));
        m.put("scalar arithmetic", x -> x.add(1).sub(2).mul(3).div(4).rsub(5).neg());
        m.put("pow", x -> x.abs().add(0.1).pow(1.5));
        m.put("exp/log/sqrt/abs", x -> x.exp().log().abs().add(0.1).sqrt());
        m.put("square/log1p", x -> x.square().log1p());
        m.put("sigmoid/tanh/relu", x -> x.sigmoid().tanh().relu());
        m.put("leakyRelu/elu", x -> x.leakyRelu(0.1).elu(1.0));
        m.put("softmax", x -> x.softmax(1));
        m.put("logSoftmax", x -> x.logSoftmax(0));
        m.put("maxOf", x -> x.maxOf(other));
        m.put("clamp", x -> x.clamp(-0.2, 0.2));
        m.put("matmul", x -> x.matmul(other.t()));
        m.put("batched matmul", x -> x.unsqueeze(0).matmul(other.t().unsqueeze(0)));
        m.put("sum/mean", x -> x.sum(true, 1).mean(false, 0));
        m.put("max", x -> x.max(1, false).add(x.max()));
        m.put("reshape/t/permute/transpose", x -> x.reshape(4, 3).t().permute(1, 0).transpose(0, 1));
        m.put("squeeze/unsqueeze/flatten", x -> x.unsqueeze(1).squeeze(1).unsqueeze(0).squeeze().flatten(0));
        m.put("concat/stack", x -> Tensor.stack(0, Tensor.concat(1, x, other), Tensor.concat(1, other, x)));
        m.put("slice/select/index", x -> x.slice(1, 1, 3).select(0, 1).add(x.index(2, 0).sum()));
        m.put("pick", x -> x.pick(3, 0, 2));
        m.put("where", x -> Tensor.where(Nd4j.createFromArray(true, false, true, true), x, other));
        return m;
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void everyOpKeepsTheDataTypeInValueAndGradient(DataType dtype) {
        for (var e : ops(new Tensor(Nd4j.rand(dtype, 3, 4))).entrySet()) {
            Tensor x = new Tensor(Nd4j.rand(dtype, 3, 4).subi(0.5), true);
            Tensor y = e.getValue().apply(x);
            assertEquals(dtype, y.dtype(), e.getKey() + ": result type");
            y.sum().backward();
            assertNotNull(x.grad(), e.getKey() + ": no gradient");
            assertEquals(dtype, x.grad().dataType(), e.getKey() + ": gradient type");
        }
    }

    @Test
    void stepAndArgmaxTypes() {
        assertEquals(DataType.FLOAT, Tensor.of(1, -1).step().dtype());
        assertEquals(DataType.DOUBLE, Tensor.ofDouble(1, -1).step().dtype());
        assertEquals(DataType.LONG, Tensor.of(new double[][] {{1, 2}}).argmax(1).dtype()); // indices, as torch.argmax
    }

    @Test
    void mixedTypesFailWithAClearMessage() {
        Tensor f = Tensor.of(new double[][] {{1, 2}, {3, 4}});
        Tensor d = Tensor.ofDouble(new double[][] {{1, 2}, {3, 4}});
        String expected = "data types differ: FLOAT and DOUBLE; convert one with toFloat() or toDouble()";
        for (var e : Map.<String, Runnable>of(
                "add", () -> f.add(d),
                "maxOf", () -> f.maxOf(d),
                "matmul", () -> f.matmul(d),
                "concat", () -> Tensor.concat(0, f, d),
                "stack", () -> Tensor.stack(0, f, d),
                "where", () -> Tensor.where(Nd4j.createFromArray(true, false), f, d)).entrySet()) {
            var ex = assertThrows(IllegalArgumentException.class, e.getValue()::run, e.getKey());
            assertEquals(e.getKey() + ": " + expected, ex.getMessage());
        }
    }
}
