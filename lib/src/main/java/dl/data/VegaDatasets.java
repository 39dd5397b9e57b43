package dl.data;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Real time series from Debian's {@code python3-vega-datasets} (the example data of the Vega
 * charting project), as tablesaw Tables, each file checked against its pinned SHA-256:
 * <ul>
 *   <li>{@link #seattleWeather()}: daily weather in Seattle 2012-2015 (NOAA, public domain):
 *       date, precipitation (mm), temp_max, temp_min (deg C), wind (m/s), weather;</li>
 *   <li>{@link #seattleTemps()} / {@link #sfTemps()}: hourly temperature (deg F) over 2010 in
 *       Seattle / San Francisco (NOAA, public domain): date, temp;</li>
 *   <li>{@link #stocks()}: monthly closing prices 2000-2010 of MSFT, AMZN, IBM, GOOG, AAPL:
 *       symbol, date, price (package licence MIT);</li>
 *   <li>{@link #usEmployment()}: US jobs by sector per month 2006-2015, in thousands (BLS,
 *       public domain).</li>
 * </ul>
 * Turn a column into forecasting pairs with {@link SlidingWindows}.
 */
public final class VegaDatasets {

    public static final String DEBIAN_PACKAGE = "python3-vega-datasets";
    public static final Path DIR = Path.of("/usr/lib/python3/dist-packages/vega_datasets/_data");

    private VegaDatasets() {}

    /** Daily Seattle weather, 1,461 rows. */
    public static Table seattleWeather() {
        return read("seattle-weather.csv", 47838, "62f0609f787158128aa2bd102967173a4953122dd4f872bf1d502cae1037df0b",
                List.of("date", "precipitation", "temp_max", "temp_min", "wind", "weather"),
                new ColumnType[] {ColumnType.LOCAL_DATE, ColumnType.DOUBLE, ColumnType.DOUBLE, ColumnType.DOUBLE,
                    ColumnType.DOUBLE, ColumnType.STRING}, "yyyy/MM/dd", null);
    }

    /** Hourly Seattle temperatures of 2010, 8,759 rows. */
    public static Table seattleTemps() {
        return read("seattle-temps.csv", 192707, "c220666521ff4bec4ffb6f0d9acfdc5c1056564b1aad6f78d3b06aa0a0c8b085",
                List.of("date", "temp"), new ColumnType[] {ColumnType.LOCAL_DATE_TIME, ColumnType.DOUBLE},
                null, "yyyy/MM/dd HH:mm");
    }

    /** Hourly San Francisco temperatures of 2010, 8,759 rows. */
    public static Table sfTemps() {
        return read("sf-temps.csv", 218985, "3f91699707cfed43ef551394bebef4c2ebe5505157b9be7bff9558eea2fbaaec",
                List.of("temp", "date"), new ColumnType[] {ColumnType.DOUBLE, ColumnType.LOCAL_DATE_TIME},
                null, "yyyy/MM/dd HH:mm:ss");
    }

    /** Monthly stock prices of five companies, 560 rows. */
    public static Table stocks() {
        return read("stocks.csv", 12245, "f9953ac6693e587476b4ebf2f0b00d9bb95371ca8c39da4cc6155077b3e417cd",
                List.of("symbol", "date", "price"),
                new ColumnType[] {ColumnType.STRING, ColumnType.LOCAL_DATE, ColumnType.DOUBLE}, "MMM d yyyy", null);
    }

    /** The monthly prices of one symbol (MSFT, AMZN, IBM, GOOG, AAPL), oldest first. */
    public static double[] stock(String symbol) {
        Table t = stocks();
        Table one = t.where(t.stringColumn("symbol").isEqualTo(symbol)).sortAscendingOn("date");
        if (one.rowCount() == 0) {
            throw new IllegalArgumentException("VegaDatasets.stock: no symbol '" + symbol + "'; the symbols are "
                    + t.stringColumn("symbol").unique().asList());
        }
        return one.doubleColumn("price").asDoubleArray();
    }

    /** US employment by sector per month, 120 rows. */
    public static Table usEmployment() {
        PinnedFile f = pinned("us-employment.csv", 17841, "0fa5366929bf738ac420509b84ed120155f740b0fa9c265ca309dad4057d1b1b");
        byte[] bytes = f.read();
        Table t = Table.read().usingOptions(CsvReadOptions.builder(new ByteArrayInputStream(bytes))
                .tableName("us-employment").columnTypes(name -> name.equals("month") ? ColumnType.LOCAL_DATE : ColumnType.DOUBLE));
        return check(t, f, List.of("month", "nonfarm"));
    }

    /** One numeric column as a series, e.g. {@code series(seattleWeather(), "temp_max")}. */
    public static double[] series(Table table, String column) {
        if (!table.containsColumn(column)) {
            throw new IllegalArgumentException("VegaDatasets.series: no column '" + column + "' in " + table.name()
                    + "; the columns are " + table.columnNames());
        }
        if (!(table.column(column) instanceof DoubleColumn d)) {
            throw new IllegalArgumentException("VegaDatasets.series: column '" + column + "' is "
                    + table.column(column).type().name() + ", expected a DOUBLE column");
        }
        return d.asDoubleArray();
    }

    private static PinnedFile pinned(String file, long size, String sha) {
        return new PinnedFile("vega dataset " + file, DIR.resolve(file), size, sha, PinnedFile.debianHint(DEBIAN_PACKAGE));
    }

    private static Table read(String file, long size, String sha, List<String> columns, ColumnType[] types,
            String dateFormat, String dateTimeFormat) {
        PinnedFile f = pinned(file, size, sha);
        byte[] bytes = f.read();
        CsvReadOptions.Builder options = CsvReadOptions.builder(new ByteArrayInputStream(bytes))
                .tableName(file.replace(".csv", "")).columnTypes(types).locale(Locale.US);
        if (dateFormat != null) {
            options.dateFormat(DateTimeFormatter.ofPattern(dateFormat, Locale.US));
        }
        if (dateTimeFormat != null) {
            options.dateTimeFormat(DateTimeFormatter.ofPattern(dateTimeFormat, Locale.US));
        }
        return check(Table.read().usingOptions(options), f, columns);
    }

    private static Table check(Table t, PinnedFile f, List<String> expectedColumns) {
        if (!t.columnNames().containsAll(expectedColumns)) {
            throw new DataFileException(f.path() + ": columns " + t.columnNames() + ", expected "
                    + Arrays.toString(expectedColumns.toArray()));
        }
        return t;
    }
}
