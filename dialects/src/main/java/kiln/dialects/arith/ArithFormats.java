package kiln.dialects.arith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.DenseElementsAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.VectorType;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.Formats;
import kiln.dialects.ir.text.OpFormat;

/**
 * MLIR's custom assembly of the arith ops: {@code %r = arith.addi %a, %b : i64}, {@code %r = arith.negf %a : f32},
 * {@code %r = arith.sitofp %i : i64 to f64}, {@code %p = arith.cmpi slt, %a, %b : i64},
 * {@code %s = arith.select %p, %a, %b : i64} (a vector mask: {@code : vector<4xi1>, vector<4xi32>}),
 * {@code %c = arith.constant 42 : i32}. Attributes beyond those the syntax holds print as a dictionary before the
 * colon; an op the syntax cannot state (mismatched types) prints in the generic form.
 */
final class ArithFormats {
    private ArithFormats() {
    }

    /** The name of the predicate attribute of {@code cmpi} and {@code cmpf}. */
    static final String PREDICATE = "predicate";
    /** The name of the value attribute of {@code constant}. */
    static final String VALUE = "value";

    /** {@code %a, %b : T}: {@code arity} operands of one type T, whose result is T too. */
    static OpFormat sameType(int arity) {
        return Formats.sameType(arity);
    }

    /** {@code %a : T to U}. */
    static final OpFormat CAST = new Cast();

    /** {@code pred, %a, %b : T}, the predicate a keyword of {@code names} (by ordinal), the result {@code i1}-like. */
    static OpFormat compare(List<String> names) {
        return new Compare(names);
    }

    static final OpFormat SELECT = new Select();
    static final OpFormat CONSTANT = new Constant();

    private static Operation create(OpDef def, List<Value> operands, Type result, Map<String, Attribute> attributes) {
        return Operation.create(def, operands, List.of(result), attributes, 0, Location.UNKNOWN);
    }

    /** Reads {@code count} operands, an optional attribute dictionary, {@code :} and a type. */
    private record Head(List<Value> operands, Map<String, Attribute> attributes, int typeAt, Type type) {
    }

    private static Head head(AsmParser p, int count) {
        p.skipWhitespace();
        int at = p.position();
        List<Value> operands = p.parseOperandList();
        if (operands.size() != count) {
            throw p.errorAt(at, "expected " + count + " operand(s), found " + operands.size());
        }
        Map<String, Attribute> attributes = p.parseOptionalAttributeDict();
        p.expect(":");
        p.skipWhitespace();
        int typeAt = p.position();
        return new Head(operands, attributes, typeAt, p.parseType());
    }

    /** Checks that each of {@code operands} has the type {@code expected(i)} the syntax gave it. */
    private static void checkTypes(AsmParser p, int at, List<Value> operands, Function<Integer, Type> expected) {
        for (int i = 0; i < operands.size(); i++) {
            Type want = expected.apply(i);
            if (!operands.get(i).type().equals(want)) {
                throw p.errorAt(at, "use of value '%" + operands.get(i).name() + "' expects different type than "
                        + "prior uses: '" + want.asm() + "' vs '" + operands.get(i).type().asm() + "'");
            }
        }
    }

    private static boolean allOfType(List<Value> values, Type t) {
        return values.stream().allMatch(v -> v.type().equals(t));
    }

    private static final class Cast implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperand(op.operand(0)).printAttributeDict(op.attributes(), Set.of()).print(" : ")
                    .printType(op.operand(0).type()).print(" to ").printType(op.result(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Head h = head(p, 1);
            checkTypes(p, h.typeAt(), h.operands(), i -> h.type());
            if (!p.consumeKeyword("to")) {
                throw p.error("expected 'to' and the result type but found " + p.describeHere());
            }
            return create(def, h.operands(), p.parseType(), h.attributes());
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.numOperands() == 1 && op.numResults() == 1;
        }
    }

