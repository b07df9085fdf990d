package kiln.frontend.ssa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Constants;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TypeUnifier;

/**
 * Removes early exits (PyTorch's ExitTransformer, torch/csrc/jit/frontend/exit_transforms.cpp): every
 * {@code prim::LoopContinuation} (break/continue) and {@code prim::ReturnStmt} is replaced by a boolean
 * "has exited" value and the exit values, threaded through the enclosing ifs and loops to the block the exit
 * targets; the code after a possible exit runs under a {@code prim::If} on that flag. One transformer does one
 * kind of exit once ({@link TransformLoopContinuationsPass}, {@link TransformReturnStmtsPass}).
 */
final class ExitTransformer {
    enum Status { WILL, MIGHT, WONT, THROWS }

    record ExitPair(Value hasExited, List<Value> exitValues) {
    }

    private final Block graph;
    private final Value trueVal;
    private final Value falseVal;
    private final Value throwsVal;
    private final Map<Type, Value> unitValues = new HashMap<>();
    private OpDef currentExitKind;
    private Block targetBlock;

    ExitTransformer(Block graph) {
        this.graph = graph;
        Operation front = graph.firstOp();
        Operation t = Constants.bool(true);
        Operation f = Constants.bool(false);
        graph.insertBefore(t, front);
        graph.insertBefore(f, front);
        trueVal = t.result(0);
        falseVal = f.result(0);
        throwsVal = unit(LeafType.BOOL);
    }

    void transformReturnStmts() {
        currentExitKind = TorchDialect.RETURN_STMT;
        transformExits(graph);
    }

    void transformLoopContinuations() {
        currentExitKind = TorchDialect.LOOP_CONTINUATION;
        transformExits(graph);
    }

    private ExitPair wont() {
        return new ExitPair(falseVal, List.of());
    }

    private ExitPair throwsPair() {
        return new ExitPair(throwsVal, List.of());
    }

    private Status status(ExitPair p) {
        if (p.hasExited() == trueVal) {
            return Status.WILL;
        } else if (p.hasExited() == falseVal) {
            return Status.WONT;
        } else if (p.hasExited() == throwsVal) {
            return Status.THROWS;
        }
        return Status.MIGHT;
    }

    private static void addIfOutputs(Operation n, List<Value> thenOuts, List<Value> elseOuts) {
        Block thenBlock = n.region(0).entry();
        Block elseBlock = n.region(1).entry();
        for (int i = 0; i < thenOuts.size(); i++) {
            BlockOutputs.add(thenBlock, thenOuts.get(i));
            BlockOutputs.add(elseBlock, elseOuts.get(i));
            TorchType unified = TypeUnifier.unify((TorchType) thenOuts.get(i).type(),
                    (TorchType) elseOuts.get(i).type(), true, null).orElseThrow();
            n.addResult(unified);
        }
    }

    private List<Value> uninitializedLike(List<Value> values) {
        List<Value> out = new ArrayList<>();
        for (Value v : values) {
            out.add(unit(v.type()));
        }
        return out;
    }

    private ExitPair transformLoop(Operation node) {
        Block body = node.region(0).entry();
        ExitPair pair = transformExits(body);
        Status st = status(pair);
        if (st == Status.WONT || st == Status.THROWS) {
            return wont();
        }
        Operation bodyReturn = BlockOutputs.returnOp(body);
        Operation newIf = newIf(pair.hasExited());
        body.insertBefore(newIf, bodyReturn);
        BlockOutputs.add(newIf.region(0).entry(), falseVal);
        BlockOutputs.add(newIf.region(1).entry(), BlockOutputs.outputs(body).getFirst());
        Value newCondition = newIf.addResult(LeafType.BOOL);
        BlockOutputs.erase(body, 0);
        BlockOutputs.insert(body, 0, newCondition);

        node.addOperand(falseVal);
        body.addArgument(LeafType.BOOL, null);
        BlockOutputs.add(body, pair.hasExited());
        Value newHasExited = node.addResult(LeafType.BOOL);
        for (Value exitValue : pair.exitValues()) {
            Type t = exitValue.type();
            node.addOperand(unit(t));
            node.addResult(t);
            body.addArgument(t, null);
            BlockOutputs.add(body, exitValue);
        }
        int k = pair.exitValues().size();
        List<Value> exitVals = new ArrayList<>(node.results().subList(node.numResults() - k, node.numResults()));
        return new ExitPair(newHasExited, exitVals);
    }

    private static Status ifStatus(Status thenStatus, Status elseStatus) {
        if (thenStatus == Status.THROWS) {
            return elseStatus;
        } else if (elseStatus == Status.THROWS) {
            return thenStatus;
        }
        if (thenStatus == Status.WONT && elseStatus == Status.WONT) {
            return Status.WONT;
        }
        if (thenStatus == Status.WILL && elseStatus == Status.WILL) {
            return Status.WILL;
        }
        return Status.MIGHT;
    }

    private ExitPair transformIf(Operation node) {
        ExitPair thenPair = transformExits(node.region(0).entry());
        ExitPair elsePair = transformExits(node.region(1).entry());
        Status thenStatus = status(thenPair);
        Status elseStatus = status(elsePair);
        Status s = ifStatus(thenStatus, elseStatus);
        if (s == Status.THROWS) {
            return throwsPair();
        }
        if (s == Status.WONT) {
            return wont();
        }
        if (thenStatus == Status.WONT || thenStatus == Status.THROWS) {
            thenPair = new ExitPair(thenPair.hasExited(), uninitializedLike(elsePair.exitValues()));
        } else if (elseStatus == Status.WONT || elseStatus == Status.THROWS) {
            elsePair = new ExitPair(elsePair.hasExited(), uninitializedLike(thenPair.exitValues()));
        }
        Value hasExited;
        if (s == Status.WILL) {
            hasExited = trueVal;
        } else {
            addIfOutputs(node, List.of(thenPair.hasExited()), List.of(elsePair.hasExited()));
            hasExited = node.result(node.numResults() - 1);
        }
        addIfOutputs(node, thenPair.exitValues(), elsePair.exitValues());
        int k = thenPair.exitValues().size();
        return new ExitPair(hasExited, new ArrayList<>(node.results().subList(node.numResults() - k,
                node.numResults())));
    }

