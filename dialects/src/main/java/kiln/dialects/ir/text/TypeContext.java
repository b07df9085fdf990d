package kiln.dialects.ir.text;

import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Type;

/** What a dialect's type or attribute parser may use to read the types and attributes nested in its bodies. */
public interface TypeContext {
    /**
     * Reads {@code text} as exactly one type in the generic syntax.
     *
     * @throws IllegalArgumentException with the reason when it is not one
     */
    Type parseType(String text);

    /** Reads {@code text} as exactly one attribute in the generic syntax. */
    Attribute parseAttribute(String text);
}
