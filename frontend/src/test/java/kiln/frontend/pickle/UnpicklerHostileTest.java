package kiln.frontend.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import kiln.frontend.testing.Corruption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hostile and malformed pickles end in a {@link PickleException} naming the problem, source and offset. */
class UnpicklerHostileTest {

    private static PickleException refused(String expected, Executable load) {
        PickleException e = assertThrows(PickleException.class, load);
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected
                + "'");
        return e;
    }

    private static void load(byte[] pickle) {
        new Unpickler("evil/data.pkl").load(pickle);
    }

    private static void load(byte[] pickle, Unpickler.Limits limits) {
        new Unpickler("evil/data.pkl", GlobalResolver.pytorch(), Unpickler.PersistentLoader.none(), limits)
                .load(pickle);
    }

    @Test
    void osSystemIsRefusedByName() {
        byte[] exploit = new PickleBytes().global("os", "system").mark().text("S'echo pwned'\n").tuple().reduce()
                .stop();
        PickleException e = refused("refused global 'os.system'", () -> load(exploit));
        assertEquals("refused global 'os.system' in evil/data.pkl at offset 0", e.getMessage());
    }

    @Test
    void stackGlobalIsRefusedByName() {
        byte[] exploit = PickleBytes.protocol(4).str("builtins").str("eval").op(0x93).stop();
        refused("refused global 'builtins.eval' in evil/data.pkl at offset 24", () -> load(exploit));
    }

    @Test
    void lookalikeTorchGlobalsAreRefused() {
        refused("refused global '__torch__.x.y;import os'", () -> load(new PickleBytes()
                .global("__torch__.x", "y;import os").stop()));
        refused("refused global 'torch._utils._rebuild_parameter'", () -> load(new PickleBytes()
                .global("torch._utils", "_rebuild_parameter").stop()));
        refused("refused global 'torch.load'", () -> load(new PickleBytes().global("torch", "load").stop()));
    }

    @Test
    void unknownOpcodeIsRefused() {
        refused("unknown opcode 0xff in evil/data.pkl at offset 2", () -> load(PickleBytes.protocol(2).op(0xff)
                .stop()));
    }

    @Test
    void unsupportedOpcodesAreRefused() {
        refused("NEXT_BUFFER: out-of-band buffers are not supported", () -> load(PickleBytes.protocol(5).op(0x97)
                .stop()));
        refused("READONLY_BUFFER", () -> load(PickleBytes.protocol(5).op(0x98).stop()));
        refused("EXT1: the extension registry", () -> load(PickleBytes.protocol(2).op(0x82).u8(1).stop()));
        refused("INST: protocol-0 class instances", () -> load(new PickleBytes().mark().op('i')
                .text("os\nsystem\n").stop()));
        refused("unsupported pickle protocol 6", () -> load(PickleBytes.protocol(6).op('N').stop()));
    }

    @Test
    void everyTruncationOfARealPickleIsRefused() {
        for (int protocol = 0; protocol <= 5; protocol++) {
            byte[] pickle = UnpicklerTest.pythonPickle(protocol);
            for (int length = 0; length < pickle.length; length++) {
                byte[] cut = Arrays.copyOf(pickle, length);
                assertThrows(PickleException.class, () -> load(cut), "protocol " + protocol + " cut at " + length);
            }
        }
    }

    @Test
    void hugeDeclaredLengthsAreRefusedWithoutAllocating() {
        refused("BINUNICODE needs 2147483647 bytes but 1 are left", () -> load(PickleBytes.protocol(2).op('X')
                .i32(Integer.MAX_VALUE).stop()));
        refused("BINUNICODE needs 4294967295 bytes", () -> load(PickleBytes.protocol(2).op('X').i32(-1).stop()));
        refused("BINUNICODE8 needs 18446744073709551615 bytes", () -> load(PickleBytes.protocol(4).op(0x8d)
                .i64(-1).stop()));
        refused("BINBYTES8 needs 9223372036854775807 bytes", () -> load(PickleBytes.protocol(4).op(0x8e)
                .i64(Long.MAX_VALUE).stop()));
        refused("BINSTRING needs", () -> load(PickleBytes.protocol(2).op('T').i32(-5).stop()));
        refused("LONG4 needs 2147483647 bytes", () -> load(PickleBytes.protocol(2).op(0x8b).i32(Integer.MAX_VALUE)
                .stop()));
        refused("FRAME of 18446744073709551615 bytes", () -> load(PickleBytes.protocol(4).op(0x95).i64(-1)
                .stop()));
        refused("integer of 5000 digits exceeds the limit", () -> load(new PickleBytes()
                .text("L" + "9".repeat(5000) + "L\n").stop()));
    }

    @Test
    void deeplyNestedListsDoNotOverflowTheStack() {
        int depth = 100_000;
        PickleBytes pickle = PickleBytes.protocol(2);
        for (int i = 0; i < depth; i++) {
            pickle.op(']');
        }
        for (int i = 1; i < depth; i++) {
            pickle.op('a');
        }
        refused("containers nest deeper than 1000 levels", () -> load(pickle.stop()));
    }

    @Test
    void deeplyNestedTuplesAndCallsDoNotOverflowTheStack() {
        PickleBytes tuples = PickleBytes.protocol(2).op(')');
        PickleBytes calls = PickleBytes.protocol(2).global("torch.jit._pickle", "restore_type_tag").put(0).op('0')
                .op('N');
        for (int i = 0; i < 100_000; i++) {
            tuples.op(0x85);
            calls.put(1).op('0').get(0).op(']').get(1).op('a').str("t").op(0x86).reduce();
        }
        refused("containers nest deeper than 1000 levels", () -> load(tuples.stop()));
        refused("containers nest deeper than 1000 levels", () -> load(calls.stop()));
    }

    @Test
    void deeplyNestedDictsThroughSetItem() {
        PickleBytes pickle = PickleBytes.protocol(2).op('}');
        for (int i = 0; i < 100_000; i++) {
            pickle.op('}');
        }
        for (int i = 0; i < 100_000; i++) {
            pickle.put(0).op('0').str("k").get(0).op('s');
        }
        refused("containers nest deeper than 1000 levels", () -> load(pickle.stop()));
    }

    @Test
    void manyMarksAreBoundedByTheLimits() {
        PickleBytes pickle = PickleBytes.protocol(2);
        for (int i = 0; i < 100_000; i++) {
            pickle.mark();
        }
        refused("more than 1000 marks", () -> load(pickle.stop(), new Unpickler.Limits(1000, 1000, 10, 1_000_000)));
        refused("stack underflow", () -> load(pickle.stop()));
    }

    @Test
    void memoIndexOutOfRangeIsRefused() {
        refused("memo index 5 is not defined (memo holds 0) in evil/data.pkl at offset 2",
                () -> load(PickleBytes.protocol(2).get(5).stop()));
        refused("memo index 4294967295 is not defined", () -> load(PickleBytes.protocol(2).op('j').i32(-1)
                .stop()));
        refused("memo index out of range", () -> load(new PickleBytes().op('g').text("99999999999999999999\n")
                .stop()));
        refused("negative memo index", () -> load(new PickleBytes().op('N').op('p').text("-1\n").stop()));
    }

    @Test
    void limitsBoundStackMemoAndObjects() {
        Unpickler.Limits tight = new Unpickler.Limits(10, 100, 10, 1000);
        PickleBytes wide = PickleBytes.protocol(2).mark();
        for (int i = 0; i < 200; i++) {
            wide.op('N');
        }
        refused("stack deeper than 100 items", () -> load(wide.op('l').stop(), tight));
        PickleBytes memo = PickleBytes.protocol(2).op('N');
        for (int i = 0; i < 20; i++) {
            memo.put(i);
        }
        refused("memo larger than 10 entries", () -> load(memo.stop(), tight));
        PickleBytes many = PickleBytes.protocol(2).op(']');
        for (int i = 0; i < 2000; i++) {
            many.op('N').op('a');
        }
        refused("more than 1000 objects", () -> load(many.stop(), tight));
    }

    @Test
    void structuralMisuseIsRefused() {
        refused("stack underflow", () -> load(PickleBytes.protocol(2).op('a').stop()));
        refused("stack underflow", () -> load(PickleBytes.protocol(2).stop()));
        refused("no MARK on the stack", () -> load(PickleBytes.protocol(2).op('t').stop()));
        refused("APPEND to dict", () -> load(PickleBytes.protocol(2).op('}').op('N').op('a').stop()));
        refused("SETITEM on list", () -> load(PickleBytes.protocol(2).op(']').op('N').op('N').op('s').stop()));
        refused("BUILD on list is not supported", () -> load(PickleBytes.protocol(2).op(']').op('N').op('b')
                .stop()));
        refused("REDUCE on NoneType, which is not callable", () -> load(PickleBytes.protocol(2).op('N').op(')')
                .reduce().stop()));
        refused("REDUCE on torch.dtype, which is not callable", () -> load(PickleBytes.protocol(2).global("torch", "uint64").op(')')
                .reduce().stop()));
        refused("global 'collections.OrderedDict' used as a value", () -> load(PickleBytes.protocol(2)
                .global("collections", "OrderedDict").stop()));
        refused("NEWOBJ of __torch__.M with arguments", () -> load(PickleBytes.protocol(2)
                .global("__torch__", "M").op('N').op(0x85).op(0x81).stop()));
        refused("BUILD twice on __torch__.M", () -> load(PickleBytes.protocol(2)
                .global("__torch__", "M").op(')').op(0x81).op('}').op('b').op('}').op('b').stop()));
        refused("NEWOBJ_EX with keyword arguments", () -> load(PickleBytes.protocol(4)
                .global("__torch__", "M").op(')').op('}').str("k").op('N').op('s').op(0x92).stop()));
        refused("SETITEMS with an odd number of items", () -> load(PickleBytes.protocol(2).op('}').mark()
                .op('N').op('u').stop()));
        refused("persistent id 'x' but no persistent loader", () -> load(new PickleBytes().op('P').text("x\n")
                .stop()));
    }

    @Test
    void selfReferenceAndUnhashableKeysAreRefused() {
        refused("a list contains itself", () -> load(PickleBytes.protocol(2).op(']').put(0).get(0).op('a')
                .stop()));
        refused("unhashable type 'list'", () -> load(PickleBytes.protocol(2).op('}').op(']').op('N').op('s')
                .stop()));
        refused("unhashable type 'dict'", () -> load(PickleBytes.protocol(4).op(0x8f).mark().op('}').op(0x90)
                .stop()));
    }

    @Test
    void badTextIsRefused() {
        refused("invalid UTF-8 in BINUNICODE", () -> load(PickleBytes.protocol(2).op('X').i32(1).u8(0xff)
                .stop()));
        refused("not a decimal integer", () -> load(new PickleBytes().text("I12x\n").stop()));
        refused("not a float", () -> load(new PickleBytes().text("F1.5.5\n").stop()));
        refused("STRING argument is not quoted", () -> load(new PickleBytes().text("Sabc\n").stop()));
        refused("bad hex escape", () -> load(new PickleBytes().text("S'\\xZZ'\n").stop()));
        refused("UNICODE escape beyond U+10FFFF", () -> load(new PickleBytes().text("V\\UFFFFFFFF\n").stop()));
        refused("GLOBAL has no end of line", () -> load(new PickleBytes().text("cos\nsystem").bytes()));
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        for (int protocol = 0; protocol <= 5; protocol++) {
            Corruption.fuzz(UnpicklerTest.pythonPickle(protocol), 11 + protocol, 2000, 3,
                    UnpicklerHostileTest::load, List.of(PickleException.class));
        }
    }
}
