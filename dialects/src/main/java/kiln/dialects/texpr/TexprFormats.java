package kiln.dialects.texpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.arith.ReductionKind;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.RankedTensorType;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.Extents;
import kiln.dialects.ir.text.OpFormat;

/** The custom syntax of the texpr ops (see {@link TexprOps}). */
final class TexprFormats {
    private TexprFormats() {
    }

    static final OpFormat COMPUTE = new Compute();
    static final OpFormat REDUCE = new Reduce();
    static final OpFormat LOAD = new Load();
    static final OpFormat DIM = new Dim();
    static final OpFormat YIELD = new Yield();
    static final OpFormat EXTERN = new Extern();

    private static Operation create(OpDef def, List<Value> operands, List<Type> results, Map<String, Attribute> attrs,
                                    Region body) {
        Operation op = Operation.create(def, operands, results, attrs, body == null ? 0 : 1, Location.UNKNOWN);
        if (body != null) {
            op.region(0).takeBody(body);
        }
        return op;
    }

    private static Region region(AsmParser p) {
        Region r = new Region(null);
        p.parseRegion(r, null, false);
        return r;
    }

    private static Type type(AsmParser p) {
        p.expect(":");
        return p.parseType();
    }

    /** {@code [extents] : tensor<…> { region }}. */
    private static final class Compute implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            RankedTensorType t = (RankedTensorType) op.result(0).type();
            p.print(" ");
            new Extents(t.shape(), op.operands()).print(p);
            p.printAttributeDict(op.attributes(), Set.of()).print(" : ").printType(t).print(" ")
                    .printRegion(op.region(0), true);
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.result(0).type() instanceof RankedTensorType t
                    && TexprOps.dynamicCount(t.shape()) == op.numOperands();
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Extents e = Extents.parse(p);
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Type t = type(p);
            if (!(t instanceof RankedTensorType rt) || !rt.shape().equals(e.shape())) {
                throw p.errorAt(at, "the extents " + e.shape() + " are not the shape of '" + t.asm() + "'");
            }
            return create(def, e.dynamic(), List.of(t), attrs, region(p));
        }
    }

    /** {@code kind [extents] over [extents] init %z : tensor<…> { region }}. */
    private static final class Reduce implements OpFormat {
        private static final Set<String> ELIDED = Set.of(TexprOps.KIND, TexprOps.REDUCTION_SHAPE);

        @Override
        public void print(Operation op, AsmPrinter p) {
            RankedTensorType t = (RankedTensorType) op.result(0).type();
            List<Long> reduction = TexprOps.reductionShape(op);
            int out = TexprOps.dynamicCount(t.shape());
            p.print(" ").print(op.attribute(TexprOps.KIND, StringAttr.class).value()).print(" ");
            new Extents(t.shape(), op.operands().subList(0, out)).print(p);
            p.print(" over ");
            new Extents(reduction, op.operands().subList(out, op.numOperands() - 1)).print(p);
            p.print(" init ").printOperand(op.operand(op.numOperands() - 1))
                    .printAttributeDict(op.attributes(), ELIDED).print(" : ").printType(t).print(" ")
                    .printRegion(op.region(0), true);
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.result(0).type() instanceof RankedTensorType && op.attribute(TexprOps.KIND) instanceof StringAttr
                    && op.attribute(TexprOps.REDUCTION_SHAPE) instanceof ListAttr;
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            String kind = p.parseIdentifier();
            if (ReductionKind.named(kind).isEmpty()) {
                throw p.error("unknown reduction kind '" + kind + "'");
            }
            Extents out = Extents.parse(p);
            if (!p.consumeKeyword("over")) {
                throw p.error("expected 'over [reduction extents]' but found " + p.describeHere());
            }
            Extents reduction = Extents.parse(p);
            if (!p.consumeKeyword("init")) {
                throw p.error("expected 'init %value' but found " + p.describeHere());
            }
            Value init = p.parseOperand();
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Type t = type(p);
            if (!(t instanceof RankedTensorType rt) || !rt.shape().equals(out.shape())) {
                throw p.errorAt(at, "the extents " + out.shape() + " are not the shape of '" + t.asm() + "'");
            }
            attrs.put(TexprOps.KIND, new StringAttr(kind));
            attrs.put(TexprOps.REDUCTION_SHAPE, ListAttr.of(reduction.shape().stream().map(IntAttr::new).toList()));
            List<Value> operands = new ArrayList<>(out.dynamic());
            operands.addAll(reduction.dynamic());
            operands.add(init);
            return create(def, operands, List.of(t), attrs, region(p));
        }
    }

    /** {@code %t[%i, %j] : tensor<…>}. */
    private static final class Load implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).print("[").printOperands(op.operands().subList(1, op.numOperands()))
                    .print("]").printAttributeDict(op.attributes(), Set.of()).print(" : ")
                    .printType(op.operand(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value t = p.parseOperand();
            p.expect("[");
            List<Value> operands = new ArrayList<>(List.of(t));
            operands.addAll(p.parseOperandList());
            p.expect("]");
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Type type = type(p);
            if (!type.equals(t.type())) {
                throw p.errorAt(at, "'%" + t.name() + "' has type '" + t.type().asm() + "', not '" + type.asm() + "'");
            }
            return create(def, operands, List.of(TexprOps.elementOf(type)), attrs, null);
        }
    }

    /** {@code %t, 0 : tensor<…>}. */
    private static final class Dim implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).print(", ")
                    .print(Long.toString(op.attribute(TexprOps.INDEX, IntAttr.class).value()))
                    .printAttributeDict(op.attributes(), Set.of(TexprOps.INDEX)).print(" : ")
                    .printType(op.operand(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value t = p.parseOperand();
            p.expect(",");
            long d = p.parseInteger();
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Type type = type(p);
            if (!type.equals(t.type()) || !(type instanceof ShapedType)) {
                throw p.errorAt(at, "'%" + t.name() + "' has type '" + t.type().asm() + "', not '" + type.asm() + "'");
            }
            attrs.put(TexprOps.INDEX, new IntAttr(d));
            return create(def, List.of(t), List.of(IndexType.INDEX), attrs, null);
        }
    }

    /** {@code %v : T}. */
    private static final class Yield implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).print(" : ").printType(op.operand(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Value v = p.parseOperand();
            p.skipWhitespace();
            int at = p.position();
            Type t = type(p);
            if (!t.equals(v.type())) {
                throw p.errorAt(at, "'%" + v.name() + "' has type '" + v.type().asm() + "', not '" + t.asm() + "'");
            }
            return create(def, List.of(v), List.of(), Map.of(), null);
        }
    }

    /** {@code "name"(%a, %b) {attrs} : (…) -> …}. */
    private static final class Extern implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").print(StringAttr.quote(op.attribute(TexprOps.CALLEE, StringAttr.class).value())).print("(")
                    .printOperands(op.operands()).print(")").printAttributeDict(op.attributes(), Set.of(TexprOps.CALLEE))
                    .print(" : ").printType(new FunctionType(op.operands().stream().map(Value::type).toList(),
                            op.results().stream().map(Value::type).toList()));
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            String callee = p.parseString();
            p.expect("(");
            List<Value> operands = p.parseOperandList();
            p.expect(")");
            Map<String, Attribute> attrs = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            if (!(type(p) instanceof FunctionType fn) || !fn.inputs().equals(operands.stream().map(Value::type).toList())) {
                throw p.errorAt(at, "expected the function type of the operands, '(operand types) -> (result types)'");
            }
            attrs.put(TexprOps.CALLEE, new StringAttr(callee));
            return create(def, operands, fn.results(), attrs, null);
        }
    }
}
