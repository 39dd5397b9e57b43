package dl.viz;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

/** A legend of coloured squares with names, laid out in rows under a picture. */
final class Swatches {

    private static final Font FONT = Fonts.plain(11f);
    private static final int BOX = 11;
    private static final int ITEM_GAP = 14;

    record Item(String name, Color color) {}

    private Swatches() {}

    /** Height needed to draw {@code items} in rows no wider than {@code width}. */
    static int height(List<Item> items, int width) {
        return items.isEmpty() ? 0 : rows(items, width) * rowHeight();
    }

    /** Draws the items starting at the top-left corner (x, y) in rows no wider than {@code width}. */
    static void draw(Canvas canvas, List<Item> items, int x, int y, int width) {
        int cx = x;
        int cy = y;
        int ascent = Canvas.ascent(FONT);
        for (Item item : items) {
            int w = itemWidth(item);
            if (cx > x && cx + w > x + width) {
                cx = x;
                cy += rowHeight();
            }
            canvas.g.setColor(item.color());
            canvas.g.fillRect(cx, cy + (rowHeight() - BOX) / 2, BOX, BOX);
            canvas.g.setColor(Palette.TEXT);
            canvas.g.drawRect(cx, cy + (rowHeight() - BOX) / 2, BOX, BOX);
            int baseline = cy + (rowHeight() + ascent) / 2 - 1;
            canvas.left(item.name(), FONT, Palette.TEXT, cx + BOX + 4, baseline);
            cx += w + ITEM_GAP;
        }
    }

    private static int rows(List<Item> items, int width) {
        int rows = 1;
        int used = 0;
        for (Item item : items) {
            int w = itemWidth(item);
            if (used > 0 && used + w > width) {
                rows++;
                used = 0;
            }
            used += w + ITEM_GAP;
        }
        return rows;
    }

    private static int itemWidth(Item item) {
        return BOX + 4 + Canvas.width(item.name(), FONT);
    }

    private static int rowHeight() {
        return Math.max(BOX, Canvas.lineHeight(FONT)) + 4;
    }
}
