package kiln.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns exceptions into one clear line on stderr and exit code 1. With {@code --verbose} the offending source
 * line and the stack trace follow.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        err.println("lower: " + message(ex));
        boolean verbose = parsed.hasMatchedOption("--verbose")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
        if (ex instanceof kiln.frontend.emit.CompileError ce && ce.range() != null) {
            err.println("  " + ce.range().highlight().replace("\n", "\n  "));
        }
        if (ex instanceof kiln.frontend.script.ScriptSyntaxError se) {
            err.println("  " + se.range().highlight().replace("\n", "\n  "));
        }
        if (verbose) {
            if (ex instanceof kiln.dialects.ir.text.ParseException g && g.sourceLine() != null) {
                err.println("  " + g.sourceLine());
                err.println("  " + " ".repeat(Math.max(0, g.column() - 1)) + "^");
            }
            ex.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    static String message(Throwable ex) {
        if (ex instanceof kiln.frontend.emit.CompileError ce) {
            return ce.oneLine();
        }
        if (ex instanceof kiln.frontend.script.ScriptSyntaxError se) {
            return se.oneLine();
        }
        if (ex instanceof NoSuchFileException nsf) {
            return nsf.getFile() + ": no such file";
        }
        if (ex instanceof java.nio.file.AccessDeniedException ade) {
            return ade.getFile() + ": permission denied";
        }
        if (ex instanceof kiln.runtime.interp.value.ScriptException se) {
            // the error and the innermost op it passed through, with its source location
            return se.className() + ": " + se.scriptMessage().lines().findFirst().orElse("")
                    + se.trace().stream().findFirst().map(op -> " (in " + op + ")").orElse("");
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
