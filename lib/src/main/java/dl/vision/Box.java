package dl.vision;

/**
 * An axis-aligned box with corners (x1, y1) top-left and (x2, y2) bottom-right, in pixels or in any
 * common unit. Area (x2 − x1)·(y2 − y1).
 */
public record Box(double x1, double y1, double x2, double y2) {

    public Box {
        if (!(x2 >= x1 && y2 >= y1)) {
            throw new IllegalArgumentException("Box: expected x1 <= x2 and y1 <= y2, got [" + x1 + ", " + y1 + ", " + x2 + ", " + y2 + "]");
        }
    }

    /** A box from its centre and size (YOLO and anchor boxes use this form). */
    public static Box ofCenter(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() {
        return x2 - x1;
    }

    public double height() {
        return y2 - y1;
    }

    public double area() {
        return width() * height();
    }

    public double centerX() {
        return (x1 + x2) / 2;
    }

    public double centerY() {
        return (y1 + y2) / 2;
    }

    /** Intersection over union |A ∩ B| / |A ∪ B| (the Jaccard index of the two boxes); 0 for disjoint boxes. */
    public double iou(Box o) {
        double iw = Math.max(0, Math.min(x2, o.x2) - Math.max(x1, o.x1));
        double ih = Math.max(0, Math.min(y2, o.y2) - Math.max(y1, o.y1));
        double inter = iw * ih;
        double union = area() + o.area() - inter;
        return union == 0 ? 0 : inter / union;
    }
}
