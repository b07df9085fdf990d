/**
 * The backend SPI: {@link kiln.runtime.backend.Backend} is what a target implements (the reference interpreter
 * is one), {@link kiln.runtime.backend.Backends} finds them on the class path.
 */
package kiln.runtime.backend;
