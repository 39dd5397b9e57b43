package dl.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Combinations PyTorch rejects give errors that name the layer, the input shape and the parameter. */
class ConvErrorsTest {

    private static void fails(Executable body, String... parts) {
        Throwable e = assertThrows(IllegalArgumentException.class, body);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void constructorArguments() {
        fails(() -> new Conv2d(4, 6, new int[] {3}, 4, true), "Conv2d(4 -> 6)", "groups=4");
        fails(() -> new Conv2d(3, 4, 0), "Conv2d", "kernel", "[0, 0]");
        fails(() -> new Conv2d(3, 4, 3).stride(2).padding("same"), "padding='same'", "strided", "[2, 2]");
        fails(() -> new Conv2d(3, 4, 3).padding("full"), "\"valid\" or \"same\"", "full");
        fails(() -> new Conv2d(3, 4, 3).padding(-1), "padding", ">= 0");
        fails(() -> new Conv2d(3, 4, 3).dilation(0), "dilation", "positive");
        fails(() -> new Conv1d(3, 4, 3, 2, true), "Conv1d(3 -> 4)", "groups=2");
        fails(() -> new MaxPool2d(3).padding(2), "MaxPool2d", "padding [2, 2]", "half");
        fails(() -> new AvgPool2d(2, 4).padding(1, 3), "AvgPool2d", "padding [1, 3]");
        fails(() -> new ConvTranspose2d(3, 4, 3, 3, 3), "ConvTranspose2d", "kernel");
        fails(() -> new Upsample(0), "Upsample", "scale factor");
        fails(() -> new Upsample(2).alignCorners(true), "alignCorners", "BILINEAR");
        fails(() -> new Dropout2d(1.5), "Dropout2d", "p");
    }

    @Test
    void inputShapes() {
        fails(() -> new Conv2d(3, 4, 3).forward(Tensor.zeros(2, 1, 8, 8)), "Conv2d(3 -> 4)", "[2, 1, 8, 8]", "(N, 3, H, W)");
        fails(() -> new Conv2d(3, 4, 3).forward(Tensor.zeros(3, 8, 8)), "[3, 8, 8]", "unsqueeze(0)");
        fails(() -> new Conv2d(1, 1, 5).forward(Tensor.zeros(1, 1, 4, 9)), "Conv2d(1 -> 1)", "[1, 1, 4, 9]", "kernel 5x5");
        fails(() -> new Conv2d(1, 1, 3).dilation(3).forward(Tensor.zeros(1, 1, 6, 9)), "[1, 1, 6, 9]", "(dilated) kernel 7x7");
        fails(() -> new Conv2d(1, 1, 3).padding(3).paddingMode(PaddingMode.REFLECT).forward(Tensor.zeros(1, 1, 3, 9)),
                "[1, 1, 3, 9]", "reflect padding");
        fails(() -> new Conv1d(2, 2, 3).forward(Tensor.zeros(1, 2, 4, 4)), "Conv1d(2 -> 2)", "[1, 2, 4, 4]", "(N, 2, L)");
        fails(() -> new MaxPool2d(3).forward(Tensor.zeros(1, 1, 2, 5)), "MaxPool2d", "[1, 1, 2, 5]", "kernel 3x3");
        fails(() -> new ConvTranspose2d(2, 2, 3).stride(2).outputPadding(2).forward(Tensor.zeros(1, 2, 3, 3)),
                "ConvTranspose2d(2 -> 2)", "outputPadding [2, 2]", "stride [2, 2]");
        fails(() -> new ConvTranspose2d(2, 2, 3).padding(3).forward(Tensor.zeros(1, 2, 2, 2)), "[1, 2, 2, 2]", "padding [3, 3]");
        fails(() -> new BatchNorm2d(3).forward(Tensor.zeros(2, 4, 3, 3)), "BatchNorm2d(3)", "[2, 4, 3, 3]");
        fails(() -> new BatchNorm2d(3).forward(Tensor.zeros(1, 3, 1, 1)), "BatchNorm2d(3)", "more than one value per channel");
        fails(() -> new Conv2d(1, 1, 3).forward(Tensor.zeros(1, 1, 5, 5).toDouble()), "DOUBLE", "FLOAT", "toDouble()");
    }

    @Test
    void errorsInsideAModelNameTheLayer() {
        var model = new Sequential(new Conv2d(1, 4, 3), new ReLU(), new Conv2d(3, 8, 3));
        var e = assertThrows(LayerShapeException.class, () -> model.forward(Tensor.zeros(1, 1, 9, 9)));
        assertTrue(e.getMessage().contains("'2'"), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 4, 7, 7]"), e.getMessage());
    }

    @Test
    void outputSizesFollowTheFormulas() {
        // TOPICS 10 fact 3 and 13 fact 8 through the layers themselves
        assertEquals(26, new Conv2d(1, 1, 3).forward(Tensor.zeros(1, 1, 28, 28)).size(2));
        assertEquals(55, new Conv2d(1, 1, 11).stride(4).forward(Tensor.zeros(1, 1, 227, 227)).size(2));
        assertEquals(4, new Conv2d(1, 1, 3).stride(2).padding(1).forward(Tensor.zeros(1, 1, 7, 7)).size(2));
        assertEquals(28, new Conv2d(1, 1, 3).dilation(2).forward(Tensor.zeros(1, 1, 32, 32)).size(2));
        assertEquals(27, new MaxPool2d(3).stride(2).forward(Tensor.zeros(1, 1, 55, 55)).size(2));
        assertEquals(56, new ConvTranspose2d(1, 1, 2).stride(2).forward(Tensor.zeros(1, 1, 28, 28)).size(2));
        assertEquals(8, new ConvTranspose2d(1, 1, 3).stride(2).padding(1).outputPadding(1).forward(Tensor.zeros(1, 1, 4, 4)).size(2));
    }

    @Test
    void transposedConvolutionOfTheCourseExample() {
        // [[1,2],[3,4]] with a 2x2 kernel of ones and stride 2 (TOPICS 13 fact 8)
        var up = new ConvTranspose2d(1, 1, new int[] {2}, 1, false).stride(2);
        up.weight().data().assign(1);
        Tensor y = up.forward(Tensor.of(new double[][] {{1, 2}, {3, 4}}).reshape(1, 1, 2, 2));
        assertEquals("[[1.0, 1.0, 2.0, 2.0], [1.0, 1.0, 2.0, 2.0], [3.0, 3.0, 4.0, 4.0], [3.0, 3.0, 4.0, 4.0]]",
                java.util.Arrays.deepToString(y.reshape(4, 4).data().toDoubleMatrix()));
    }

    @Test
    void paddingModesOnTheCourseExample() {
        // [1,2,3] padded by 2 (TOPICS 10 fact 10)
        Tensor row = Tensor.of(1, 2, 3).reshape(1, 1, 1, 3);
        assertEquals("[0.0, 0.0, 1.0, 2.0, 3.0, 0.0, 0.0]", str(ConvOps.pad2d(row, 0, 0, 2, 2, PaddingMode.ZEROS)));
        assertEquals("[3.0, 2.0, 1.0, 2.0, 3.0, 2.0, 1.0]", str(ConvOps.pad2d(row, 0, 0, 2, 2, PaddingMode.REFLECT)));
        assertEquals("[1.0, 1.0, 1.0, 2.0, 3.0, 3.0, 3.0]", str(ConvOps.pad2d(row, 0, 0, 2, 2, PaddingMode.REPLICATE)));
    }

    private static String str(Tensor t) {
        return java.util.Arrays.toString(t.data().reshape(t.length()).toDoubleVector());
    }
}
