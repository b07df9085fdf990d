package kiln.dialects.ir;

/** The lexical rules of the generic IR text shared by its printer, its parser and the types and attributes. */
public final class AsmNames {
    private AsmNames() {
    }

    /** Whether {@code s} is a bare identifier: a letter or {@code _}, then letters, digits, {@code _ $ .}. */
    public static boolean isBareIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isIdentifierChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIdentifierChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.');
    }

    /** Whether {@code s} may follow {@code %} or {@code ^} as a value or block name: digits, or an identifier. */
    public static boolean isSuffixId(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.chars().allMatch(Character::isDigit)) {
            return true;
        }
        char c0 = s.charAt(0);
        if (!(c0 < 128 && Character.isLetter(c0) || c0 == '_' || c0 == '$' || c0 == '.' || c0 == '-')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isIdentifierChar(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * A dialect type ({@code sigil} {@code !}) or attribute ({@code #}): {@code !ns.body} when the body is an
     * identifier, else {@code !ns<body>}; with no namespace (a builtin one), the body itself.
     */
    public static String dialectSymbol(char sigil, String namespace, String body) {
        if (namespace.isEmpty()) {
            return body;
        }
        if (isBareIdentifier(body)) {
            return sigil + namespace + "." + body;
        }
        return sigil + namespace + "<" + body + ">";
    }
}
