package dev.jdbccache.it.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two transcripts (longest common subsequence) shown as hunks with a little
 * context: {@code -} lines only the plain driver produced, {@code +} lines only the cache did.
 */
final class TranscriptDiff {

    private static final int CONTEXT = 3;
    private static final int MAX_OUTPUT_LINES = 200;

    private TranscriptDiff() {
    }

    static String render(List<String> plain, List<String> cache) {
        List<String> ops = script(plain, cache);
        List<String> out = new ArrayList<>();
        int lastPrinted = -1;
        for (int i = 0; i < ops.size() && out.size() < MAX_OUTPUT_LINES; i++) {
            if (ops.get(i).startsWith(" ")) {
                continue;
            }
            int from = Math.max(lastPrinted + 1, i - CONTEXT);
            if (lastPrinted >= 0 && from > lastPrinted + 1) {
                out.add("  ...");
            }
            int to = i;
            // extend the hunk while changes follow within the context window
            while (to + 1 < ops.size() && nearChange(ops, to + 1)) {
                to++;
            }
            int end = Math.min(ops.size() - 1, to + CONTEXT);
            for (int k = from; k <= end; k++) {
                out.add(ops.get(k));
            }
            lastPrinted = end;
            i = end;
        }
        if (out.size() >= MAX_OUTPUT_LINES) {
            out.add("  ... (diff truncated)");
        }
        return "- plain driver / + jdbc:cache: driver\n" + String.join("\n", out);
    }

    private static boolean nearChange(List<String> ops, int index) {
        for (int k = index; k < Math.min(ops.size(), index + CONTEXT); k++) {
            if (!ops.get(k).startsWith(" ")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j))
                        ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                ops.add("  " + a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                ops.add("- " + a.get(i++));
            } else {
                ops.add("+ " + b.get(j++));
            }
        }
        while (i < n) {
            ops.add("- " + a.get(i++));
        }
        while (j < m) {
            ops.add("+ " + b.get(j++));
        }
        return ops;
    }
}
