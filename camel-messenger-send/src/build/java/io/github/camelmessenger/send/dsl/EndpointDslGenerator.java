package io.github.camelmessenger.send.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a typed endpoint builder ({@code <Name>EndpointBuilderFactory}) for every component metadata file
 * ({@code <scheme>.json}, as written by camel-package-maven-plugin's {@code generate-component}) found under a
 * directory, in the shape of Camel's endpoint DSL (see {@link EndpointBuilderFactoryWriter}). A file is written only
 * when its content changes, so an unchanged build leaves the sources untouched; a builder whose component is gone is
 * deleted.
 * <p>
 * Compiled and run by the build at process-classes, after the metadata is generated, with the module's classpath (for
 * Jackson): {@code EndpointDslGenerator <metadata dir> <source dir> <package>}.
 */
public final class EndpointDslGenerator {

    private EndpointDslGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: EndpointDslGenerator <metadata dir> <source dir> <package>");
        }
        String packageName = args[2];
        Path packageDir = Path.of(args[1]).resolve(packageName.replace('.', '/'));
        ObjectMapper json = new ObjectMapper();

        Set<String> written = new HashSet<>();
        for (Path file : jsonFiles(Path.of(args[0]))) {
            JsonNode metadata = json.readTree(file.toFile());
            if (!ComponentMetadata.isComponent(metadata)) {
                continue;
            }
            ComponentMetadata component = ComponentMetadata.of(metadata);
            String fileName = component.name() + "EndpointBuilderFactory.java";
            if (!written.add(fileName)) {
                throw new IllegalStateException("two components would both be " + fileName);
            }
            writeIfChanged(packageDir, fileName, new EndpointBuilderFactoryWriter(packageName, component).write());
        }
        deleteStaleBuilders(packageDir, written);
    }

    /** Sorted, so that the builders are always written in the same order. */
    private static List<Path> jsonFiles(Path metadataDir) throws IOException {
        try (Stream<Path> walk = Files.walk(metadataDir)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
        }
    }

    private static void writeIfChanged(Path packageDir, String fileName, String source) throws IOException {
        Path target = packageDir.resolve(fileName);
        if (!Files.exists(target) || !Files.readString(target, StandardCharsets.UTF_8).equals(source)) {
            Files.createDirectories(packageDir);
            Files.writeString(target, source, StandardCharsets.UTF_8);
            System.out.println("Endpoint builder written: " + target);
        }
    }

    /** Only files that start with the marker are ours to delete; anything else in the package is left alone. */
    private static void deleteStaleBuilders(Path packageDir, Set<String> written) throws IOException {
        if (!Files.isDirectory(packageDir)) {
            return;
        }
        List<Path> others;
        try (Stream<Path> list = Files.list(packageDir)) {
            others = list.filter(p -> !written.contains(p.getFileName().toString())).sorted()
                    .collect(Collectors.toList());
        }
        for (Path stale : others) {
            if (Files.readString(stale, StandardCharsets.UTF_8).startsWith(EndpointBuilderFactoryWriter.MARKER)) {
                Files.delete(stale);
                System.out.println("Endpoint builder deleted: " + stale);
            }
        }
    }
}
