package kiln.dialects.ir;

import java.util.Objects;

/** An attribute of a dialect that is not registered, kept as its text ({@code #ns<body>}); see {@link OpaqueType}. */
public record OpaqueAttr(String namespace, String body) implements Attribute {
    public OpaqueAttr {
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(body);
    }

    @Override
    public String dialectNamespace() {
        return namespace;
    }

    @Override
    public String toString() {
        return body;
    }
}
