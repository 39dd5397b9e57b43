package dl.models;

import dl.nn.BatchNorm2d;
import dl.nn.Conv2d;
import dl.nn.Module;
import dl.tensor.Tensor;

/**
 * conv (no bias) → BatchNorm2d → ReLU, the unit of GoogLeNet (torchvision's BasicConv2d, BN ε =
 * 0.001) and of the U-Net's double convolutions. Parameters K·K·C_in·C_out + 2·C_out.
 */
public class ConvBnRelu extends Module {

    private final Conv2d conv;
    private final BatchNorm2d bn;

    public ConvBnRelu(int in, int out, int kernel, int stride, int padding) {
        this(in, out, kernel, stride, padding, 1e-5);
    }

    public ConvBnRelu(int in, int out, int kernel, int stride, int padding, double eps) {
        conv = add("conv", new Conv2d(in, out, new int[] {kernel}, 1, false).stride(stride).padding(padding));
        bn = add("bn", new BatchNorm2d(out, eps, 0.1, true));
    }

    @Override
    protected Tensor compute(Tensor x) {
        return bn.forward(conv.forward(x)).relu();
    }
}
