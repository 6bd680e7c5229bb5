package dev.tailor.kernel.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of the form {@code --name value}, plus positional arguments. */
record Options(Map<String, String> named, List<String> positional) {

    static Options parse(String[] args, int from) {
        Map<String, String> named = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = from; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("Option " + args[i] + " needs a value.");
                }
                named.put(args[i], args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        return new Options(Map.copyOf(named), List.copyOf(positional));
    }

    boolean has(String name) {
        return named.containsKey(name);
    }

    String value(String name, String fallback) {
        return named.getOrDefault(name, fallback);
    }
}