    private record Compare(List<String> names) implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            int predicate = (int) op.attribute(PREDICATE, IntAttr.class).value();
            p.print(" ").print(names.get(predicate)).print(", ").printOperands(op.operands())
                    .printAttributeDict(op.attributes(), Set.of(PREDICATE)).print(" : ")
                    .printType(op.operand(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            p.skipWhitespace();
            int at = p.position();
            String word = p.parseIdentifier();
            int predicate = names.indexOf(word);
            if (predicate < 0) {
                throw p.errorAt(at, "unknown predicate '" + word + "' (expected one of " + String.join(", ", names)
                        + ")");
            }
            p.expect(",");
            Head h = head(p, 2);
            checkTypes(p, h.typeAt(), h.operands(), i -> h.type());
            Map<String, Attribute> attributes = new LinkedHashMap<>();
            attributes.put(PREDICATE, new IntAttr(predicate));
            attributes.putAll(h.attributes());
            return create(def, h.operands(), ArithTypes.sameShape(h.type(), IntegerType.I1), attributes);
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.numOperands() == 2 && op.numResults() == 1 && op.attribute(PREDICATE) instanceof IntAttr a
                    && a.type().equals(IntegerType.I64) && a.value() >= 0 && a.value() < names.size()
                    && op.operand(1).type().equals(op.operand(0).type())
                    && op.result(0).type().equals(ArithTypes.sameShape(op.operand(0).type(), IntegerType.I1));
        }
    }

    private static final class Select implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperands(op.operands()).printAttributeDict(op.attributes(), Set.of()).print(" : ");
            if (op.operand(0).type() instanceof VectorType mask) {
                p.printType(mask).print(", ");
            }
            p.printType(op.result(0).type());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Head h = head(p, 3);
            Type condition = IntegerType.I1;
            Type result = h.type();
            if (p.consume(",")) {
                condition = result;
                result = p.parseType();
            }
            Type c = condition;
            Type r = result;
            checkTypes(p, h.typeAt(), h.operands(), i -> i == 0 ? c : r);
            return create(def, h.operands(), result, h.attributes());
        }

        @Override
        public boolean canPrint(Operation op) {
            if (op.numOperands() != 3 || op.numResults() != 1) {
                return false;
            }
            Type result = op.result(0).type();
            Type condition = op.operand(0).type();
            return (condition.equals(IntegerType.I1) || condition instanceof VectorType)
                    && op.operand(1).type().equals(result) && op.operand(2).type().equals(result);
        }
    }

    private static final class Constant implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.printAttributeDict(op.attributes(), Set.of(VALUE)).print(" ").print(typedLiteral(op.attribute(VALUE)));
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Map<String, Attribute> attributes = p.parseOptionalAttributeDict();
            p.skipWhitespace();
            int at = p.position();
            Attribute value = p.parseAttribute();
            Type type = typeOf(value);
            if (type == null) {
                throw p.errorAt(at, "a constant is an integer, float, bool or dense elements attribute, not "
                        + value.asm());
            }
            Map<String, Attribute> all = new LinkedHashMap<>(attributes);
            all.put(VALUE, value);
            return create(def, List.of(), type, all);
        }

        @Override
        public boolean canPrint(Operation op) {
            return op.numOperands() == 0 && op.numResults() == 1 && op.attribute(VALUE) != null
                    && op.result(0).type().equals(typeOf(op.attribute(VALUE)));
        }
    }

    /** The type a constant attribute carries, or null when it carries none. */
    static Type typeOf(Attribute a) {
        return switch (a) {
            case IntAttr i -> i.type();
            case FloatAttr f -> f.type();
            case BoolAttr b -> IntegerType.I1;
            case DenseElementsAttr d -> d.type();
            default -> null;
        };
    }

    /** An attribute with its type always written: {@code 42 : i64}, {@code 2.5 : f64}, {@code true}. */
    static String typedLiteral(Attribute a) {
        String text = a.asm();
        return switch (a) {
            case IntAttr i when !text.contains(" : ") -> text + " : " + i.type().asm();
            case FloatAttr f when !text.contains(" : ") -> text + " : " + f.type().asm();
            default -> text;
        };
    }
}
