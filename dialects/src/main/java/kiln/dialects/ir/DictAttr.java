package kiln.dialects.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Named attributes in order: {@code {a = 1, b}} in the generic text (a bare name is a {@link UnitAttr}). */
public record DictAttr(Map<String, Attribute> entries) implements Attribute {
    public DictAttr {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String toString() {
        return text(entries);
    }

    /** {@code {a = 1, b}}: how an op's attribute dictionary is written too. */
    public static String text(Map<String, Attribute> entries) {
        return entries.entrySet().stream()
                .map(e -> key(e.getKey()) + (e.getValue() == UnitAttr.UNIT ? "" : " = " + e.getValue().asm()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String key(String name) {
        return AsmNames.isBareIdentifier(name) ? name : StringAttr.quote(name);
    }
}
