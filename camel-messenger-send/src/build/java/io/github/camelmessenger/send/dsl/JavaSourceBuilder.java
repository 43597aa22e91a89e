package io.github.camelmessenger.send.dsl;

/** Java source text: lines indented by four spaces a level, and javadoc comments wrapped to the width. */
final class JavaSourceBuilder {

    private static final int WIDTH = 100;
    private static final String INDENT = "    ";

    private final StringBuilder out = new StringBuilder();

    void line(int indent, String text) {
        if (!text.isEmpty()) {
            out.append(INDENT.repeat(indent)).append(text);
        }
        out.append('\n');
    }

    void blank() {
        out.append('\n');
    }

    /** A javadoc comment: paragraphs as given, long lines wrapped at word boundaries. */
    void javadoc(int indent, String text) {
        line(indent, "/**");
        for (String paragraphLine : text.split("\n", -1)) {
            if (paragraphLine.isEmpty()) {
                out.append(INDENT.repeat(indent)).append(" *\n");
            } else {
                wrapped(INDENT.repeat(indent) + " * ", paragraphLine);
            }
        }
        out.append(INDENT.repeat(indent)).append(" */\n");
    }

    private void wrapped(String prefix, String paragraphLine) {
        StringBuilder current = new StringBuilder();
        for (String word : paragraphLine.split(" ")) {
            if (current.length() > 0 && prefix.length() + current.length() + 1 + word.length() > WIDTH) {
                out.append(prefix).append(current).append('\n');
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        out.append(prefix).append(current).append('\n');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
