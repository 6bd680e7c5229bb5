package dev.tailor.kernel.eval;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Javadoc of classes whose jars carry their sources under {@value #SOURCES} (Tailor's do), for
 * the members JShell documents without Javadoc: JShell reads comments only from the JDK's src.zip.
 */
final class SourceJavadoc {

    /** Where Tailor's jars keep their sources: outside the class path root, so javac does not compile them. */
    static final String SOURCES = "META-INF/tailor-sources/";

    private SourceJavadoc() {
    }

    /**
     * The doc comment of the member a JShell signature names, such as {@code "CausalForest CausalForest.spec()"}
     * or {@code "dev.tailor.forest.CausalForest"}, looked up in {@code packages} (the shell's on-demand imports)
     * when the class is named without its package.
     */
    static Optional<String> find(String signature, List<String> packages, ClassLoader loader) {
        Member member = Member.parse(signature);
        if (member == null) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        if (member.outerClass().contains(".")) {
            candidates.add(member.outerClass());
        }
        for (String pkg : packages) {
            candidates.add(pkg + "." + member.outerClass());
        }
        for (String className : candidates) {
            URL source = loader.getResource(SOURCES + className.replace('.', '/') + ".java");
            if (source != null) {
                return docComment(source, member);
            }
        }
        return Optional.empty();
    }

    /** What a signature names: the top-level class, nested class names, and a method with its parameter types. */
    private record Member(String outerClass, List<String> nested, String method, List<String> parameterTypes) {

        static Member parse(String signature) {
            int paren = signature.indexOf('(');
            String head = paren < 0 ? signature.strip() : signature.substring(0, paren).strip();
            String name = head.substring(head.lastIndexOf(' ') + 1); // drop the return type
            List<String> parts = new ArrayList<>(List.of(name.split("\\.")));
            String method = null;
            List<String> types = List.of();
            if (paren >= 0) {
                method = parts.removeLast();
                types = parameterTypes(signature.substring(paren + 1, signature.lastIndexOf(')')));
            }
            // Package segments start lower case, class names upper case.
            int firstClass = 0;
            while (firstClass < parts.size() && !Character.isUpperCase(parts.get(firstClass).charAt(0))) {
                firstClass++;
            }
            if (firstClass == parts.size()) {
                return null;
            }
            String outer = String.join(".", parts.subList(0, firstClass + 1));
            return new Member(outer, List.copyOf(parts.subList(firstClass + 1, parts.size())), method, types);
        }

        private static List<String> parameterTypes(String parameters) {
            List<String> types = new ArrayList<>();
            int depth = 0;
            StringBuilder current = new StringBuilder();
            for (char c : parameters.toCharArray()) {
                depth += c == '<' ? 1 : c == '>' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    types.add(typeOf(current.toString()));
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
            if (!current.toString().isBlank()) {
                types.add(typeOf(current.toString()));
            }
            return types;
        }

        /** "java.util.List<String> names" to "List": the erased simple name, which is what sources let us compare. */
        private static String typeOf(String parameter) {
            String type = parameter.strip();
            int space = type.lastIndexOf(' ');
            if (space > 0 && !type.endsWith("]") && !type.endsWith("...")) {
                type = type.substring(0, space);
            }
            return simpleErased(type);
        }
    }

    static String simpleErased(String type) {
        String erased = type.replaceAll("<.*>", "").replace("...", "[]").replace(" ", "");
        return erased.substring(erased.lastIndexOf('.') + 1);
    }

    private static Optional<String> docComment(URL source, Member member) {
        String text;
        try (InputStream in = source.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + member.outerClass().replace('.', '/') + ".java"),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null, List.of(file));
        DocTrees trees = DocTrees.instance(task);
        String[] found = new String[1];
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, List<String>>() {
                    private List<String> wanted() {
                        List<String> names = new ArrayList<>(List.of(member.outerClass().substring(member.outerClass().lastIndexOf('.') + 1)));
                        names.addAll(member.nested());
                        return names;
                    }

                    @Override
                    public Void visitClass(ClassTree tree, List<String> enclosing) {
                        List<String> path = new ArrayList<>(enclosing);
                        path.add(tree.getSimpleName().toString());
                        List<String> wanted = wanted();
                        if (path.equals(wanted) && member.method() == null) {
                            found[0] = trees.getDocComment(getCurrentPath());
                            return null;
                        }
                        if (path.equals(wanted.subList(0, Math.min(path.size(), wanted.size())))) {
                            return super.visitClass(tree, path);
                        }
                        return null;
                    }

                    @Override
                    public Void visitMethod(MethodTree tree, List<String> enclosing) {
                        String name = tree.getName().contentEquals("<init>") ? enclosing.getLast() : tree.getName().toString();
                        if (found[0] == null && enclosing.equals(wanted()) && name.equals(member.method()) && parameterTypes(tree).equals(member.parameterTypes())) {
                            found[0] = trees.getDocComment(getCurrentPath());
                        }
                        return null;
                    }
                }.scan(unit, List.of());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(found[0]);
    }

    private static List<String> parameterTypes(MethodTree method) {
        List<String> types = new ArrayList<>();
        for (VariableTree parameter : method.getParameters()) {
            types.add(simpleErased(parameter.getType().toString()));
        }
        return types;
    }

}
