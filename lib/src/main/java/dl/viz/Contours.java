package dl.viz;

import java.util.ArrayList;
import java.util.List;

/**
 * Marching squares: the line segments where a field sampled on a regular grid crosses a level,
 * with linear interpolation along each cell edge. Grid coordinates: value of node (i, j) is
 * {@code v[j * nx + i]}; segment ends are returned in the same (i, j) coordinates.
 */
final class Contours {

    private Contours() {}

    /** Segments {i1, j1, i2, j2} of the level set v = level. */
    static List<double[]> segments(double[] v, int nx, int ny, double level) {
        List<double[]> out = new ArrayList<>();
        double[] px = new double[4];
        double[] py = new double[4];
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                double a = v[j * nx + i];
                double b = v[j * nx + i + 1];
                double c = v[(j + 1) * nx + i + 1];
                double d = v[(j + 1) * nx + i];
                if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
                    continue;
                }
                // edges in order: bottom a-b, right b-c, top c-d (d-c read right to left), left d-a
                boolean[] has = new boolean[4];
                has[0] = cross(a, b, level, i, j, i + 1, j, px, py, 0);
                has[1] = cross(b, c, level, i + 1, j, i + 1, j + 1, px, py, 1);
                has[2] = cross(c, d, level, i + 1, j + 1, i, j + 1, px, py, 2);
                has[3] = cross(d, a, level, i, j + 1, i, j, px, py, 3);
                int count = (has[0] ? 1 : 0) + (has[1] ? 1 : 0) + (has[2] ? 1 : 0) + (has[3] ? 1 : 0);
                if (count == 2) {
                    int first = -1;
                    for (int e = 0; e < 4; e++) {
                        if (has[e]) {
                            if (first < 0) {
                                first = e;
                            } else {
                                out.add(new double[] {px[first], py[first], px[e], py[e]});
                            }
                        }
                    }
                } else if (count == 4) {
                    // saddle: the cell centre decides which opposite corners are joined
                    boolean centreHigh = (a + b + c + d) / 4 >= level;
                    if (centreHigh == (a >= level)) {
                        out.add(new double[] {px[0], py[0], px[1], py[1]});
                        out.add(new double[] {px[2], py[2], px[3], py[3]});
                    } else {
                        out.add(new double[] {px[3], py[3], px[0], py[0]});
                        out.add(new double[] {px[1], py[1], px[2], py[2]});
                    }
                }
            }
        }
        return out;
    }

    private static boolean cross(double va, double vb, double level, int ia, int ja, int ib, int jb,
                                 double[] px, double[] py, int slot) {
        if ((va >= level) == (vb >= level)) {
            return false;
        }
        double t = (level - va) / (vb - va);
        px[slot] = ia + t * (ib - ia);
        py[slot] = ja + t * (jb - ja);
        return true;
    }
}
