package dl.nn;

/**
 * How a convolution fills the border it pads (on [1, 2, 3] padded by 2):
 * ZEROS 0,0,1,2,3,0,0; REFLECT 3,2,1,2,3,2,1 (mirror without repeating the edge);
 * REPLICATE 1,1,1,2,3,3,3 (repeat the edge value). PyTorch's padding_mode
 * 'zeros', 'reflect', 'replicate'.
 */
public enum PaddingMode {
    ZEROS, REFLECT, REPLICATE
}
