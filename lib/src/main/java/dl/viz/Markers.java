package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/** XChart markers that stay visible on coloured backgrounds. XChart sets the series colour first. */
final class Markers {

    private Markers() {}

    /** A filled disc with a thin white edge (data points over decision regions). */
    static final Marker EDGED_DOT = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            Ellipse2D disc = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
            g.fill(disc);
            Color fill = g.getColor();
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(disc);
            g.setColor(fill);
        }
    };

    /** A filled disc with a black edge, larger than the step markers (the end of an optimizer path). */
    static final Marker END = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            int size = markerSize + 6;
            Ellipse2D disc = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
            g.fill(disc);
            Color fill = g.getColor();
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(disc);
            g.setColor(fill);
        }
    };

    /** A white disc with a black ring, larger than the step markers (the start of an optimizer path). */
    static final Marker START = new Marker() {
        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            int size = markerSize + 6;
            Ellipse2D disc = new Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size);
            Color own = g.getColor();
            g.setColor(Color.WHITE);
            g.fill(disc);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2f));
            g.draw(disc);
            g.setColor(own);
        }
    };
}
