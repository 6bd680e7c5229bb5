package dev.tailor.kernel.eval;

import java.util.Map;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's in-process execution, plus access to the value of a variable as an object rather than as the string
 * JShell passes back, so a cell's result can be rendered as HTML or an image.
 *
 * <p>Snippet classes load in a child of the application class loader, so a Tailor result created in a cell is an
 * instance of the very class the renderers know.
 */
final class CapturingExecutionControl extends LocalExecutionControl {

    private Object lastValue;

    CapturingExecutionControl(ClassLoader parent) {
        super(parent);
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
