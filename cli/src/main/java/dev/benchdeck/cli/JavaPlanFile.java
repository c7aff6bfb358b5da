package dev.benchdeck.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.http.plan.PlanBuilder;
import dev.benchdeck.driver.http.plan.PlanSource;
import dev.benchdeck.engine.plan.InvalidPlanException;
import dev.benchdeck.engine.plan.Plan;
import dev.benchdeck.engine.plan.Problem;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A plan written in Java ({@code benchdeck run Shop.java}): one source file, compiled in this process with the JDK's
 * compiler against the CLI's own class path, whose class gives a {@link PlanBuilder} from a {@code static plan()}
 * method or as a {@link PlanSource}. Like the JDK's source launcher, the file's name need not match its class.
 */
final class JavaPlanFile {

    /** The file cannot give a plan: it does not compile, has no plan class, or its {@code plan()} threw. */
    static final class UnusableSourceException extends Exception {

        private final List<String> details;

        UnusableSourceException(String message, List<String> details) {
            super(message);
            this.details = List.copyOf(details);
        }

        List<String> details() {
            return details;
        }
    }

    private JavaPlanFile() {
    }

    static boolean isJavaSource(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".java");
    }

    /**
     * The plan's tree, before validation (so that overrides apply first).
     *
     * @throws InvalidPlanException when the file is missing, or {@code plan()} built and validated the plan itself
     */
    static ObjectNode tree(Path file) throws UnusableSourceException {
        String source;
        try {
            source = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPlanException(List.of(new Problem("", "no such file: " + file)));
        } catch (IOException e) {
            throw new InvalidPlanException(List.of(new Problem("", "cannot read " + file + ": " + e.getMessage())));
        }
        Map<String, byte[]> classes = compile(file, source);
        ClassLoader loader = new CompiledClasses(classes, JavaPlanFile.class.getClassLoader());
        Object plan = invokePlan(file, planClass(file, classes.keySet(), loader));
        if (plan instanceof PlanBuilder builder) {
            return builder.tree();
        }
        return ((Plan) plan).source().deepCopy();
    }

    private static Map<String, byte[]> compile(Path file, String source) throws UnusableSourceException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new UnusableSourceException("cannot compile " + file + ": this Java (" + System.getProperty("java.home")
                    + ") has no compiler; run benchdeck with a JDK", List.of());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        ClassOutput output = new ClassOutput(standard);
        JavaFileObject unit = new SimpleJavaFileObject(file.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }

            @Override
            public boolean isNameCompatible(String simpleName, JavaFileObject.Kind kind) {
                return true; // like the source launcher: 10-journey.java may declare class ShopJourney
            }
        };
        List<String> options = List.of("-classpath", classpath(), "-proc:none", "-implicit:none", "-g", "-nowarn");
        boolean compiled = javac.getTask(new StringWriter(), output, diagnostics, options, null, List.of(unit)).call();
        List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> file + ":" + d.getLineNumber() + ": " + oneLine(d.getMessage(Locale.ROOT))).toList();
        if (!compiled || !errors.isEmpty()) {
            throw new UnusableSourceException("cannot compile " + file + " (" + errors.size()
                    + (errors.size() == 1 ? " error)" : " errors)"), errors);
        }
        return output.classes;
    }

    /** The compiler's message on one line: "cannot find symbol; symbol: method tink(java.time.Duration); location: …". */
    private static String oneLine(String message) {
        return String.join("; ", message.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList());
    }

    /** The CLI's class path, and where the plan API's classes come from (the two differ under a test runner). */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>(Arrays.asList(System.getProperty("java.class.path", "").split(File.pathSeparator)));
        for (Class<?> api : List.of(PlanBuilder.class, Plan.class, ObjectNode.class)) {
            CodeSource code = api.getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                try {
                    entries.add(Path.of(code.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // not a file: the class path above has to do
                }
            }
        }
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }

    private static Class<?> planClass(Path file, Set<String> names, ClassLoader loader) throws UnusableSourceException {
        List<Class<?>> candidates = new ArrayList<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            if (type.getEnclosingClass() == null && (staticPlanMethod(type) != null || isPlanSource(type))) {
                candidates.add(type);
            }
        }
        if (candidates.size() != 1) {
            throw new UnusableSourceException(file + ": " + (candidates.isEmpty() ? "declares no" : "declares more than one")
                    + " class with a static PlanBuilder plan() method or implementing PlanSource"
                    + (candidates.isEmpty() ? "" : " (" + String.join(", ", candidates.stream().map(Class::getName).toList()) + ")"),
                    List.of());
        }
        return candidates.get(0);
    }

    private static Method staticPlanMethod(Class<?> type) {
        try {
            Method plan = type.getDeclaredMethod("plan");
            boolean returnsPlan = PlanBuilder.class.isAssignableFrom(plan.getReturnType())
                    || Plan.class.isAssignableFrom(plan.getReturnType());
            return Modifier.isStatic(plan.getModifiers()) && returnsPlan ? plan : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isPlanSource(Class<?> type) {
        return PlanSource.class.isAssignableFrom(type) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    }

    private static Object invokePlan(Path file, Class<?> type) throws UnusableSourceException {
        Object plan;
        try {
            Method method = staticPlanMethod(type);
            if (method != null) {
                method.setAccessible(true);
                plan = method.invoke(null);
            } else {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                plan = ((PlanSource) constructor.newInstance()).plan();
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof InvalidPlanException invalid) {
                throw invalid; // plan() called build(): the reader's problems, listed as for YAML
            }
            throw new UnusableSourceException(file + ": plan() failed: " + e.getCause() + where(file, e.getCause()), List.of());
        } catch (NoSuchMethodException e) {
            throw new UnusableSourceException(file + ": " + type.getName() + " implements PlanSource but has no constructor "
                    + "without arguments", List.of());
        } catch (ReflectiveOperationException e) {
            throw new UnusableSourceException(file + ": cannot call " + type.getName() + ".plan(): " + e, List.of());
        }
        if (plan == null) {
            throw new UnusableSourceException(file + ": " + type.getName() + ".plan() returned null", List.of());
        }
        return plan;
    }

    /** " at FILE:LINE" of the deepest frame in the plan's own code, when there is one. */
    private static String where(Path file, Throwable failure) {
        String name = file.getFileName().toString();
        return Arrays.stream(failure.getStackTrace())
                .filter(frame -> frame.getLineNumber() > 0 && name.equals(frame.getFileName()))
                .findFirst().map(frame -> " (at " + file + ":" + frame.getLineNumber() + ")").orElse("");
    }

    /** Keeps the compiled classes in memory. */
    private static final class ClassOutput extends ForwardingJavaFileManager<JavaFileManager> {

        final Map<String, byte[]> classes = new LinkedHashMap<>();

        ClassOutput(JavaFileManager standard) {
            super(standard);
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                   FileObject sibling) {
            return new SimpleJavaFileObject(java.net.URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                @Override
                public OutputStream openOutputStream() {
                    return new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            classes.put(className, toByteArray());
                        }
                    };
                }
            };
        }
    }

    /** Defines the compiled classes, with the CLI's classes (the plan API among them) as their parent's. */
    private static final class CompiledClasses extends ClassLoader {

        private final Map<String, byte[]> classes;

        CompiledClasses(Map<String, byte[]> classes, ClassLoader parent) {
            super(parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
