/**
 * Kiln's Java API: load a TorchScript model, pick a target, call its methods.
 *
 * <pre>{@code
 * try (Model model = Model.load(Path.of("model.pt"))) {            // torch::jit::load
 *     Tensor x = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2);  // no copy: the tensor reads the array
 *     Value out = model.forward(x, 3);                              // a Tensor and a TorchScript int
 *     Tensor y = out.toTuple().get(0).toTensor();                   // typed results, as IValue's accessors
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@link kiln.api.Model}: a loaded model ({@code Model.load}); {@link kiln.api.Method}: one of its methods,
 *       with its signature, positional and keyword arguments and defaults; {@link kiln.api.Target}: where it runs
 *       (the interpreter by default, or any backend on the class path).</li>
 *   <li>{@link kiln.api.Value}: TorchScript values (tensors, {@code int}, {@code float}, {@code bool}, {@code str},
 *       {@code None}, lists, tuples, dicts, devices, objects), a sealed interface to switch over;
 *       {@link kiln.api.Tensor}: tensors over Java arrays, NIO buffers and memory segments, without copying where
 *       the layout allows; {@link kiln.api.DType}.</li>
 *   <li>{@link kiln.api.Result}: a call's value with its memory, to hand back with {@code close()};
 *       {@link kiln.api.ScriptError}: an error the program raised.</li>
 * </ul>
 *
 * <p>The JVM needs {@code --enable-native-access=ALL-UNNAMED} (tensor memory is off-heap) and, for the vector
 * loops, {@code --add-modules jdk.incubator.vector} (scalar loops otherwise).
 */
package kiln.api;
