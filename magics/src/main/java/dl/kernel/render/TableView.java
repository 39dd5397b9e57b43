package dl.kernel.render;

import java.util.List;
import tech.tablesaw.api.Table;

/** A tablesaw table as an escaped HTML table or as text, with a row limit. */
final class TableView {

    private TableView() {}

    static String html(Table table, int maxRows) {
        int rows = table.rowCount();
        int shown = Math.min(rows, maxRows);
        List<String> columns = table.columnNames();
        StringBuilder sb = new StringBuilder(256 + 40 * shown * Math.max(1, columns.size()));
        sb.append("<table class=\"dl-table\">\n");
        sb.append("<caption>").append(escape(caption(table))).append("</caption>\n");
        sb.append("<thead><tr>");
        for (String c : columns) {
            sb.append("<th>").append(escape(c)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < shown; r++) {
            sb.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                sb.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        if (rows > shown) {
            sb.append("<tr><td colspan=\"").append(Math.max(1, columns.size())).append("\">… ")
                    .append(rows - shown).append(rows - shown == 1 ? " more row" : " more rows").append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>");
        return sb.toString();
    }

    static String text(Table table, int maxRows) {
        int rows = table.rowCount();
        if (rows <= maxRows) {
            return table.print(maxRows);
        }
        return table.first(maxRows).print(maxRows).replaceFirst("^[^\n]*", caption(table))
                + "\n… " + (rows - maxRows) + (rows - maxRows == 1 ? " more row" : " more rows");
    }

    private static String caption(Table table) {
        String name = table.name() == null ? "" : table.name();
        return (name.isEmpty() ? "" : name + ": ") + table.rowCount() + " rows × " + table.columnCount() + " columns";
    }

    /** HTML text escaping: a cell with "<b>" shows the characters, it does not become bold. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
