package dev.handoff.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every resource under {@code /api/v1/admin} is bound to the admin-key filter by {@link AdminKey}, and nothing else is. */
class AdminKeyBindingTest {

    @Test
    void everyAdminResourceAndOnlyAdminResourcesAreBound() throws IOException, ReflectiveOperationException {
        java.nio.file.Path classes = Paths.get(AdminKeys.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .resolve("dev/handoff/web/rest");
        TreeSet<String> admin = new TreeSet<>();
        TreeSet<String> bound = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.list(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.handoff.web.rest." + name, false, AdminKeys.class.getClassLoader());
                Path path = type.getAnnotation(Path.class);
                if (path != null && path.value().replaceFirst("^/", "").startsWith("admin")) {
                    admin.add(type.getSimpleName());
                }
                if (type.isAnnotationPresent(AdminKey.class) && !type.equals(AdminKeys.class)) {
                    bound.add(type.getSimpleName());
                }
            }
        }
        assertTrue(admin.containsAll(List.of("AdminTriggerSetsResource", "AdminSuitesResource", "AdminConversationsResource")), admin.toString());
        assertEquals(admin, bound);
        assertTrue(AdminKeys.class.isAnnotationPresent(AdminKey.class), "the filter carries the binding");
    }
}
