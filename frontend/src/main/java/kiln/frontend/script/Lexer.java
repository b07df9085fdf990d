package kiln.frontend.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits TorchScript source into tokens as Python's tokenizer does: NEWLINE at the end of each logical line, INDENT
 * and DEDENT for changes of indentation, no layout tokens inside brackets (implicit line joining) or after a
 * backslash continuation, blank and comment lines skipped. As in PyTorch's lexer, the first line may be indented:
 * its indentation is the base level. Type comments are handed to a {@link TypeComments}.
 */
final class Lexer {
    private static final Pattern TYPE_COMMENT = Pattern.compile("#\\s*type:\\s*");
    private static final int TAB_SIZE = 8;

    private final Source source;
    private final String text;
    private final int limit;
    private final boolean layout;
    private final TypeComments typeComments;
    private final List<Token> tokens = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private final Deque<Token> brackets = new ArrayDeque<>();
    private int pos;

    private Lexer(Source source, int start, int limit, boolean layout, TypeComments typeComments) {
        this.source = source;
        this.text = source.text();
        this.pos = start;
        this.limit = limit;
        this.layout = layout;
        this.typeComments = typeComments;
    }

    /** The tokens of a whole source file, ending with EOF; type comments go to {@code typeComments}. */
    static List<Token> tokenize(Source source, TypeComments typeComments) {
        return new Lexer(source, 0, source.text().length(), true, typeComments).run();
    }

    /** The tokens of a one-line piece of source (such as a type comment's text), without layout, ending with EOF. */
    static List<Token> tokenizeLine(SourceRange range) {
        return new Lexer(range.source(), range.start(), range.end(), false, new TypeComments()).run();
    }

