package dev.tandem.devstack.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** A folder shaped like the repository, whose four {@code quarkus-run.jar} are {@link FakeService}. */
final class FakeRepo {

    private FakeRepo() {
    }

    static Path create(Path root, Map<Service, String> modes) throws IOException {
        String classFile = FakeService.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = FakeService.class.getClassLoader().getResourceAsStream(classFile)) {
            bytes = in.readAllBytes();
        }
        for (Service s : Service.values()) {
            Path jar = s.runnableJar(root);
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.putNextEntry(new JarEntry(classFile));
                out.write(bytes);
                out.closeEntry();
            }
            String mode = modes.get(s);
            if (mode != null) {
                Files.writeString(root.resolve(s.module()).resolve("fake-mode"), mode);
            }
        }
        return root;
    }
}
