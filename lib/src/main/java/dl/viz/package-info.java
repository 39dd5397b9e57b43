/**
 * Pictures for the course notebooks, one short call each, all reached from {@link dl.viz.Plot}.
 *
 * <p>Charts are XChart charts, so XChart's own API still styles them: {@link dl.viz.LinePlot}
 * (functions, series, histograms), {@link dl.viz.BarPlot}, {@link dl.viz.Heatmap} (confusion
 * matrices, attention), {@link dl.viz.LabeledScatter} (embeddings), and
 * {@link dl.viz.SurfaceChart}s drawn over a coloured field ({@link dl.viz.DecisionBoundary},
 * {@link dl.viz.LossSurface}). Pictures XChart cannot draw are {@link dl.viz.Drawing}s:
 * {@link dl.viz.ImageGrid}, {@link dl.viz.BoxPicture}, {@link dl.viz.MaskPicture},
 * {@link dl.viz.Diagram} and {@link dl.viz.Figure} (panels side by side).
 *
 * <p>Rendering is headless and repeatable: DejaVu Sans loaded from its file, the fixed
 * {@link dl.viz.Palette}, fixed default sizes (640×400 for charts), locale-independent numbers.
 */
package dl.viz;
