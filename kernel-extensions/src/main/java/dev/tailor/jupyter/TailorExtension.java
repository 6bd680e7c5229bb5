package dev.tailor.jupyter;

import dev.tailor.jupyter.render.Renderers;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Tailor's JJava extension: registers the renderers for Tailor results, plots and Tablesaw tables, then runs the
 * startup imports so a cell needs none. Found through {@code META-INF/services}, so adding Tailor's jars to a
 * stock JJava kernel (for example with {@code %classpath}) installs it too.
 */
public final class TailorExtension implements Extension {

    @Override
    public void install(BaseKernel kernel) {
        Renderers.registerAll(kernel.getRenderer());
        kernel.eval(Prelude.IMPORTS);
    }
}
