package dev.tailor.jupyter;

/** The imports every Tailor notebook starts with, so cells begin with the science. */
public final class Prelude {

    private Prelude() {
    }

    /** JShell import lines for the DSL, the simulators, Tablesaw and XChart essentials. */
    public static final String IMPORTS = String.join("\n",
            "import java.util.*;",
            "import java.util.stream.*;",
            "import dev.tailor.*;",
            "import dev.tailor.data.*;",
            "import dev.tailor.design.*;",
            "import dev.tailor.estimate.*;",
            "import dev.tailor.forest.*;",
            "import dev.tailor.match.*;",
            "import dev.tailor.policy.*;",
            "import dev.tailor.policy.tree.*;",
            "import dev.tailor.coarse.*;",
            "import dev.tailor.welfare.*;",
            "import dev.tailor.plot.*;",
            "import dev.tailor.progress.*;",
            "import dev.tailor.render.*;",
            "import dev.tailor.datasets.*;",
            "import tech.tablesaw.api.*;",
            "import org.knowm.xchart.*;");
}
