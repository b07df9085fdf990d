package kiln.lowering.torch;

import java.util.Optional;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.SymbolTable;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.LeafType;

/**
 * The callees of a module: its functions by symbol. A {@code Function} constant {@code prim::Constant[name="f"]} names
 * {@code @f}; method {@code m} of class {@code __torch__.M} is {@code @__torch__.M.m}. Declarations (functions
 * without a body) are not inlined.
 */
public final class ModuleCallees implements Callees {
    private final Operation module;

    public ModuleCallees(Operation module) {
        if (module.def() != BuiltinDialect.MODULE) {
            throw new IllegalArgumentException("expected a builtin.module, got " + module.name());
        }
        this.module = module;
    }

    /** The symbol of method {@code name} of class {@code type}. */
    public static String methodSymbol(ClassType type, String name) {
        return type.qualifiedName() + "." + name;
    }

    @Override
    public Optional<Callee> function(Operation constant) {
        if (constant.def() != TorchDialect.CONSTANT || constant.result(0).type() != LeafType.FUNCTION
                || !(constant.attribute("name") instanceof StringAttr name)) {
            return Optional.empty();
        }
        return lookup(name.value());
    }

    @Override
    public Optional<Callee> method(ClassType type, String name) {
        return lookup(methodSymbol(type, name));
    }

    private Optional<Callee> lookup(String symbol) {
        return SymbolTable.lookup(module, symbol)
                .filter(f -> f.def() == BuiltinDialect.FUNC && !f.region(0).isEmpty())
                .map(f -> new Callee(symbol, () -> f.region(0)));
    }
}
