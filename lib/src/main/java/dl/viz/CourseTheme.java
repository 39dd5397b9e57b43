package dl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.theme.AbstractBaseTheme;

/**
 * The XChart theme of every course chart: DejaVu Sans, white background, light dashed grid,
 * the {@link Palette} colours, round markers. Build your own chart with it to match the
 * course look: {@code new XYChart(640, 400, CourseTheme.INSTANCE)}.
 */
public final class CourseTheme extends AbstractBaseTheme {

    /** The shared instance (the theme has no state). */
    public static final CourseTheme INSTANCE = new CourseTheme();

    private static final Color GRID = new Color(0xdddddd);
    private static final Color BORDER = new Color(0x999999);

    private CourseTheme() {}

    @Override public Font getBaseFont() { return Fonts.plain(12f); }
    @Override public Font getChartTitleFont() { return Fonts.bold(14f); }
    @Override public Font getLegendFont() { return Fonts.plain(11f); }
    @Override public Font getAxisTitleFont() { return Fonts.plain(12f); }
    @Override public Font getAxisTickLabelsFont() { return Fonts.plain(11f); }
    @Override public Font getAnnotationTextFont() { return Fonts.plain(11f); }
    @Override public Font getAnnotationTextPanelFont() { return Fonts.plain(11f); }
    @Override public Font getToolTipFont() { return Fonts.plain(11f); }
    @Override public Font getCursorFont() { return Fonts.plain(12f); }
    @Override public Font getPieFont() { return Fonts.plain(13f); }
    @Override public Font getSumFont() { return Fonts.plain(13f); }

    @Override public Color getChartBackgroundColor() { return Color.WHITE; }
    @Override public Color getChartFontColor() { return Palette.TEXT; }
    @Override public Color getPlotBorderColor() { return BORDER; }
    @Override public Color getPlotGridLinesColor() { return GRID; }
    @Override public Color getLegendBorderColor() { return GRID; }
    @Override public Color getAxisTickMarksColor() { return BORDER; }
    @Override public Color getAxisTickLabelsColor() { return Palette.TEXT; }
    @Override public Color[] getSeriesColors() { return Palette.colors(10); }

    @Override public BasicStroke getPlotGridLinesStroke() { return new BasicStroke(1f); }

    @Override public Marker[] getSeriesMarkers() { return new Marker[] {SeriesMarkers.CIRCLE}; }

    @Override public int getMarkerSize() { return 6; }

    @Override public LegendPosition getLegendPosition() { return LegendPosition.InsideNE; }

    @Override public boolean isPlotTicksMarksVisible() { return false; }

    @Override public boolean isToolTipsEnabled() { return false; }
}
