package dl.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;

/**
 * Short, locale-independent number labels: at most 4 significant digits, no trailing zeros,
 * scientific notation for very large or very small magnitudes ("0.0677", "2.5", "1e-05").
 */
final class Numbers {

    private Numbers() {}

    static String compact(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-4) {
            String s = String.format(Locale.ROOT, "%.3e", v);
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
            int exponent = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + exponent;
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(a >= 1000 ? 7 : 4));
        String plain = d.stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /** Uses {@link #compact} for the tick labels of both axes. */
    static void compactTicks(AxesChartStyler styler) {
        styler.setxAxisTickLabelsFormattingFunction(Numbers::compact);
        styler.setyAxisTickLabelsFormattingFunction(Numbers::compact);
    }
}
