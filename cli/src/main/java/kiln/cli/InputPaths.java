package kiln.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The files and folders a command reads, checked before it opens them, so that a wrong path is one line naming it
 * (no such file, a folder where a file is wanted, not readable) rather than what the operating system says when
 * a folder is read as a file ({@code No such device}, {@code Is a directory}).
 */
final class InputPaths {
    private InputPaths() {
    }

    /** {@code path}, a regular file this process may read. */
    static Path file(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (Files.isDirectory(path)) {
            throw new IOException(path + ": is a folder, not a file");
        }
        if (!Files.isReadable(path)) {
            throw new AccessDeniedException(path.toString());
        }
        return path;
    }

    /** {@code path}, a folder this process may list. */
    static Path folder(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + ": no such folder");
        }
        if (!Files.isDirectory(path)) {
            throw new IOException(path + ": is a file, not a folder");
        }
        if (!Files.isReadable(path) || !Files.isExecutable(path)) {
            throw new AccessDeniedException(path.toString());
        }
        return path;
    }
}
