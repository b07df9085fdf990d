package kiln.frontend.ssa;

import java.util.Map;
import java.util.TreeSet;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TypeUnifier;

/**
 * First step of the conversion to SSA (PyTorch's ControlFlowLoadStores): gives {@code prim::If} an output for
 * every variable both branches define (when their types unify) and {@code prim::Loop} a carried value for
 * every variable its body redefines, expressed as Loads and Stores around the control-flow op.
 */
final class ControlFlowLoadStores {
    private MiniEnvironment<Type> env;

    void run(Block graphBlock) {
        addControlFlowLoadStores(graphBlock);
    }

    private MiniEnvironment<Type> addControlFlowLoadStores(Block block) {
        env = new MiniEnvironment<>(block, env);
        // walk the live list: the stores inserted after an if or loop must be seen by the enclosing frame
        for (Operation n = block.firstOp(); n != null; n = n.nextOp()) {
            if (n.def() == TorchDialect.IF) {
                addIfLoadStores(n);
            } else if (n.def() == TorchDialect.LOOP) {
                addLoopLoadStores(n);
            } else if (n.def() == TorchDialect.STORE) {
                env.setVar(Loads.name(n), n.operand(0).type());
            } else if (n.def() == TorchDialect.COMPREHENSION_SCOPE) {
                addControlFlowLoadStores(n.region(0).entry());
            }
        }
        MiniEnvironment<Type> frame = env;
        env = env.next;
        return frame;
    }

    private void addIfLoadStores(Operation n) {
        Block thenBlock = n.region(0).entry();
        Block elseBlock = n.region(1).entry();
        MiniEnvironment<Type> thenVars = addControlFlowLoadStores(thenBlock);
        MiniEnvironment<Type> elseVars = addControlFlowLoadStores(elseBlock);
        TreeSet<String> mutated = new TreeSet<>();
        for (String v : thenVars.definedVariables()) {
            if (elseVars.findInAnyFrame(v) != null) {
                mutated.add(v);
            }
        }
        for (String v : elseVars.definedVariables()) {
            if (thenVars.findInAnyFrame(v) != null) {
                mutated.add(v);
            }
        }
        for (String x : mutated) {
            Type thenType = thenVars.findInAnyFrame(x);
            Type elseType = elseVars.findInAnyFrame(x);
            var unified = TypeUnifier.unify((TorchType) thenType, (TorchType) elseType);
            if (unified.isEmpty()) {
                continue;
            }
            addBlockOutput(thenBlock, thenType, x);
            addBlockOutput(elseBlock, elseType, x);
            addNodeOutput(n, unified.get(), x);
        }
    }

    private void addLoopLoadStores(Operation n) {
        Block body = n.region(0).entry();
        MiniEnvironment<Type> loopVars = addControlFlowLoadStores(body);
        for (String name : loopVars.definedVariables()) {
            Type parentType = env.findInAnyFrame(name);
            if (parentType == null) {
                continue;
            }
            Type blockType = loopVars.findInThisFrame(name);
            Type unified = TypeUnifier.unify((TorchType) parentType, (TorchType) blockType).orElseThrow(
                    () -> new IllegalStateException("loop-carried variable '" + name + "' changes type from "
                            + parentType + " to " + blockType));
            addNodeInput(n, parentType, name);
            addBlockInput(body, unified, name);
            addBlockOutput(body, blockType, name);
            addNodeOutput(n, unified, name);
        }
    }

    private static void addBlockInput(Block b, Type type, String name) {
        Value arg = b.addArgument(type, Loads.meaningful(name));
        Operation store = Loads.store(name, arg);
        if (b.isEmpty()) {
            b.append(store);
        } else {
            b.insertBefore(store, b.firstOp());
        }
    }

    private static void addBlockOutput(Block exit, Type type, String name) {
        Operation load = Loads.load(name, type);
        exit.insertBefore(load, BlockOutputs.returnOp(exit));
        BlockOutputs.add(exit, load.result(0));
    }

    private static void addNodeOutput(Operation n, Type type, String name) {
        OpResult out = n.addResult(type);
        out.setName(Loads.meaningful(name));
        n.block().insertAfter(Loads.store(name, out), n);
    }

    private static void addNodeInput(Operation n, Type type, String name) {
        Operation load = Loads.load(name, type);
        n.block().insertBefore(load, n);
        n.addOperand(load.result(0));
    }

    /** Creating and reading prim::Load / prim::Store. */
    static final class Loads {
        private Loads() {
        }

        static String name(Operation loadOrStore) {
            return loadOrStore.attribute("name", StringAttr.class).value();
        }

        static Operation store(String name, Value v) {
            return Operation.create(TorchDialect.STORE, java.util.List.of(v), java.util.List.of(),
                    Map.of("name", new StringAttr(name)), 0, Location.UNKNOWN);
        }

        static Operation load(String name, Type type) {
            Operation op = Operation.create(TorchDialect.LOAD, java.util.List.of(), java.util.List.of(type),
                    Map.of("name", new StringAttr(name)), 0, Location.UNKNOWN);
            op.result(0).setName(meaningful(name));
            return op;
        }

        /** Names starting with '$' are compiler temporaries and give no debug name (PyTorch's meaningfulName). */
        static String meaningful(String name) {
            return name.isEmpty() || name.charAt(0) == '$' ? null : name;
        }
    }
}
