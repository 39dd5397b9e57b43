package dl.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Anchor boxes of a region proposal network: at every position of an H×W feature map (centre at
 * ((x + ½)·stride, (y + ½)·stride) in the image), one box per scale and aspect ratio, with area
 * scale² and width/height = ratio (w = scale·√ratio, h = scale/√ratio). 3 scales × 3 ratios = 9
 * per position, so a 60×40 map has 21,600 anchors, and the RPN predicts 2·9 scores + 4·9 offsets
 * = 54 numbers per position.
 */
public final class Anchors {

    private Anchors() {}

    /** Anchors for every position, row by row, then scale, then ratio. */
    public static List<Box> generate(int height, int width, double stride, double[] scales, double[] ratios) {
        if (height <= 0 || width <= 0 || !(stride > 0) || scales.length == 0 || ratios.length == 0) {
            throw new IllegalArgumentException("Anchors.generate: expected positive map size, stride and at least one scale and ratio, got "
                    + height + "x" + width + ", stride " + stride + ", " + scales.length + " scales, " + ratios.length + " ratios");
        }
        List<Box> out = new ArrayList<>(height * width * scales.length * ratios.length);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double cx = (x + 0.5) * stride;
                double cy = (y + 0.5) * stride;
                for (double s : scales) {
                    for (double r : ratios) {
                        out.add(Box.ofCenter(cx, cy, s * Math.sqrt(r), s / Math.sqrt(r)));
                    }
                }
            }
        }
        return out;
    }

    /** Faster R-CNN's defaults: scales 128, 256, 512 and ratios 0.5, 1, 2. */
    public static List<Box> fasterRcnn(int height, int width, double stride) {
        return generate(height, width, stride, new double[] {128, 256, 512}, new double[] {0.5, 1, 2});
    }
}
