/**
 * The backend SPI: {@link kiln.runtime.backend.Backend} is what a target implements (the reference interpreter
 * is one): the dialects it consumes, the lowering pipeline it wants run, and sessions that compile functions of
 * modules; {@link kiln.runtime.backend.Backends} finds them on the class path; {@link
 * kiln.runtime.backend.InputDialects} checks a function against a backend's input dialects.
 */
package kiln.runtime.backend;
