package dl.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dl.nn.Module;
import dl.nn.ModelSummary;
import dl.tensor.Tensor;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Parameter counts against the published numbers (LeNet-5 from the course, the others as
 * torchvision and the papers report them), shapes of the small models, feature maps and the
 * gradient with respect to the input.
 */
class ModelsTest {

    /** The full-size models are only built and counted (no forward pass), one at a time to keep memory low. */
    @Test
    void fullSizeModelsHaveThePublishedParameterCounts() {
        Map<String, Supplier<Module>> models = new java.util.LinkedHashMap<>();
        models.put("AlexNet (one tower)", () -> new AlexNet(1000));
        models.put("VGG-11", () -> VGG.vgg11(1000));
        models.put("VGG-16", () -> VGG.vgg16(1000));
        models.put("GoogLeNet", () -> new GoogLeNet(1000));
        models.put("ResNet-18", () -> ResNet.resnet18(1000));
        long[] expected = {62_378_344L, 132_863_336L, 138_357_544L, 6_624_904L, 11_689_512L};
        int i = 0;
        for (var e : models.entrySet()) {
            long n = e.getValue().get().parameterCount();
            System.out.println(e.getKey() + ": " + n + " parameters");
            assertEquals(expected[i++], n, e.getKey());
            System.gc();
        }
    }

    @Test
    void leNet5SummaryMatchesTheCourse() {
        var model = new LeNet5();
        ModelSummary s = model.summary(1, 1, 28, 28);
        assertEquals(61_706, s.totalParameters());
        long[] perLayer = model.parameters().stream().mapToLong(Tensor::length).toArray();
        // weights and biases: 150+6, 2400+16, 48000+120, 10080+84, 840+10
        assertArrayEquals(new long[] {150, 6, 2400, 16, 48000, 120, 10080, 84, 840, 10}, perLayer);
        assertArrayEquals(new long[] {1, 6, 28, 28}, s.rows().get(0).outputShape());
        assertArrayEquals(new long[] {1, 16, 5, 5}, s.rows().get(5).outputShape());
        assertArrayEquals(new long[] {1, 400}, s.rows().get(6).outputShape());
    }

    @Test
    void smallModelsRunOnSmallImages() {
        Tensor gray = Tensor.rand(2, 1, 28, 28);
        Tensor rgb = Tensor.rand(2, 3, 32, 32);
        assertArrayEquals(new long[] {2, 10}, AlexNet.small(3, 10).forward(rgb).shape());
        assertArrayEquals(new long[] {2, 10}, AlexNet.small(1, 10).forward(gray).shape());
        assertArrayEquals(new long[] {2, 10}, VGG.small(3, 10).forward(rgb).shape());
        assertArrayEquals(new long[] {2, 10}, GoogLeNet.small(1, 10).forward(gray).shape());
        assertArrayEquals(new long[] {2, 10}, ResNet.small(1, 10).forward(gray).shape());
        assertArrayEquals(new long[] {2, 10}, ResNet.small(3, 10).forward(rgb).shape());
        assertArrayEquals(new long[] {2, 3, 28, 28}, new UNet(1, 3, 8).forward(gray).shape());
        assertArrayEquals(new long[] {2, 4, 32, 32}, new FCN(3, 4, 8).forward(rgb).shape());
        Tensor recon = new ConvAutoencoder(1).forward(gray);
        assertArrayEquals(new long[] {2, 1, 28, 28}, recon.shape());
        assertTrue(recon.data().minNumber().doubleValue() > 0 && recon.data().maxNumber().doubleValue() < 1);
    }

