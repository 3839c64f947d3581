package io.github.ucode4j.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What this module shows others: JNA is an implementation detail, so no type of it appears in the public or
 * protected members of an exported package's public classes, and the module does not pass JNA on to its readers.
 * Everyone sees the user API and nothing else; what the {@code xen} backend shares with this module's backends is
 * exported to it alone.
 */
class ModuleSurfaceTest {
    private static final String JNA_PACKAGE = "com.sun.jna";
    private static final String XEN_MODULE = "io.github.ucode4j.xen";
    /** The user API: the only public top-level types of the package exported to everyone. */
    private static final Set<String> USER_API = Set.of("AffinityPinning", "KernelBackend", "LinuxRoots",
            "MsrAddressPolicy", "MsrBackend", "MsrOptions", "ThreadPinning");

    @Test
    void noJnaTypeAppearsInAnExportedSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (ModuleDescriptor.Exports exports : descriptor().exports()) {
            for (Class<?> type : publicClassesOf(exports.source())) {
                leaks.addAll(jnaTypesIn(type));
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void jnaIsRequiredButNotPassedOnAndTheCLibraryLayerIsExportedOnlyToTheXenBackend() throws Exception {
        ModuleDescriptor module = descriptor();

        Optional<ModuleDescriptor.Requires> jna = module.requires().stream().filter(r -> r.name().equals(JNA_PACKAGE)).findFirst();
        assertThat(jna).hasValueSatisfying(r -> assertThat(r.modifiers()).doesNotContain(ModuleDescriptor.Requires.Modifier.TRANSITIVE));
        assertThat(module.exports()).filteredOn(e -> e.source().equals("io.github.ucode4j.linux.libc"))
                .singleElement().satisfies(e -> assertThat(e.targets()).containsExactly(XEN_MODULE));
    }

    @Test
    void onlyTheUserApiPackageIsExportedToEveryoneAndItsPublicTypesAreTheUserApi() throws Exception {
        List<ModuleDescriptor.Exports> toEveryone = descriptor().exports().stream().filter(e -> !e.isQualified()).toList();
        assertThat(toEveryone).singleElement().satisfies(e -> assertThat(e.source()).isEqualTo("io.github.ucode4j.linux"));

        List<String> publicTopLevel = publicClassesOf("io.github.ucode4j.linux").stream()
                .filter(type -> type.getEnclosingClass() == null).map(Class::getSimpleName).toList();
        assertThat(publicTopLevel).as("public types everyone sees").containsExactlyInAnyOrderElementsOf(USER_API);
    }

    @Test
    void theHostAsTheBackendsReadItIsExportedOnlyToTheXenBackend() throws Exception {
        assertThat(descriptor().exports()).filteredOn(e -> e.source().equals("io.github.ucode4j.linux.host"))
                .singleElement().satisfies(e -> assertThat(e.targets()).containsExactly(XEN_MODULE));
    }

    /** This module's descriptor, from its own classes (the tests run on the class path, where others are seen first). */
    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    private static Path classes() throws URISyntaxException {
        return Path.of(MsrBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Class<?>> publicClassesOf(String packageName) throws IOException, URISyntaxException, ClassNotFoundException {
        Path folder = classes().resolve(packageName.replace('.', '/'));
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.class$", "");
                if (name.equals("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(packageName + "." + name, false,
                        MsrBackend.class.getClassLoader());
                if (isVisible(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    /** Public, and every enclosing class public too. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return !type.isAnonymousClass() && !type.isLocalClass();
    }

    private static List<String> jnaTypesIn(Class<?> type) {
        List<String> leaks = new ArrayList<>();
        List<Type> shown = new ArrayList<>();
        shown.add(type.getGenericSuperclass());
        shown.addAll(List.of(type.getGenericInterfaces()));
        check(type.getName(), shown, leaks);
        for (Field field : type.getDeclaredFields()) {
            if (isShown(field.getModifiers())) {
                check(type.getName() + "." + field.getName(), List.of(field.getGenericType()), leaks);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isShown(method.getModifiers()) && !method.isSynthetic()) {
                List<Type> types = signature(method);
                types.add(method.getGenericReturnType());
                check(type.getName() + "." + method.getName(), types, leaks);
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isShown(constructor.getModifiers())) {
                check(type.getName() + ".<init>", signature(constructor), leaks);
            }
        }
        return leaks;
    }

    private static boolean isShown(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Type> signature(Executable executable) {
        List<Type> types = new ArrayList<>(List.of(executable.getGenericParameterTypes()));
        types.addAll(List.of(executable.getGenericExceptionTypes()));
        return types;
    }

    private static void check(String member, List<Type> types, List<String> leaks) {
        for (Type type : types) {
            if (mentionsJna(type)) {
                leaks.add(member + " shows " + type.getTypeName());
            }
        }
    }

    private static boolean mentionsJna(Type type) {
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            return element.getName().startsWith(JNA_PACKAGE + ".");
        }
        if (type instanceof ParameterizedType p) {
            return mentionsJna(p.getRawType()) || Stream.of(p.getActualTypeArguments()).anyMatch(ModuleSurfaceTest::mentionsJna);
        }
        return false;
    }
}
