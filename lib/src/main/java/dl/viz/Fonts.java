package dl.viz;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one typeface of every picture: DejaVu Sans from Debian's fonts-dejavu, loaded from its
 * file so that rendering does not depend on the fontconfig setup of the machine; the logical
 * "SansSerif" font when the file is missing.
 *
 * <p>Loading this class also switches AWT to headless mode (if nobody chose a mode yet), so
 * pictures render on a server with no display.
 */
final class Fonts {

    static final Path DEJAVU_DIR = Path.of("/usr/share/fonts/truetype/dejavu");

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Font REGULAR = load("DejaVuSans.ttf", Font.PLAIN);
    private static final Font BOLD = load("DejaVuSans-Bold.ttf", Font.BOLD);

    private Fonts() {}

    /** Regular weight at the given point size. */
    static Font plain(float size) {
        return REGULAR.deriveFont(size);
    }

    /** Bold weight at the given point size. */
    static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    /** True when the DejaVu file was found (false means the SansSerif fallback is used). */
    static boolean isDejaVu() {
        return REGULAR.getFontName().startsWith("DejaVu");
    }

    private static Font load(String file, int style) {
        Path path = DEJAVU_DIR.resolve(file);
        if (Files.isReadable(path)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, path.toFile());
            } catch (FontFormatException | IOException e) {
                // fall through to the logical font: a picture with another face beats no picture
            }
        }
        return new Font(Font.SANS_SERIF, style, 12);
    }
}
