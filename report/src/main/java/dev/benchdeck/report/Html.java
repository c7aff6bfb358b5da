package dev.benchdeck.report;

/** The page shell of the HTML reports: escaping and one inline stylesheet (screen and print). */
final class Html {

    private Html() {
    }

    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"generator\" content=\"Benchdeck\"><title>" + esc(title) + "</title><style>" + STYLE
                + "</style></head><body>\n";
    }

    static final String FOOT = "<footer>Made by Benchdeck from the run's result file; every figure is in it. "
            + "Percentiles come from the HdrHistograms, never averaged.</footer>\n</body></html>\n";

    private static final String STYLE = """
            :root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bad:#c92a2a;--good:#2b8a3e;--warn:#9c6500}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);max-width:1080px;margin:24px auto;padding:0 16px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}
            .meta{color:var(--muted);margin:0 0 12px}
            .banner{border-left:4px solid var(--warn);background:#fff8e6;padding:8px 12px;margin:12px 0}
            .banner.bad{border-color:var(--bad);background:#fff0f0}.banner.good{border-color:var(--good);background:#effaf1}
            .cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
            .card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:130px}
            .card b{display:block;font-size:18px}.card span{color:var(--muted);font-size:12px}
            table{border-collapse:collapse;margin:8px 0 16px;font-size:13px;width:100%}
            th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:right;white-space:nowrap}
            th:first-child,td:first-child,td.text,th.text{text-align:left}
            th{background:#f6f8fa;font-weight:600}
            td.bad,.bad{color:var(--bad);font-weight:600}td.good,.good{color:var(--good)}
            .muted{color:var(--muted)}
            figure{margin:10px 0 18px}figcaption{color:var(--muted);font-size:12px}
            svg.chart{width:100%;height:auto;max-width:760px;display:block}
            svg .frame{fill:none;stroke:var(--line)}svg .shade{fill:#f1f3f5}svg .grid{stroke:#eaeef2}
            svg .tick,svg .legend{font-size:11px;fill:var(--muted)}svg .axis{font-size:12px;fill:var(--fg)}
            pre.diff{background:#f6f8fa;padding:8px;overflow-x:auto;font-size:12px;white-space:pre-wrap}
            pre.diff .add{color:var(--good)}pre.diff .del{color:var(--bad)}pre.diff .hunk,pre.diff .file{color:var(--muted)}
            footer{color:var(--muted);font-size:12px;margin:32px 0 8px;border-top:1px solid var(--line);padding-top:8px}
            @media print{
              @page{size:A4;margin:14mm}
              body{max-width:none;margin:0;padding:0;font-size:10pt}
              h2{break-after:avoid-page}
              section,figure,.cards,tr{break-inside:avoid-page}
              section.details{break-before:page}
              table{font-size:9pt}th,td{padding:2px 4px}
              .banner{-webkit-print-color-adjust:exact;print-color-adjust:exact}
              svg.chart{max-width:100%}
              .screen-only{display:none}
            }
            """;
}
