package kiln.dialects.filecheck;

/**
 * FileCheck's default canonical form of a text: {@code \r\n} becomes {@code \n} and every run of spaces and tabs
 * becomes a single space. Line structure is kept, so line numbers are the same as in the original text.
 */
final class Whitespace {
    private Whitespace() {
    }

    static String canonicalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c != ' ' && c != '\t') {
                out.append(c);
                continue;
            }
            out.append(' ');
            while (i + 1 < n && isBlank(text.charAt(i + 1))) {
                i++;
            }
        }
        return out.toString();
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
