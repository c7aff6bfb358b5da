package dev.benchdeck.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A Docker-format image tarball as Jib's {@code buildTar} writes it: {@code manifest.json} naming the config JSON and
 * the layers (gzipped tars). Its files are the layers' entries merged in order (a later layer's entry replaces an
 * earlier one's; Jib writes no whiteouts), with the contents of those a predicate keeps.
 */
record ImageTarball(JsonNode manifest, JsonNode config, Map<String, ImageFile> files) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file or directory of the image: its path without a leading slash, its mode bits, and the kept content. */
    record ImageFile(String path, int mode, boolean directory, byte[] content) {

        boolean executableByAll() {
            return (mode & 0111) == 0111;
        }

        boolean writableByAll() {
            return (mode & 0002) != 0;
        }
    }

    static ImageTarball read(Path tarball, Predicate<String> keep) throws IOException {
        Map<String, byte[]> blobs = blobs(tarball);
        JsonNode manifest = JSON.readTree(required(blobs, "manifest.json"));
        JsonNode config = JSON.readTree(required(blobs, manifest.get(0).get("Config").asText()));
        Map<String, ImageFile> files = new LinkedHashMap<>();
        for (byte[] layer : layers(manifest, blobs)) {
            try (TarArchiveInputStream tar = gunzipTar(layer)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    String path = entry.getName().replaceFirst("^\\./", "").replaceFirst("/$", "");
                    byte[] content = entry.isFile() && keep.test(path) ? tar.readAllBytes() : null;
                    files.put(path, new ImageFile(path, entry.getMode() & 07777, entry.isDirectory(), content));
                }
            }
        }
        return new ImageTarball(manifest, config, files);
    }

    /** Writes every layer's files under {@code root} with their modes, as a container runtime lays them out. */
    static void extract(Path tarball, Path root) throws IOException {
        Map<String, byte[]> blobs = blobs(tarball);
        JsonNode manifest = JSON.readTree(required(blobs, "manifest.json"));
        for (byte[] layer : layers(manifest, blobs)) {
            try (TarArchiveInputStream tar = gunzipTar(layer)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                    Path target = root.resolve(entry.getName()).normalize();
                    if (!target.startsWith(root)) {
                        throw new IOException("a layer entry leaves the image's root: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        try (OutputStream out = Files.newOutputStream(target)) {
                            tar.transferTo(out);
                        }
                    } else {
                        throw new IOException("a layer entry that is neither a file nor a directory: " + entry.getName());
                    }
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
    }

    /** The kept content of {@code path}, which must be in the image. */
    String text(String path) {
        ImageFile file = files.get(path);
        if (file == null || file.content() == null) {
            throw new IllegalStateException("the image has no file " + path + " (or its content was not kept)");
        }
        return new String(file.content(), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> blobs(Path tarball) throws IOException {
        Map<String, byte[]> blobs = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                if (entry.isFile()) {
                    blobs.put(entry.getName(), tar.readAllBytes());
                }
            }
        }
        return blobs;
    }

    private static List<byte[]> layers(JsonNode manifest, Map<String, byte[]> blobs) {
        List<byte[]> layers = new ArrayList<>();
        manifest.get(0).get("Layers").forEach(name -> layers.add(required(blobs, name.asText())));
        return layers;
    }

    private static TarArchiveInputStream gunzipTar(byte[] layer) throws IOException {
        return new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(layer)));
    }

    private static byte[] required(Map<String, byte[]> blobs, String name) {
        byte[] blob = blobs.get(name);
        if (blob == null) {
            throw new IllegalStateException("the image tarball has no " + name + " (it has " + blobs.keySet() + ")");
        }
        return blob;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] byBit = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < byBit.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(byBit[bit]);
            }
        }
        return permissions;
    }
}
