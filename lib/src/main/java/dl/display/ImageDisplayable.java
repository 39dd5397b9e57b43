package dl.display;

import java.awt.image.BufferedImage;

/** A library object that shows itself as a picture in a notebook (computation graphs, grids). */
public interface ImageDisplayable {
    BufferedImage toImage();
}
