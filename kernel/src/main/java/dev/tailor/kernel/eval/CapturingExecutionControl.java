package dev.tailor.kernel.eval;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.stream.Stream;
import dev.tailor.progress.Progress;
import dev.tailor.progress.ProgressReporter;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution, plus access to the value of a variable as an object rather than as the string
 * JShell passes back, so a cell's result can be rendered as HTML or an image.
 *
 * <p>Snippet classes load in a child of the application class loader, so a Tailor result created in a cell is an
 * instance of the very class the renderers know. Before loading, calls to {@code System.exit} and friends in
 * snippet code are redirected to {@link CellExit}, because in-process execution would otherwise end the kernel.
 * Snippets run with the cell's {@link ProgressReporter} bound, so Tailor's progress bars show in the cell.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    private static final ClassDesc CD_SYSTEM = ClassDesc.of("java.lang.System");
    private static final ClassDesc CD_RUNTIME = ClassDesc.of("java.lang.Runtime");
    private static final ClassDesc CD_CELL_EXIT = ClassDesc.of(CellExit.class.getName());
    private static final MethodTypeDesc STATIC_EXIT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc RUNTIME_EXIT = MethodTypeDesc.of(ConstantDescs.CD_void, CD_RUNTIME, ConstantDescs.CD_int);

    private Object lastValue;
    private volatile ClassLoader snippetLoader;
    private volatile ProgressReporter progress = ProgressReporter.NONE;

    CapturingExecutionControl(ClassLoader parent) {
        super(parent);
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(Stream.of(classes)
                .map(c -> new ClassBytecodes(c.name(), redirectExits(c.bytecodes())))
                .toArray(ClassBytecodes[]::new));
        if (snippetLoader == null && classes.length > 0) {
            try {
                snippetLoader = findClass(classes[0].name()).getClassLoader();
            } catch (ClassNotFoundException e) {
                // Not fatal: the loader is looked up again with the next snippet.
            }
        }
    }

    /** Where Progress tasks that snippets start report, from now on. */
    void reportProgressTo(ProgressReporter reporter) {
        progress = reporter;
    }

    /** Runs the snippet on JShell's snippet thread as usual, with the progress reporter bound on that thread. */
    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ProgressReporter reporter = progress;
        return SnippetEntry.handOver(() -> Progress.reportingTo(reporter, () -> SnippetEntry.invokeSnippet(doitMethod)),
                () -> super.invoke(SnippetEntry.ENTRY));
    }

    /** The class loader of snippet classes and of jars added with {@code addToClasspath}, once a snippet ran. */
    ClassLoader snippetLoader() {
        return snippetLoader;
    }

    private static byte[] redirectExits(byte[] bytecodes) {
        ClassFile files = ClassFile.of();
        CodeTransform redirect = (code, element) -> {
            if (element instanceof InvokeInstruction call && call.typeSymbol().descriptorString().equals("(I)V")) {
                ClassDesc owner = call.owner().asSymbol();
                String name = call.name().stringValue();
                if (owner.equals(CD_SYSTEM) && name.equals("exit")) {
                    code.invokestatic(CD_CELL_EXIT, "exit", STATIC_EXIT);
                    return;
                }
                if (owner.equals(CD_RUNTIME) && (name.equals("exit") || name.equals("halt"))) {
                    code.invokestatic(CD_CELL_EXIT, name, RUNTIME_EXIT);
                    return;
                }
            }
            code.with(element);
        };
        return files.transformClass(files.parse(bytecodes), ClassTransform.transformingMethodBodies(redirect));
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        try {
            var field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true); // snippet wrapper classes are not public
            lastValue = field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new InternalException("Cannot read variable " + varName + ": " + e);
        }
        return super.varValue(className, varName);
    }

    /** The object behind the last {@link #varValue} call. */
    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    /** Hands JShell the one control instance the evaluator keeps a reference to. */
    record Provider(CapturingExecutionControl control) implements ExecutionControlProvider {

        @Override
        public String name() {
            return "tailor-local";
        }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
