package dl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dl.Fixture;
import dl.tensor.Tensor;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The convolution, pooling, batch-norm-2d and upsampling layers against PyTorch
 * (lib/src/test/python/fixtures_conv.py): outputs and the gradients of L = Σ y·r with respect
 * to the input and every parameter, in fp64 (1e-6) and fp32 (relative 1e-4).
 */
class ConvFixtureTest {

    private static final Map<String, Supplier<Module>> CASES = Map.ofEntries(
            Map.entry("conv2d_basic", () -> new Conv2d(3, 4, 3).padding(1)),
            Map.entry("conv2d_strided", () -> new Conv2d(3, 4, 3, 2).stride(2, 1).padding(1, 0).dilation(1, 2)),
            Map.entry("conv2d_groups", () -> new Conv2d(4, 6, new int[] {2, 3}, 2, true).stride(1, 2).padding(0, 1)),
            Map.entry("conv2d_depthwise", () -> new Conv2d(3, 3, new int[] {3}, 3, false).stride(2).padding(1)),
            Map.entry("conv2d_same_even", () -> new Conv2d(2, 3, 4, 3).padding("same").dilation(1, 2)),
            Map.entry("conv2d_reflect", () -> new Conv2d(2, 3, 3).padding(2).paddingMode(PaddingMode.REFLECT)),
            Map.entry("conv2d_replicate", () -> new Conv2d(2, 2, new int[] {3, 5}, 1, false).stride(2).padding(1, 2)
                    .paddingMode(PaddingMode.REPLICATE)),
            Map.entry("conv2d_dilated", () -> new Conv2d(2, 3, 3).stride(3).dilation(3)),
            Map.entry("conv1d_same_reflect", () -> new Conv1d(3, 4, 4).padding("same").paddingMode(PaddingMode.REFLECT)),
            Map.entry("conv1d_strided", () -> new Conv1d(4, 2, 3, 2, true).stride(2).padding(1).dilation(2)),
            Map.entry("convT_basic", () -> new ConvTranspose2d(3, 2, 3).stride(2).padding(1).outputPadding(1)),
            Map.entry("convT_k2s2", () -> new ConvTranspose2d(2, 3, 2).stride(2)),
            Map.entry("convT_groups", () -> new ConvTranspose2d(4, 6, new int[] {3, 2}, 2, false).stride(2, 3).padding(0, 1)
                    .outputPadding(1, 2).dilation(2, 1)),
            Map.entry("convT_op_gt_pad", () -> new ConvTranspose2d(2, 2, 3).stride(3).outputPadding(2)),
            Map.entry("maxpool_k3s2p1", () -> new MaxPool2d(3).stride(2).padding(1)),
            Map.entry("maxpool_rect_dil", () -> new MaxPool2d(2, 3).stride(1, 2).dilation(2)),
            Map.entry("avgpool_k3s2p1", () -> new AvgPool2d(3).stride(2).padding(1)),
            Map.entry("avgpool_rect", () -> new AvgPool2d(2, 3).stride(2, 1)),
            Map.entry("maxpool1d", () -> new MaxPool1d(3).stride(2).padding(1)),
            Map.entry("adaptive_avg", () -> new AdaptiveAvgPool2d(3, 2)),
            Map.entry("adaptive_avg_up", () -> new AdaptiveAvgPool2d(4, 5)),
            Map.entry("up_nearest2", () -> new Upsample(2)),
            Map.entry("up_bilinear2", () -> new Upsample(2, Upsample.Mode.BILINEAR)),
            Map.entry("up_bilinear_size_aligned", () -> Upsample.toSize(5, 7, Upsample.Mode.BILINEAR).alignCorners(true)),
            Map.entry("up_nearest_size", () -> Upsample.toSize(5, 7, Upsample.Mode.NEAREST)),
            Map.entry("up_bilinear_size", () -> Upsample.toSize(7, 5, Upsample.Mode.BILINEAR)));

    @Test
    void everyLayerMatchesPyTorchInBothPrecisions() {
        int checked = 0;
        for (var e : new java.util.TreeMap<>(CASES).entrySet()) {
            Fixture f = Fixture.load("conv/" + e.getKey() + ".json");
            for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
                compare(e.getKey(), f, e.getValue().get(), t);
                checked++;
            }
        }
        assertEquals(2 * CASES.size(), checked);
    }

    private static void compare(String name, Fixture f, Module layer, DataType t) {
        if (t == DataType.DOUBLE) {
            layer.toDouble();
        }
        for (var p : layer.namedParameters().entrySet()) {
            p.getValue().setData(f.array(p.getKey()).castTo(t));
        }
        Tensor x = new Tensor(f.array("x").castTo(t), true);
        Tensor y = layer.forward(x);
        Expect.matches(f, "y", y.data(), t);
        y.mul(Expect.tensor(f, "r", t)).sum().backward();
        Expect.matches(f, "grad_x", x.grad(), t);
        for (var p : layer.namedParameters().entrySet()) {
            Expect.matches(f, "grad_" + p.getKey(), p.getValue().grad(), t);
        }
        System.out.println("fixture case " + name + " (" + t + ") ok");
    }

    @Test
    void batchNorm2dTrainAndEvalMatchPyTorch() {
        Fixture f = Fixture.load("conv/batchnorm2d.json");
        for (DataType t : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            BatchNorm2d bn = new BatchNorm2d(3);
            if (t == DataType.DOUBLE) {
                bn.toDouble();
            }
            bn.gamma().setData(f.array("weight").castTo(t));
            bn.beta().setData(f.array("bias").castTo(t));
            Tensor x = new Tensor(f.array("x").castTo(t), true);
            Tensor y = bn.forward(x);
            Expect.matches(f, "y", y.data(), t);
            y.mul(Expect.tensor(f, "r", t)).sum().backward();
            Expect.matches(f, "grad_x", x.grad(), t);
            Expect.matches(f, "grad_weight", bn.gamma().grad(), t);
            Expect.matches(f, "grad_bias", bn.beta().grad(), t);
            Expect.matches(f, "running_mean", bn.runningMean(), t);
            Expect.matches(f, "running_var", bn.runningVar(), t);
            bn.eval();
            Tensor x2 = new Tensor(f.array("x_eval").castTo(t), true);
            Tensor y2 = bn.forward(x2);
            Expect.matches(f, "y_eval", y2.data(), t);
            y2.mul(Expect.tensor(f, "r_eval", t)).sum().backward();
            INDArray g = x2.grad();
            Expect.matches(f, "grad_x_eval", g, t);
        }
    }
}
