/**
 * Weight initialization with PyTorch's formulas ({@link dl.init.Init}: constant, uniform,
 * normal, Xavier/Glorot and He/Kaiming with fans and gains), applied in place and seeded by
 * {@code Course.seed}; {@link dl.init.Initializer} lets a layer take any of them.
 */
package dl.init;
