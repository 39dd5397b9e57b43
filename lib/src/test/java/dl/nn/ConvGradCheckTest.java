package dl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference gradient checks (fp64, central differences) of every convolution, pooling,
 * normalization and resizing layer, with respect to the input and every parameter, for several
 * stride / padding / dilation / group settings, odd sizes (5, 7, 11, 13), batch 1 and
 * non-square kernels.
 */
class ConvGradCheckTest {

    /** Checks L = Σ layer(x)·r for x of {@code shape}; returns the number of checked values. */
    private static int check(String what, Supplier<Module> make, long... shape) {
        Module layer = make.get().toDouble();
        Tensor x = Expect.leaf(shape);
        Tensor r = Expect.weights(layer.forward(x.detach()).shape());
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(x);
        inputs.addAll(layer.parameters());
        return Expect.gradOk(what, in -> layer.forward(in.get(0)).mul(r).sum(), inputs.toArray(new Tensor[0]));
    }

    @Test
    void conv2d() {
        int n = 0;
        n += check("conv k3 p1", () -> new Conv2d(2, 3, 3).padding(1), 2, 2, 5, 5);
        n += check("conv k(2,3) s(2,1) p(1,0) d(2,1)", () -> new Conv2d(2, 3, 2, 3).stride(2, 1).padding(1, 0).dilation(2, 1), 1, 2, 7, 11);
        n += check("conv groups 2, no bias", () -> new Conv2d(4, 2, new int[] {3, 2}, 2, false).stride(2), 2, 4, 7, 5);
        n += check("conv depthwise s2 p1", () -> new Conv2d(3, 6, new int[] {3}, 3, true).stride(2).padding(1), 1, 3, 5, 7);
        n += check("conv same k4 d2", () -> new Conv2d(2, 2, 4).padding("same").dilation(2), 1, 2, 7, 7);
        n += check("conv same k(3,5)", () -> new Conv2d(1, 2, 3, 5).padding("same"), 1, 1, 5, 13);
        n += check("conv reflect p2", () -> new Conv2d(2, 2, 3).padding(2).paddingMode(PaddingMode.REFLECT), 1, 2, 5, 7);
        n += check("conv replicate s2", () -> new Conv2d(2, 2, 3).stride(2).padding(1, 2).paddingMode(PaddingMode.REPLICATE), 2, 2, 7, 5);
        n += check("conv 1x1", () -> new Conv2d(3, 2, 1), 2, 3, 5, 5);
        n += check("conv d3 s3 on 13x11", () -> new Conv2d(1, 2, 3).stride(3).dilation(3), 1, 1, 13, 11);
        System.out.println("Conv2d gradient checks: " + n + " values");
        assertTrue(n > 1000);
    }

    @Test
    void conv1dAndTransposed() {
        int n = 0;
        n += check("conv1d k3 s2 p1", () -> new Conv1d(2, 3, 3).stride(2).padding(1), 2, 2, 11);
        n += check("conv1d same reflect k4 groups 2", () -> new Conv1d(2, 4, 4, 2, true).padding("same").paddingMode(PaddingMode.REFLECT), 1, 2, 7);
        n += check("convT k3 s2 p1 op1", () -> new ConvTranspose2d(2, 3, 3).stride(2).padding(1).outputPadding(1), 1, 2, 4, 5);
        n += check("convT k2 s2", () -> new ConvTranspose2d(3, 2, 2).stride(2), 2, 3, 3, 3);
        n += check("convT groups 2 d2 k(3,2) s(1,2)", () -> new ConvTranspose2d(2, 4, new int[] {3, 2}, 2, true).stride(1, 2).dilation(2).padding(1, 0), 1, 2, 5, 3);
        n += check("convT op 2 > p 0", () -> new ConvTranspose2d(1, 2, 3).stride(3).outputPadding(2), 1, 1, 3, 2);
        assertTrue(n > 300);
    }

    @Test
    void pooling() {
        check("maxpool k2", () -> new MaxPool2d(2), 2, 2, 4, 6);
        check("maxpool k3 s2 p1", () -> new MaxPool2d(3).stride(2).padding(1), 1, 2, 7, 5);
        check("maxpool k(2,3) s(1,2) d2", () -> new MaxPool2d(2, 3).stride(1, 2).dilation(2), 1, 1, 7, 11);
        check("avgpool k3 s2 p1", () -> new AvgPool2d(3).stride(2).padding(1), 2, 2, 7, 5);
        check("avgpool k(2,3) s(2,1)", () -> new AvgPool2d(2, 3).stride(2, 1), 1, 2, 5, 7);
        check("maxpool1d k3 s2 p1", () -> new MaxPool1d(3).stride(2).padding(1), 2, 2, 11);
        check("adaptive avg 7x5 -> 3x2", () -> new AdaptiveAvgPool2d(3, 2), 2, 2, 7, 5);
        check("global avg", GlobalAvgPool2d::new, 2, 3, 5, 7);
        check("max over time", MaxOverTime::new, 2, 3, 7);
    }

    @Test
    void normalizationDropoutAndResizing() {
        check("batchnorm2d train", () -> {
            BatchNorm2d bn = new BatchNorm2d(3);
            bn.gamma().data().assign(Nd4j.createFromArray(0.5f, 1.5f, -1f));
            return bn;
        }, 2, 3, 5, 3);
        check("batchnorm2d eval", () -> {
            BatchNorm2d bn = new BatchNorm2d(2);
            bn.runningMean().assign(Nd4j.createFromArray(0.3f, -0.2f));
            bn.runningVar().assign(Nd4j.createFromArray(2f, 0.5f));
            bn.eval();
            return bn;
        }, 1, 2, 3, 5);
        check("upsample nearest x2", () -> new Upsample(2), 1, 2, 3, 5);
        check("upsample bilinear x2", () -> new Upsample(2, Upsample.Mode.BILINEAR), 1, 1, 3, 5);
        check("upsample bilinear 7x5 aligned", () -> Upsample.toSize(7, 5, Upsample.Mode.BILINEAR).alignCorners(true), 1, 1, 3, 4);
        Module drop = new Dropout2d(0.5).toDouble();
        Tensor x = Expect.leaf(2, 4, 3, 3);
        int n = Expect.gradOk("dropout2d (fixed seed)", in -> {
            Nd4j.getRandom().setSeed(7);
            return drop.forward(in.get(0)).sum();
        }, x);
        assertEquals(72, n);
    }
}
