package dev.benchdeck.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff ({@code diff -u} style: {@code ---}/{@code +++} names, {@code @@ -a,n +b,m @@} hunks with
 * three lines of context), from a longest common subsequence of the lines. Plans are short, so the
 * quadratic table is fine; texts beyond {@value #MAX_LINES} lines are not diffed line by line.
 */
public final class UnifiedDiff {

    public static final int MAX_LINES = 2000;
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff from {@code before} to {@code after}; an empty string when their lines are the same. */
    public static String of(String before, String after, String beforeName, String afterName) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        if (a.equals(b)) {
            return "";
        }
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return "--- " + beforeName + "\n+++ " + afterName + "\n(the texts differ; too long to diff line by line)\n";
        }
        List<Edit> edits = edits(a, b);
        StringBuilder out = new StringBuilder("--- ").append(beforeName).append("\n+++ ").append(afterName).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            // one hunk while the next change is within twice the context of the last one
            int lastChange = i;
            for (int k = i; k < edits.size() && k - lastChange <= 2 * CONTEXT; k++) {
                if (edits.get(k).kind != ' ') {
                    lastChange = k;
                }
            }
            int end = Math.min(edits.size() - 1, lastChange + CONTEXT);
            hunk(out, edits.subList(start, end + 1));
            i = end + 1;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        Edit first = hunk.get(0);
        int oldCount = (int) hunk.stream().filter(e -> e.kind != '+').count();
        int newCount = (int) hunk.stream().filter(e -> e.kind != '-').count();
        out.append("@@ -").append(range(first.oldLine, oldCount)).append(" +").append(range(first.newLine, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(e.kind).append(e.text).append('\n');
        }
    }

    /** {@code start,count} with 1-based lines; an empty side is given as the line before it, as diff does. */
    private static String range(int zeroBasedLine, int count) {
        return (count == 0 ? zeroBasedLine : zeroBasedLine + 1) + "," + count;
    }

    private record Edit(char kind, String text, int oldLine, int newLine) {
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i++, j++));
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), i++, j));
            } else {
                edits.add(new Edit('+', b.get(j), i, j++));
            }
        }
        return edits;
    }
}