    private List<Token> run() {
        boolean lineStart = layout;
        while (pos < limit) {
            if (lineStart) {
                lineStart = blankLine();
                continue;
            }
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                if (layout && brackets.isEmpty()) {
                    add(TokenKind.NEWLINE, "\n", pos, pos + 1);
                    lineStart = true;
                }
                pos++;
            } else if (c == '#') {
                comment(false);
            } else if (c == '\\') {
                continuation();
            } else {
                token(c);
            }
        }
        return finish();
    }

    /**
     * At the start of a line: skips it and answers true when it holds only whitespace or a comment; otherwise
     * emits the INDENT or DEDENT tokens its indentation calls for and answers false.
     */
    private boolean blankLine() {
        int width = 0;
        while (pos < limit) {
            char c = text.charAt(pos);
            if (c == ' ') {
                width++;
            } else if (c == '\t') {
                width = (width / TAB_SIZE + 1) * TAB_SIZE;
            } else if (c != '\f' && c != '\r') {
                break;
            }
            pos++;
        }
        if (pos >= limit) {
            return true;
        }
        char c = text.charAt(pos);
        if (c == '#') {
            comment(true);
            return true;
        }
        if (c == '\n') {
            pos++;
            return true;
        }
        indent(width);
        return false;
    }

    private void indent(int width) {
        if (indents.isEmpty()) {
            indents.push(width);
        } else if (width > indents.peek()) {
            indents.push(width);
            add(TokenKind.INDENT, "", pos, pos);
        } else {
            while (!indents.isEmpty() && width < indents.peek()) {
                indents.pop();
                add(TokenKind.DEDENT, "", pos, pos);
            }
            if (indents.isEmpty() || indents.peek() != width) {
                throw new ScriptSyntaxError(new SourceRange(source, pos, pos),
                        "unindent does not match any outer indentation level");
            }
        }
    }

    /** A comment, from {@code #} to the end of the line; records a type comment. */
    private void comment(boolean standalone) {
        int end = text.indexOf('\n', pos);
        end = end < 0 || end > limit ? limit : end;
        Matcher m = TYPE_COMMENT.matcher(text).region(pos, end);
        if (layout && m.lookingAt()) {
            int textEnd = end;
            while (textEnd > m.end() && Character.isWhitespace(text.charAt(textEnd - 1))) {
                textEnd--;
            }
            typeComments.add(new SourceRange(source, m.end(), textEnd), standalone);
        }
        pos = end;
    }

    private void continuation() {
        int next = pos + 1;
        if (next < limit && text.charAt(next) == '\r') {
            next++;
        }
        if (next < limit && text.charAt(next) == '\n') {
            pos = next + 1;
            return;
        }
        throw new ScriptSyntaxError(new SourceRange(source, pos, Math.min(pos + 1, limit)),
                next >= limit ? "unexpected end of input after line continuation character"
                        : "unexpected character after line continuation character");
    }

    private void token(char c) {
        int cp = text.codePointAt(pos);
        if (c == '_' || Character.isUnicodeIdentifierStart(cp)) {
            word();
        } else if ((c >= '0' && c <= '9') || (c == '.' && pos + 1 < limit && Character.isDigit(text.charAt(pos + 1))
                && text.charAt(pos + 1) < 128)) {
            add(NumberLiterals.scan(source, pos, limit));
        } else if (c == '"' || c == '\'') {
            add(StringLiterals.scan(source, pos, pos, limit));
        } else {
            operator(cp);
        }
    }

    private void word() {
        int start = pos;
        pos += Character.charCount(text.codePointAt(pos));
        while (pos < limit) {
            int cp = text.codePointAt(pos);
            if (cp != '_' && !Character.isUnicodeIdentifierPart(cp)) {
                break;
            }
            pos += Character.charCount(cp);
        }
        String word = text.substring(start, pos);
        if (pos < limit && (text.charAt(pos) == '"' || text.charAt(pos) == '\'') && StringLiterals.isPrefix(word)) {
            add(StringLiterals.scan(source, start, pos, limit));
            return;
        }
        TokenKind keyword = TokenKind.keyword(word);
        add(keyword != null ? keyword : TokenKind.NAME, word, start, pos);
    }

    private void operator(int cp) {
        for (int length = 3; length >= 1; length--) {
            if (pos + length > limit) {
                continue;
            }
            TokenKind kind = TokenKind.operator(text.substring(pos, pos + length));
            if (kind != null) {
                Token t = new Token(kind, kind.text(), new SourceRange(source, pos, pos + length));
                bracket(t);
                add(t);
                return;
            }
        }
        int end = pos + Character.charCount(cp);
        throw new ScriptSyntaxError(new SourceRange(source, pos, end),
                String.format("invalid character '%s' (U+%04X)", new String(Character.toChars(cp)), cp));
    }

    private void bracket(Token t) {
        switch (t.kind()) {
            case LPAR, LSQB, LBRACE -> brackets.push(t);
            case RPAR, RSQB, RBRACE -> {
                if (brackets.isEmpty()) {
                    throw new ScriptSyntaxError(t.range(), "unmatched '" + t.text() + "'");
                }
                Token open = brackets.pop();
                if (!closes(open.kind(), t.kind())) {
                    throw new ScriptSyntaxError(t.range(), "closing parenthesis '" + t.text()
                            + "' does not match opening parenthesis '" + open.text() + "' on line "
                            + open.range().startLine());
                }
            }
            default -> {
            }
        }
    }

    private static boolean closes(TokenKind open, TokenKind close) {
        return switch (open) {
            case LPAR -> close == TokenKind.RPAR;
            case LSQB -> close == TokenKind.RSQB;
            default -> close == TokenKind.RBRACE;
        };
    }

    private List<Token> finish() {
        if (!brackets.isEmpty()) {
            Token open = brackets.peek();
            throw new ScriptSyntaxError(open.range(), "'" + open.text() + "' was never closed");
        }
        if (layout) {
            if (!tokens.isEmpty() && !tokens.getLast().is(TokenKind.NEWLINE)) {
                add(TokenKind.NEWLINE, "", limit, limit);
            }
            while (indents.size() > 1) {
                indents.pop();
                add(TokenKind.DEDENT, "", limit, limit);
            }
        }
        add(TokenKind.EOF, "", limit, limit);
        return tokens;
    }

    private void add(TokenKind kind, String spelling, int start, int end) {
        tokens.add(new Token(kind, spelling, new SourceRange(source, start, end)));
    }

    private void add(Token t) {
        tokens.add(t);
        pos = t.range().end();
    }
}
