package dev.rekindle.i18n;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Every interface text in the source, found with the Java compiler's own parser (so text blocks and
 * "a" + "b" come out exactly as at run time): first arguments of {@code Tr.t}/{@code Tr.f}/{@code Tr.n}, column names of
 * {@code new Table(…)}, and the descriptions of {@code @Command}, {@code @Option} and {@code @Argument}.
 */
final class SourceTexts {

    private static final Set<String> DESCRIBED = Set.of("Command", "Option", "Argument");

    private SourceTexts() {
    }

    /** Text → the file it was first seen in. */
    static Map<String, String> in(Path sourceRoot) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, String> found = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, null, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(files));
            for (CompilationUnitTree unit : task.parse()) {
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
                        if (node.getMethodSelect() instanceof MemberSelectTree m
                                && m.getExpression() instanceof IdentifierTree id && id.getName().contentEquals("Tr")
                                && (m.getIdentifier().contentEquals("t") || m.getIdentifier().contentEquals("f")
                                        || m.getIdentifier().contentEquals("n"))
                                && !node.getArguments().isEmpty()) {
                            add(node.getArguments().get(0), unit, found);
                        }
                        return super.visitMethodInvocation(node, v);
                    }

                    @Override
                    public Void visitNewClass(NewClassTree node, Void v) {
                        if (node.getIdentifier() instanceof IdentifierTree id && id.getName().contentEquals("Table")) {
                            // one-letter columns (r, f, m, p) are field names, the same in every language; a leading
                            // '>' only right-aligns the column (Table), it is not part of the name
                            node.getArguments().stream().map(a -> constant(a)).filter(c -> c != null)
                                    .map(c -> c.replaceFirst("^>", "")).filter(c -> c.length() >= 2)
                                    .forEach(c -> found.putIfAbsent(c, Path.of(unit.getSourceFile().toUri()).getFileName().toString()));
                        }
                        return super.visitNewClass(node, v);
                    }

                    @Override
                    public Void visitAnnotation(AnnotationTree node, Void v) {
                        String type = node.getAnnotationType().toString();
                        if (DESCRIBED.contains(type.substring(type.lastIndexOf('.') + 1))) {
                            for (ExpressionTree a : node.getArguments()) {
                                if (a instanceof AssignmentTree as && as.getVariable().toString().equals("description")) {
                                    add(as.getExpression(), unit, found);
                                }
                            }
                        }
                        return super.visitAnnotation(node, v);
                    }
                }.scan(unit, null);
            }
        }
        return found;
    }

    private static void add(Tree expr, CompilationUnitTree unit, Map<String, String> found) {
        String text = constant(expr);
        if (text != null && !text.isBlank()) {
            found.putIfAbsent(text, Path.of(unit.getSourceFile().toUri()).getFileName().toString());
        }
    }

    /** The value of a string constant expression made of literals and '+', or null. */
    static String constant(Tree t) {
        if (t instanceof LiteralTree l && l.getValue() instanceof String s) return s;
        if (t instanceof ParenthesizedTree p) return constant(p.getExpression());
        if (t instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
            String l = constant(b.getLeftOperand());
            String r = constant(b.getRightOperand());
            return l == null || r == null ? null : l + r;
        }
        return null;
    }
}
