package dl.models;

import dl.nn.Conv2d;
import dl.nn.MaxPool2d;
import dl.nn.Module;
import dl.nn.ReLU;
import dl.nn.Sequential;
import dl.tensor.Tensor;

/**
 * GoogLeNet's Inception block: four parallel branches on the same input, concatenated along the
 * channels: 1×1; 1×1 reduction → 3×3; 1×1 reduction → 5×5; 3×3 max pool (stride 1) → 1×1
 * projection. Output channels c1 + c3 + c5 + pool. The 1×1 reductions are what make it cheap:
 * on 28×28×192, a 5×5 to 32 channels costs 120,422,400 multiplications, 12,443,648 via a 1×1 to 16.
 *
 * <p>{@link #InceptionBlock(int, int, int, int, int, int, int)} is the paper's block (conv with
 * bias + ReLU, a real 5×5). {@link #torchvision} is torchvision's GoogLeNet block: conv + BN +
 * ReLU units and a 3×3 kernel in the "5×5" branch, whose parameter counts torchvision publishes.
 */
public class InceptionBlock extends Module {

    private final Module b1;
    private final Module b2;
    private final Module b3;
    private final Module b4;

    /** The paper's block: in → (c1, c3red→c3, c5red→c5, poolProj). */
    public InceptionBlock(int in, int c1, int c3red, int c3, int c5red, int c5, int poolProj) {
        this(new Sequential(conv(in, c1, 1), new ReLU()),
                new Sequential(conv(in, c3red, 1), new ReLU(), conv(c3red, c3, 3), new ReLU()),
                new Sequential(conv(in, c5red, 1), new ReLU(), conv(c5red, c5, 5), new ReLU()),
                new Sequential(new MaxPool2d(3).stride(1).padding(1), conv(in, poolProj, 1), new ReLU()));
    }

    private InceptionBlock(Module b1, Module b2, Module b3, Module b4) {
        this.b1 = add("branch1", b1);
        this.b2 = add("branch2", b2);
        this.b3 = add("branch3", b3);
        this.b4 = add("branch4", b4);
    }

    /** torchvision's block (conv + BN(ε 0.001) + ReLU; the third branch uses 3×3). */
    public static InceptionBlock torchvision(int in, int c1, int c3red, int c3, int c5red, int c5, int poolProj) {
        return new InceptionBlock(new ConvBnRelu(in, c1, 1, 1, 0, 1e-3),
                new Sequential(new ConvBnRelu(in, c3red, 1, 1, 0, 1e-3), new ConvBnRelu(c3red, c3, 3, 1, 1, 1e-3)),
                new Sequential(new ConvBnRelu(in, c5red, 1, 1, 0, 1e-3), new ConvBnRelu(c5red, c5, 3, 1, 1, 1e-3)),
                new Sequential(new MaxPool2d(3).stride(1).padding(1), new ConvBnRelu(in, poolProj, 1, 1, 0, 1e-3)));
    }

    private static Conv2d conv(int in, int out, int k) {
        return new Conv2d(in, out, k).padding(k / 2);
    }

    @Override
    protected Tensor compute(Tensor x) {
        return Tensor.concat(1, b1.forward(x), b2.forward(x), b3.forward(x), b4.forward(x));
    }
}
