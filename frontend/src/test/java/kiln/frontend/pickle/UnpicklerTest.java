package kiln.frontend.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Pickles of every protocol, as Python writes them, read into the expected values. */
class UnpicklerTest {
    /**
     * {@code pickle.dumps(v, protocol=p)} for p = 0..5 of {@code [1, -7, 2.5, 'h\u00e9llo\n\\', None, True, False,
     * (1, 2), {'a': [1]}, 12345678901234567890, -2**70, float('inf'), 'xyz', 70000, -1]}, plus {@code b'ab\0'} from
     * protocol 3, {@code {1, 2}, frozenset({3})} from 4, {@code bytearray(b'z')} from 5.
     */
    static final String[] PYTHON_PICKLES = {
            "KGxwMApJMQphSS03CmFGMi41CmFWaOlsbG9cdTAwMGFcdTAwNWMKcDEKYU5hSTAxCmFJMDAKYShJMQpJMgp0cDIKYShkcDMK"
                    + "VmEKcDQKKGxwNQpJMQphc2FMMTIzNDU2Nzg5MDEyMzQ1Njc4OTBMCmFMLTExODA1OTE2MjA3MTc0MTEzMDM0MjRMCmFGaW5m"
                    + "CmFWeHl6CnA2CmFJNzAwMDAKYUktMQphLg==",
            "XXEAKEsBSvn///9HQAQAAAAAAABYCAAAAGjDqWxsbwpccQFOSTAxCkkwMAooSwFLAnRxAn1xA1gBAAAAYXEEXXEFSwFhc0wx"
                    + "MjM0NTY3ODkwMTIzNDU2Nzg5MEwKTC0xMTgwNTkxNjIwNzE3NDExMzAzNDI0TApHf/AAAAAAAABYAwAAAHh5enEGSnARAQBK"
                    + "/////2Uu",
            "gAJdcQAoSwFK+f///0dABAAAAAAAAFgIAAAAaMOpbGxvClxxAU6IiUsBSwKGcQJ9cQNYAQAAAGFxBF1xBUsBYXOKCdIKH+uM"
                    + "qVSrAIoJAAAAAAAAAADAR3/wAAAAAAAAWAMAAAB4eXpxBkpwEQEASv////9lLg==",
            "gANdcQAoSwFK+f///0dABAAAAAAAAFgIAAAAaMOpbGxvClxxAU6IiUsBSwKGcQJ9cQNYAQAAAGFxBF1xBUsBYXOKCdIKH+uM"
                    + "qVSrAIoJAAAAAAAAAADAR3/wAAAAAAAAWAMAAAB4eXpxBkpwEQEASv////9DA2FiAHEHZS4=",
            "gASVdwAAAAAAAABdlChLAUr5////R0AEAAAAAAAAjAhow6lsbG8KXJROiIlLAUsChpR9lIwBYZRdlEsBYXOKCdIKH+uMqVSr"
                    + "AIoJAAAAAAAAAADAR3/wAAAAAAAAjAN4eXqUSnARAQBK/////0MDYWIAlI+UKEsBSwKQKEsDkZRlLg==",
            "gAWVggAAAAAAAABdlChLAUr5////R0AEAAAAAAAAjAhow6lsbG8KXJROiIlLAUsChpR9lIwBYZRdlEsBYXOKCdIKH+uMqVSr"
                    + "AIoJAAAAAAAAAADAR3/wAAAAAAAAjAN4eXqUSnARAQBK/////0MDYWIAlI+UKEsBSwKQKEsDkZSWAQAAAAAAAAB6lGUu",
    };

    static byte[] pythonPickle(int protocol) {
        return Base64.getDecoder().decode(PYTHON_PICKLES[protocol]);
    }

    static PyValue load(byte[] pickle) {
        return new Unpickler("test.pkl").load(pickle);
    }

    private static PyStr str(String value) {
        return new PyStr(value);
    }

