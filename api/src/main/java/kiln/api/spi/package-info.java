/**
 * The API's service interfaces: {@link kiln.api.spi.ModelFormat}, a kind of model file {@code Model.load}
 * recognizes and opens, and {@link kiln.api.spi.Program}, the loaded model it hands to the API. TorchScript
 * archives are one format; compiled artifacts add another.
 */
package kiln.api.spi;
