package kiln.frontend.ssa;

import java.util.TreeSet;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TypeUnifier;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;

/**
 * First step of the conversion to SSA (PyTorch's ControlFlowLoadStores, frontend/convert_to_ssa.cpp): gives
 * {@code prim::If} an output for every variable both branches define (when their types unify) and {@code prim::Loop}
 * a carried value for every variable its body redefines, expressed as {@code prim::Load}s and {@code prim::Store}s
 * around the control-flow op.
 */
public final class ControlFlowLoadStoresPass implements Pass {
    public static final String NAME = "control-flow-load-stores";

    /** The variables of the blocks being walked, innermost first (state of one run). */
    private MiniEnvironment<Type> env;
    private boolean changed;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "frontend: give ifs an output and loops a carried value for each variable they assign, as loads and "
                + "stores around them";
    }

    @Override
    public boolean run(Region root, PassContext context) {
        ControlFlowLoadStoresPass run = new ControlFlowLoadStoresPass();
        run.addControlFlowLoadStores(root.entry());
        return run.changed;
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
            changed = true;
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
            changed = true;
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
}
