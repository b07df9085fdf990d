package kiln.frontend.emit;

import java.util.List;
import kiln.dialects.ir.Value;

/**
 * What a name or expression denotes while compiling (PyTorch's SugaredValue): an SSA value, or something that
 * only exists at compile time — a builtin operator, a namespace such as {@code torch.nn.functional}, a script
 * function, a method bound to an object, a class, a special form like {@code print} or {@code range}, or a
 * tuple of those (a module list, a multi-return).
 */
sealed interface Sugared {
    /** An SSA value. */
    record Simple(Value value) implements Sugared {
    }

    /** An operator ({@code aten::add}), with the object it was looked up on when called as a method. */
    record Builtin(String opName, Value self) implements Sugared {
    }

    /** A dotted prefix that is not a value yet: {@code torch}, {@code torch.nn.functional}, {@code ops.aten}. */
    record Namespace(String path) implements Sugared {
    }

    /** A script function by qualified name. */
    record Function(String qualifiedName) implements Sugared {
    }

    /**
     * A function chosen at compile time by the constant value of one bool argument (PyTorch's boolean_dispatch:
     * {@code F.max_pool2d(x, 2, return_indices=True)} calls {@code max_pool2d_with_indices}).
     */
    record BooleanDispatch(ScriptUnit.BooleanDispatch dispatch) implements Sugared {
    }

    /** {@code obj.method}, for an object of a script class. */
    record Method(Value self, ScriptClass cls, String name) implements Sugared {
    }

    /** A script class, callable to construct an object. */
    record ClassRef(ScriptClass cls) implements Sugared {
    }

    /** A special form handled by the compiler: print, len, range, annotate, uninitialized, … */
    record Special(String name) implements Sugared {
    }

    /** A nested function without parameters, as serialized code writes the body of {@code fork}. */
    record Closure(kiln.frontend.script.Stmt.FunctionDef def) implements Sugared {
    }

    /** {@code t.float()}, {@code t.byte()}, …: a conversion of tensor {@code self} to dtype code {@code dtype}. */
    record TensorCast(Value self, int dtype) implements Sugared {
    }

    /** Several compile-time values, e.g. the elements of a tuple of modules. */
    record Tuple(List<Sugared> elements) implements Sugared {
    }
}
