/**
 * The reference interpreter: executes torch-dialect {@link kiln.dialects.torch.Graph}s.
 *
 * <h2>Values</h2>
 * TorchScript values are plain Java objects; this table is the one place that defines the mapping, and every
 * kernel, the printer and the type checks follow it.
 * <table>
 *   <caption>TorchScript type → Java value</caption>
 *   <tr><th>TorchScript</th><th>Java</th><th>notes</th></tr>
 *   <tr><td>{@code Tensor}</td><td>{@link kiln.runtime.tensor.Tensor}</td><td>shared by reference; views share storage</td></tr>
 *   <tr><td>{@code int}</td><td>{@link java.lang.Long}</td><td>64-bit, wrapping as in TorchScript; also {@code ScalarType},
 *       {@code Layout}, {@code MemoryFormat} (their integer codes, as graphs pass them)</td></tr>
 *   <tr><td>{@code float}</td><td>{@link java.lang.Double}</td><td></td></tr>
 *   <tr><td>{@code bool}</td><td>{@link java.lang.Boolean}</td><td></td></tr>
 *   <tr><td>{@code str}</td><td>{@link java.lang.String}</td><td></td></tr>
 *   <tr><td>{@code None}</td><td>{@code null}</td><td>also an {@code Optional[T]} that holds nothing</td></tr>
 *   <tr><td>{@code List[T]}</td><td>{@link kiln.runtime.interp.value.ScriptList}</td><td>mutable, shared by reference as Python lists</td></tr>
 *   <tr><td>{@code Tuple[...]}</td><td>{@link kiln.runtime.interp.value.ScriptTuple}</td><td>immutable</td></tr>
 *   <tr><td>{@code Dict[K, V]}</td><td>{@link kiln.runtime.interp.value.ScriptDict}</td><td>mutable, insertion ordered</td></tr>
 *   <tr><td>classes and modules</td><td>{@link kiln.runtime.interp.value.ScriptObject}</td><td>class name + mutable attribute slots</td></tr>
 *   <tr><td>{@code Device}</td><td>{@link kiln.dialects.torch.types.Device}</td><td></td></tr>
 *   <tr><td>{@code Future[T]}</td><td>{@link kiln.runtime.interp.value.ScriptFuture}</td><td>what {@code fork} returns</td></tr>
 *   <tr><td>{@code Function}</td><td>{@link kiln.runtime.interp.value.ScriptFunction}</td><td>a script function by name</td></tr>
 * </table>
 * {@link kiln.runtime.interp.value.Values} names these types for messages and holds Python's equality and truth rules;
 * {@link kiln.runtime.interp.value.ValuePrinter} prints them as TorchScript's {@code print} and {@code str} do.
 *
 * <h2>Execution</h2>
 * {@link kiln.runtime.interp.Interpreter} compiles each graph once into a {@link kiln.runtime.interp.Plan}: every
 * SSA value gets a slot of a frame array, every op a {@link kiln.runtime.interp.Step}; operator ops are bound to
 * their kernel ({@link kiln.runtime.interp.kernels.KernelRegistry}) once, from the overload PyTorch's schemas
 * select for the op's operand types. Running a plan is a walk over step arrays. Calls to methods and script
 * functions go through {@link kiln.runtime.interp.Callables}, which the embedder supplies.
 */
package kiln.runtime.interp;