    /** Moves the ops from {@code from} to the end of {@code block} under an if on the exit flag. */
    private ExitPair guardBlockNodes(Block block, ExitPair pair, Operation from) {
        Operation newIf = newIf(pair.hasExited());
        block.insertBefore(newIf, from);
        Block exitBlock = newIf.region(0).entry();
        Block guardBlock = newIf.region(1).entry();
        Operation blockReturn = BlockOutputs.returnOp(block);
        for (Operation op = from; op != blockReturn; ) {
            Operation next = op.nextOp();
            op.moveBefore(BlockOutputs.returnOp(guardBlock));
            op = next;
        }
        List<Value> outs = List.copyOf(BlockOutputs.outputs(block));
        List<Value> exitBlockVals = uninitializedLike(outs);
        for (int i = 0; i < outs.size(); i++) {
            BlockOutputs.add(exitBlock, exitBlockVals.get(i));
            BlockOutputs.add(guardBlock, outs.get(i));
            newIf.addResult(outs.get(i).type());
        }
        BlockOutputs.replaceAll(block, newIf.results());
        Operation exit = Operation.create(currentExitKind, pair.exitValues(), List.of(), Map.of(), 0,
                Location.UNKNOWN);
        exitBlock.insertBefore(exit, BlockOutputs.returnOp(exitBlock));
        return transformIf(newIf);
    }

    private void destroyAfterExit(Operation n) {
        for (Value out : n.results()) {
            if (out.hasUses()) {
                out.replaceAllUsesWith(unit(out.type()));
            }
        }
        n.erase();
    }

    private void deleteAfterExitNodes(Block block, Operation from) {
        Operation ret = BlockOutputs.returnOp(block);
        if (from == null || from == ret) {
            return;
        }
        List<Operation> doomed = new ArrayList<>();
        for (Operation op = from; op != ret; op = op.nextOp()) {
            doomed.add(op);
        }
        for (int i = doomed.size() - 1; i >= 0; i--) {
            destroyAfterExit(doomed.get(i));
        }
    }

    private void updateTargetBlock(Block block) {
        Operation owner = block.parentOp();
        if (owner != null && owner.def() == TorchDialect.LOOP && currentExitKind == TorchDialect.LOOP_CONTINUATION) {
            targetBlock = block;
        } else if (block == graph && currentExitKind == TorchDialect.RETURN_STMT) {
            targetBlock = block;
        }
    }

    private ExitPair transformExits(Block block) {
        Block prevTarget = targetBlock;
        updateTargetBlock(block);
        ExitPair pair = wont();
        Operation ret = BlockOutputs.returnOp(block);
        for (Operation node = block.firstOp(); node != ret; ) {
            Operation next = node.nextOp();
            if (node.def() == TorchDialect.RAISE_EXCEPTION) {
                pair = throwsPair();
            } else if (node.def() == TorchDialect.RETURN_STMT || node.def() == TorchDialect.LOOP_CONTINUATION) {
                if (node.def() == currentExitKind) {
                    pair = new ExitPair(trueVal, List.copyOf(node.operands()));
                    node.erase();
                }
            } else if (node.def() == TorchDialect.IF) {
                pair = transformIf(node);
            } else if (node.def() == TorchDialect.LOOP) {
                pair = transformLoop(node);
            } else if (node.def() == TorchDialect.WITH) {
                // an exit inside a with body leaves the body; the with's exit block runs regardless
                pair = transformExits(node.region(0).entry());
            }
            Status st = status(pair);
            if (st == Status.WILL || st == Status.THROWS) {
                deleteAfterExitNodes(block, next);
                break;
            }
            if (st == Status.MIGHT) {
                if (next != ret) {
                    pair = guardBlockNodes(block, pair, next);
                }
                break;
            }
            node = next;
        }
        if (targetBlock == block) {
            Status st = status(pair);
            if (st == Status.MIGHT) {
                Operation newIf = newIf(pair.hasExited());
                block.insertBefore(newIf, BlockOutputs.returnOp(block));
                addIfOutputs(newIf, pair.exitValues(), List.copyOf(BlockOutputs.outputs(block)));
                BlockOutputs.replaceAll(block, newIf.results());
            } else if (st == Status.WILL) {
                BlockOutputs.replaceAll(block, pair.exitValues());
            }
            pair = wont();
        }
        targetBlock = prevTarget;
        return pair;
    }

    private static Operation newIf(Value condition) {
        Operation n = Operation.create(TorchDialect.IF, List.of(condition), List.of(), Map.of(), 2, Location.UNKNOWN);
        BlockOutputs.newBlock(n.region(0));
        BlockOutputs.newBlock(n.region(1));
        return n;
    }

    /** One {@code prim::Uninitialized} per type, at the top of the graph. */
    private Value unit(Type type) {
        Value v = unitValues.get(type);
        if (v != null) {
            return v;
        }
        Operation u = Operation.create(TorchDialect.UNINITIALIZED, List.of(), List.of(type), Map.of(), 0,
                Location.UNKNOWN);
        graph.insertBefore(u, graph.firstOp());
        unitValues.put(type, u.result(0));
        return u.result(0);
    }
}
