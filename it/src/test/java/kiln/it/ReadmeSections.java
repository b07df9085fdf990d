package kiln.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's generated sections: the text between {@code <!-- example:NAME -->} and {@code <!-- /example:NAME -->},
 * a fenced code block; and the regions of source files between {@code README:begin} and {@code README:end} marker
 * lines (comments in any syntax) that those blocks show.
 */
final class ReadmeSections {
    private ReadmeSections() {
    }

    private static Pattern section(String name) {
        return Pattern.compile("(<!-- example:" + Pattern.quote(name) + " -->\\n```\\w*\\n)(.*?)(```\\n<!-- /example:"
                + Pattern.quote(name) + " -->)", Pattern.DOTALL);
    }

    /** The code block of section {@code name}. */
    static String read(String readme, String name) {
        Matcher m = section(name).matcher(readme);
        if (!m.find()) {
            throw new IllegalStateException("the README has no section <!-- example:" + name + " --> with a code "
                    + "block and <!-- /example:" + name + " -->");
        }
        return m.group(2);
    }

    /** The README with section {@code name}'s code block replaced by {@code body}. */
    static String write(String readme, String name, String body) {
        read(readme, name);
        return section(name).matcher(readme).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + body + m.group(3)));
    }

    /** The lines of {@code source} between the {@code README:begin} and {@code README:end} lines, dedented. */
    static String region(String source) {
        int begin = source.indexOf("README:begin");
        int from = begin < 0 ? -1 : source.indexOf('\n', begin) + 1;
        int end = from <= 0 ? -1 : source.indexOf("README:end", from);
        if (end < 0) {
            throw new IllegalStateException("no README:begin ... README:end region");
        }
        String inner = source.substring(from, source.lastIndexOf('\n', end) + 1);
        int indent = inner.lines().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        inner.lines().forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
        return out.toString();
    }
}
