/**
 * Not for applications: how the API runs TorchScript archives, shared with Kiln's own tools (the CLI, the
 * conformance runner, the bench). {@link kiln.api.internal.LoadedModel} is an archive compiled on demand with its
 * module tree restored, and the one call path of a loaded model; {@link kiln.api.internal.TargetSession} lowers
 * each module by a backend's pipeline and compiles it; {@link kiln.api.internal.PickledValues} and {@link
 * kiln.api.internal.ModuleObjects} turn the archive's pickles into runtime values and objects. May change
 * without notice.
 */
package kiln.api.internal;
