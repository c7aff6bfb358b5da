package dev.benchdeck.driver.jdbc.check;

import java.util.Locale;
import java.util.Set;

/**
 * Just enough of PostgreSQL's lexical rules (quotes, quoted identifiers, dollar quotes, line and
 * nested block comments) to count a text's statements and find its first keyword.
 */
final class StatementText {

    /** Statements {@code EXPLAIN} accepts. */
    private static final Set<String> PLANNABLE = Set.of("select", "insert", "update", "delete", "merge", "values",
            "table", "with");

    private StatementText() {
    }

    /** Top-level statements with something in them: {@code "select 1;"} is one, {@code "select 1; commit"} two. */
    static int statementCount(String sql) {
        int count = 0;
        boolean content = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int skipped = skipQuotedOrComment(sql, i);
            if (skipped > i) {
                content |= !isComment(sql, i);
                i = skipped;
            } else if (c == ';') {
                count += content ? 1 : 0;
                content = false;
                i++;
            } else {
                content |= !Character.isWhitespace(c);
                i++;
            }
        }
        return count + (content ? 1 : 0);
    }

    /** Whether {@code EXPLAIN} can plan the statement (a query or DML), judged by its first keyword. */
    static boolean plannable(String sql) {
        return PLANNABLE.contains(firstKeyword(sql));
    }

    /** The first word after comments, whitespace and opening parentheses, in lower case ("" if none). */
    static String firstKeyword(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (isComment(sql, i)) {
                i = skipQuotedOrComment(sql, i);
            } else if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else {
                int end = i;
                while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
                    end++;
                }
                return sql.substring(i, end).toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static boolean isComment(String sql, int i) {
        return sql.startsWith("--", i) || sql.startsWith("/*", i);
    }

    /** The index after the quoted text or comment starting at {@code i}, or {@code i} if none starts there. */
    private static int skipQuotedOrComment(String sql, int i) {
        char c = sql.charAt(i);
        if (sql.startsWith("--", i)) {
            int end = sql.indexOf('\n', i);
            return end < 0 ? sql.length() : end + 1;
        }
        if (sql.startsWith("/*", i)) {
            int depth = 0;
            int j = i;
            while (j < sql.length()) {
                if (sql.startsWith("/*", j)) {
                    depth++;
                    j += 2;
                } else if (sql.startsWith("*/", j)) {
                    depth--;
                    j += 2;
                    if (depth == 0) {
                        return j;
                    }
                } else {
                    j++;
                }
            }
            return sql.length();
        }
        if (c == '\'' || c == '"') {
            boolean escapes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
                        j += 2; // doubled quote inside the string
                        continue;
                    }
                    return j + 1;
                }
                j += escapes && sql.charAt(j) == '\\' ? 2 : 1; // a backslash escapes only in E'…' strings
            }
            return sql.length();
        }
        if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
            int close = sql.indexOf('$', i + 1);
            if (close > 0 && sql.substring(i + 1, close).chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')
                    && (close == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                String tag = sql.substring(i, close + 1);
                int end = sql.indexOf(tag, close + 1);
                return end < 0 ? sql.length() : end + tag.length();
            }
        }
        return i;
    }
}
