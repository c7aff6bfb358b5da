package dev.benchdeck.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a report file (UTF-8, its directory made when missing). */
final class OutputFiles {

    interface Render {
        void to(Writer w) throws IOException;
    }

    private OutputFiles() {
    }

    static void write(Path file, Render render) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            render.to(w);
        }
    }
}