    @Test
    void smallModelSummariesCountWhatTheLayersHold() {
        // ResNet.small: stem 3·3·1·16 + 32; each 16-block 2·(9·16·16 + 32); a projecting block adds 1x1 conv + BN
        long stem = 9 * 16 + 32;
        long block16 = 2 * (9 * 16 * 16 + 32);
        long block32first = 9 * 16 * 32 + 64 + 9 * 32 * 32 + 64 + 16 * 32 + 64;
        long block32 = 2 * (9 * 32 * 32 + 64);
        long block64first = 9 * 32 * 64 + 128 + 9 * 64 * 64 + 128 + 32 * 64 + 128;
        long block64 = 2 * (9 * 64 * 64 + 128);
        long fc = 64 * 10 + 10;
        assertEquals(stem + 2 * block16 + block32first + block32 + block64first + block64 + fc,
                ResNet.small(1, 10).summary(1, 1, 28, 28).totalParameters());
        // Inception: on 28x28x192, a 5x5 conv to 32 channels has 153,632 weights, via a 1x1 to 16 first 15,920 (TOPICS 11 fact 4)
        assertEquals(153_632, new dl.nn.Conv2d(192, 32, 5).parameterCount());
        assertEquals(15_920, new dl.nn.Conv2d(192, 16, 1).parameterCount() + new dl.nn.Conv2d(16, 32, 5).parameterCount());
        var block = new InceptionBlock(192, 64, 96, 128, 16, 32, 32);
        assertEquals(64 * 192 + 64 + 96 * 192 + 96 + 9 * 96 * 128 + 128 + 16 * 192 + 16 + 25 * 16 * 32 + 32 + 32 * 192 + 32,
                block.parameterCount());
        assertArrayEquals(new long[] {1, 256, 7, 7}, block.forward(Tensor.rand(1, 192, 7, 7)).shape());
    }

    @Test
    void residualBlockProjectsOnlyWhenTheShapeChanges() {
        assertFalse(new ResidualBlock(8, 8, 1).projects());
        assertTrue(new ResidualBlock(8, 16, 1).projects());
        assertTrue(new ResidualBlock(8, 8, 2).projects());
        assertArrayEquals(new long[] {1, 16, 4, 4}, new ResidualBlock(8, 16, 2).forward(Tensor.rand(1, 8, 7, 7)).shape());
    }

    @Test
    void residualBlockGradientIsOnePlusTheBranch() {
        // with the branch's last BN scaled to zero, F = 0, so y = ReLU(x) and dy/dx = 1 where x > 0
        var block = new ResidualBlock(2, 2, 1);
        block.toDouble();
        var bn2 = (dl.nn.BatchNorm2d) block.namedChildren().get("bn2");
        bn2.gamma().data().assign(0);
        Tensor x = new Tensor(Nd4j.rand(DataType.DOUBLE, 2, 2, 5, 5).addi(0.1), true);
        block.forward(x).sum().backward();
        assertEquals(1.0, x.grad().minNumber().doubleValue(), 1e-12);
        assertEquals(1.0, x.grad().maxNumber().doubleValue(), 1e-12);
    }

    @Test
    void activationsGiveEveryFeatureMapAndTheInputGradientWorks() {
        var model = new LeNet5();
        model.eval();
        Tensor x = new Tensor(Nd4j.rand(DataType.FLOAT, 1, 1, 28, 28), true);
        Map<String, Tensor> maps = Activations.of(model, x);
        assertArrayEquals(new long[] {1, 6, 28, 28}, maps.get("0").shape());
        assertArrayEquals(new long[] {1, 16, 10, 10}, maps.get("3").shape());
        assertArrayEquals(new long[] {1, 10}, maps.get("output").shape());
        // class visualization: d(score of class 3)/d(input) by autograd, compared with a finite difference
        Tensor score = maps.get("output").slice(1, 3, 4).sum();
        score.backward();
        assertNotNull(x.grad());
        assertArrayEquals(x.shape(), x.grad().shape());
        assertTrue(x.grad().norm2Number().doubleValue() > 0);
        model.toDouble();
        Tensor xd = new Tensor(x.data().castTo(DataType.DOUBLE), true);
        model.forward(xd).slice(1, 3, 4).sum().backward();
        long[] at = {0, 0, 14, 12};
        double h = 1e-6;
        Tensor probe = new Tensor(xd.data().dup(), false);
        probe.data().putScalar(at, xd.data().getDouble(at) + h);
        double up = model.forward(probe).data().getDouble(0, 3);
        probe.data().putScalar(at, xd.data().getDouble(at) - h);
        double down = model.forward(probe).data().getDouble(0, 3);
        assertEquals((up - down) / (2 * h), xd.grad().getDouble(at), 1e-6);
    }

    @Test
    void uNetAndAutoencoderTrainEndToEnd() {
        // one backward pass through skip concatenations and transposed convolutions reaches every parameter
        var unet = new UNet(1, 2, 4);
        unet.forward(Tensor.rand(2, 1, 12, 12)).sum().backward();
        for (var p : unet.namedParameters().entrySet()) {
            assertNotNull(p.getValue().grad(), p.getKey());
        }
    }
}
