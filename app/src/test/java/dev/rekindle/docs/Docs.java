package dev.rekindle.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The project's Markdown documents: README.md and everything under docs/, line by line. */
final class Docs {

    /** The repository's root, seen from the module the tests run in. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /**
     * One line of a document, for messages that name file and line.
     *
     * @param block   the code block's language (empty when it names none), null outside code blocks
     * @param blockAt the line of the code block's opening fence, 0 outside code blocks
     */
    record Line(Path file, int number, String text, String block, int blockAt) {
        boolean inCodeBlock() {
            return block != null;
        }

        String where() {
            return ROOT.relativize(file) + ":" + number;
        }
    }

    private Docs() {
    }

    static List<Path> files() {
        List<Path> out = new ArrayList<>();
        out.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<Line> lines(Path file) {
        List<Line> out = new ArrayList<>();
        String block = null;
        int blockAt = 0;
        int n = 0;
        try {
            for (String text : Files.readAllLines(file)) {
                n++;
                if (text.strip().startsWith("```")) {
                    block = block == null ? text.strip().substring(3).strip() : null;
                    blockAt = block == null ? 0 : n;
                    continue;
                }
                out.add(new Line(file, n, text, block, blockAt));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
