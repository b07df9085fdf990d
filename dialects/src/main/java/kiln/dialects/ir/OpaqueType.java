package kiln.dialects.ir;

import java.util.Objects;

/**
 * A type of a dialect that is not registered, kept as its text ({@code !ns<body>}), as MLIR keeps types when
 * unregistered dialects are allowed: it prints back as it was read and equals only the same text.
 */
public record OpaqueType(String namespace, String body) implements Type {
    public OpaqueType {
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