    private static PyInt integer(long value) {
        return PyInt.of(value);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void readsWhatPythonWrites(int protocol) {
        List<PyValue> expected = new ArrayList<>(List.of(integer(1), integer(-7), new PyFloat(2.5),
                str("h\u00e9llo\n\\"), PyNone.NONE, PyBool.TRUE, PyBool.FALSE, PyTuple.of(integer(1), integer(2)),
                new PyDict(new LinkedHashMap<>(Map.of(str("a"), PyList.of(integer(1))))),
                new PyBigInt(new BigInteger("12345678901234567890")), new PyBigInt(BigInteger.TWO.pow(70).negate()),
                new PyFloat(Double.POSITIVE_INFINITY), str("xyz"), integer(70000), integer(-1)));
        if (protocol >= 3) {
            expected.add(new PyBytes(new byte[] {'a', 'b', 0}));
        }
        if (protocol >= 4) {
            expected.add(new PySet(new LinkedHashSet<>(List.of(integer(1), integer(2))), false));
            expected.add(new PySet(new LinkedHashSet<>(List.of(integer(3))), true));
        }
        if (protocol >= 5) {
            expected.add(new PyBytes(new byte[] {'z'}));
        }
        assertEquals(new PyList(expected), load(pythonPickle(protocol)));
    }

    @Test
    void orderedDictIsFilledAfterItsReduce() {
        // pickle.dumps(OrderedDict([('a', 1), ('b', [2])]), protocol=4)
        byte[] pickle = Base64.getDecoder().decode(
                "gASVMwAAAAAAAACMC2NvbGxlY3Rpb25zlIwLT3JkZXJlZERpY3SUk5QpUpQojAFhlEsBjAFilF2USwJhdS4=");
        PyDict dict = assertInstanceOf(PyDict.class, load(pickle));
        assertEquals(List.of(str("a"), str("b")), List.copyOf(dict.entries().keySet()));
        assertEquals(PyList.of(integer(2)), dict.require("b"));
    }

    @Test
    void protocolZeroStringsIntsAndFloats() {
        byte[] pickle = PickleBytes.protocol(2).mark()
                .text("S'a\\nb\\x41\\101\\''\n")
                .text("S\"q\"\n")
                .text("I00\nI01\nI-42\nL7L\n")
                .text("Fnan\nF-1.5e3\n")
                .text("Vcaf\\u00e9 \\U0001F600\n")
                .op('l').stop();
        PyList list = assertInstanceOf(PyList.class, load(pickle));
        assertEquals(List.of(str("a\nbAA'"), str("q"), PyBool.FALSE, PyBool.TRUE, integer(-42), integer(7)),
                list.items().subList(0, 6));
        assertTrue(Double.isNaN(((PyFloat) list.get(6)).value()));
        assertEquals(new PyFloat(-1500), list.get(7));
        assertEquals(str("caf\u00e9 \uD83D\uDE00"), list.get(8));
    }

    @Test
    void binaryNumbers() {
        byte[] pickle = PickleBytes.protocol(2).mark()
                .op('M').u8(0x34).u8(0x12)
                .op(0x8a).u8(0)
                .op(0x8a).u8(2).u8(0xff).u8(0x7f)
                .op(0x8b).i32(9).raw(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 1})
                .op(0x8a).u8(8).raw(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) 0x80})
                .op('G').raw(new byte[] {0x40, 0x09, 0x21, (byte) 0xfb, 0x54, 0x44, 0x2d, 0x18})
                .op('l').stop();
        assertEquals(PyList.of(integer(0x1234), integer(0), integer(0x7fff),
                new PyBigInt(BigInteger.ONE.shiftLeft(64)), integer(Long.MIN_VALUE), new PyFloat(Math.PI)),
                load(pickle));
    }

    @Test
    void stackAndMemoOpcodes() {
        byte[] pickle = PickleBytes.protocol(4).mark()
                .str("a").op('p').text("7\n")
                .op('g').text("7\n")
                .str("b").op('r').i32(70000).op('0')
                .op('j').i32(70000)
                .op('2')
                .mark().str("dropped").op('1')
                .str("m").op(0x94).op('0').get(2)
                .op('l').stop();
        assertEquals(PyList.of(str("a"), str("a"), str("b"), str("b"), str("m")), load(pickle));
    }

    @Test
    void containersFromMarks() {
        byte[] pickle = PickleBytes.protocol(2)
                .mark().str("k").integer(1).str("j").integer(2).op('d')
                .str("z").mark().integer(3).op(']').op(0x85).op('t').op('s')
                .stop();
        PyDict dict = assertInstanceOf(PyDict.class, load(pickle));
        assertEquals(List.of(str("k"), str("j"), str("z")), List.copyOf(dict.entries().keySet()));
        assertEquals(PyTuple.of(integer(3), PyTuple.of(PyList.of())), dict.require("z"));
    }

    @Test
    void sharedContainersStayShared() {
        byte[] pickle = PickleBytes.protocol(2).op(']').put(0).integer(1).op('a').get(0).op(0x86).stop();
        PyTuple pair = assertInstanceOf(PyTuple.class, load(pickle));
        assertSame(pair.get(0), pair.get(1));
    }

    @Test
    void mutationAfterSharingIsSeenEverywhere() {
        // [x, x] where x = [] is filled after the outer list took it
        byte[] pickle = PickleBytes.protocol(2).op(']').put(0).op(0x85).put(1).op('0')
                .get(0).integer(5).op('a').op('0').get(1).get(1).op(0x86).stop();
        PyTuple pair = assertInstanceOf(PyTuple.class, load(pickle));
        assertEquals(PyTuple.of(PyList.of(integer(5))), pair.get(0));
        assertEquals(pair.get(0), pair.get(1));
    }

    @Test
    void torchScriptModuleObjects() {
        byte[] pickle = PickleBytes.protocol(2)
                .global("__torch__.corpus_public", "Linear").op(')').op(0x81)
                .op('}').mark().str("training").op(0x89).str("scale").op('G').raw(new byte[8]).op('u')
                .op('b').stop();
        PyObject module = assertInstanceOf(PyObject.class, load(pickle));
        assertEquals("__torch__.corpus_public.Linear", module.className());
        assertEquals(PyBool.FALSE, module.requireAttr("training"));
        assertEquals(new PyFloat(0), module.requireAttr("scale"));
    }

    @Test
    void newObjExWithoutKeywords() {
        byte[] pickle = PickleBytes.protocol(4)
                .str("__torch__.m").str("C").op(0x93).op(')').op('}').op(0x92).stop();
        assertEquals(new PyObject("__torch__.m.C", PyNone.NONE), load(pickle));
    }

    @Test
    void torchVersionAndDtypes() {
        byte[] pickle = PickleBytes.protocol(2).mark()
                .global("torch.torch_version", "TorchVersion").str("2.11.0").op(0x85).op(0x81)
                .global("torch", "uint64").global("torch", "float").global("torch", "cdouble")
                .global("torch", "FloatStorage").global("torch.storage", "UntypedStorage")
                .op('t').stop();
        PyTuple values = assertInstanceOf(PyTuple.class, load(pickle));
        assertEquals(new TorchVersion("2.11.0"), values.get(0));
        assertEquals(List.of(DType.UINT64, DType.FLOAT32, DType.COMPLEX128), values.items().subList(1, 4));
        assertEquals(new StorageClass("torch.FloatStorage", DType.FLOAT32, false), values.get(4));
        assertEquals(new StorageClass("torch.storage.UntypedStorage", DType.UINT8, true), values.get(5));
    }

    @Test
    void torchJitListBuilders() {
        byte[] pickle = PickleBytes.protocol(2).mark()
                .global("torch.jit._pickle", "build_intlist").mark().op(']').mark().integer(1).integer(2).op('e')
                .tuple().reduce()
                .global("torch.jit._pickle", "build_doublelist").op(']').op('G').raw(new byte[8]).op('a').op(0x85)
                .reduce()
                .global("torch.jit._pickle", "build_boollist").op(']').op(0x88).op('a').op(0x85).reduce()
                .global("torch.jit._pickle", "restore_type_tag").op('}').str("Dict[str, int]").op(0x86).reduce()
                .op('t').stop();
        assertEquals(PyTuple.of(PyList.of(integer(1), integer(2)), PyList.of(new PyFloat(0)),
                PyList.of(PyBool.TRUE), PyDict.EMPTY), load(pickle));
    }
}
