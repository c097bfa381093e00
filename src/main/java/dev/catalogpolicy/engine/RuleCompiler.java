package dev.catalogpolicy.engine;

import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles every {@code .drl} file under a rules directory into a {@link RuleSet}. Errors come back
 * with the real file, line and column; duplicate rule names and unknown reason codes are errors.
 */
public final class RuleCompiler {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
  /** A rule's header, its name quoted or not (scan() reports duplicates: Drools must not, or it cannot update in place). */
  static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|([A-Za-z_$][\\w$]*)\\s*$)", Pattern.MULTILINE);
  private static final Pattern GROUP = Pattern.compile("ruleflow-group\\s+\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("\\b(?:deny|allow|finding)\\(\\s*\"([A-Z_]+)\"\\s*,");
  private static final Pattern LINE_COL = Pattern.compile("[Ll]ine (\\d+):(\\d+)");
  private static final AtomicLong BUILDS = new AtomicLong();

  private RuleCompiler() {}

  /** All {@code .drl} files under {@code dir}, sorted by path. */
  public static List<Path> ruleFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) throw new IOException("rules directory not found: " + dir);
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList();
    }
  }

  public static RuleSet compile(Path dir) throws IOException, RuleCompileException {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path f : ruleFiles(dir)) sources.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
    if (sources.isEmpty()) throw new RuleCompileException(List.of(new RuleError(dir.toString(), 0, 0, "no .drl files")));
    return compile(sources);
  }

  /** Compiles named DRL sources (name → text); the names are what errors and {@link RuleInfo} report. */
  public static RuleSet compile(Map<String, String> sources) throws RuleCompileException {
    Map<String, String> virtualToReal = virtualPaths(sources);
    List<RuleError> errors = new ArrayList<>();
    List<RuleInfo> infos = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    sources.forEach((name, text) -> scan(name, text, infos, errors, seen));
    if (!errors.isEmpty()) throw new RuleCompileException(errors);
    KieBuilder kb;
    try {
      kb = build(sources, virtualToReal);
    } catch (RuntimeException e) {
      throw new RuleCompileException(List.of(blame(sources, e)));
    }
    for (Message m : kb.getResults().getMessages(Message.Level.ERROR)) {
      String real = m.getPath() == null ? "?" : virtualToReal.getOrDefault("src/main/resources/" + m.getPath(),
          virtualToReal.getOrDefault(m.getPath(), m.getPath()));
      Matcher lc = LINE_COL.matcher(m.getText());
      int line = m.getLine(), col = m.getColumn();
      if (lc.find()) {
        if (line <= 0) line = Integer.parseInt(lc.group(1));
        col = Integer.parseInt(lc.group(2)) + 1;
      }
      errors.add(new RuleError(real, Math.max(line, 0), Math.max(col, 0), m.getText().strip().replaceAll("\\s+", " ")));
    }
    if (!errors.isEmpty()) throw new RuleCompileException(errors);
    return new RuleSet(List.copyOf(sources.keySet()), List.copyOf(infos), hash(sources), kb.getKieModule(),
        Map.copyOf(sources));
  }

  /** Where each source goes in the module (by its package, as Drools expects), to its name. */
  private static Map<String, String> virtualPaths(Map<String, String> sources) {
    Map<String, String> virtualToReal = new LinkedHashMap<>();
    sources.forEach((name, text) -> {
      Matcher pm = PACKAGE.matcher(text);
      String pkg = pm.find() ? pm.group(1) : "rules";
      String virtual = "src/main/resources/" + pkg.replace('.', '/') + "/" + Path.of(name).getFileName();
      if (virtualToReal.containsKey(virtual)) virtual = virtual.replace(".drl", "_" + virtualToReal.size() + ".drl");
      virtualToReal.put(virtual, name);
    });
    return virtualToReal;
  }

  /** Compiles the sources into a module of a release of its own; errors are in the builder's results. */
  private static KieBuilder build(Map<String, String> sources, Map<String, String> virtualToReal) {
    KieServices ks = KieServices.Factory.get();
    ReleaseId rid = ks.newReleaseId("dev.catalogpolicy.rules", "rules", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(rid);
    virtualToReal.forEach((virtual, name) -> kfs.write(virtual, sources.get(name)));
    return ks.newKieBuilder(kfs).buildAll(DrlProject.class);
  }

  /**
   * A container of its own for rules that compiled before: a second compilation of the same sources,
   * sharing no rule objects with a rule base of the first ({@link RuleSet}).
   */
  static KieContainer compileAgain(Map<String, String> sources) {
    KieBuilder kb = build(sources, virtualPaths(sources));
    if (kb.getResults().hasMessages(Message.Level.ERROR)) {
      throw new EngineException("rules that compiled once do not compile again: " + kb.getResults().getMessages(Message.Level.ERROR));
    }
    return containerOf(kb.getKieModule());
  }

  /**
   * A new container of a compiled module (the repository holds the module only while the container is
   * made).
   */
  static KieContainer containerOf(KieModule module) {
    KieServices ks = KieServices.Factory.get();
    synchronized (RuleCompiler.class) {
      ks.getRepository().addKieModule(module);
      try {
        return ks.newKieContainer(module.getReleaseId());
      } finally {
        ks.getRepository().removeKieModule(module.getReleaseId());
      }
    }
  }

  /**
   * Drools can fail with an exception instead of a message (e.g. a constraint it cannot type).
   * Compile file by file to name the file that fails; report the deepest cause.
   */
  private static RuleError blame(Map<String, String> sources, RuntimeException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String what = "the rule compiler failed: " + root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
    if ("Name is null".equals(root.getMessage())) {
      what += " (Drools cannot compile '||' between method calls with arguments in one constraint, e.g."
          + " str(\"A\") == null || str(\"A\") == \"B\"; use 'in (...)', strOr(...), or two rules)";
    }
    if (sources.size() > 1) {
      for (var entry : sources.entrySet()) {
        try {
          compile(Map.of(entry.getKey(), entry.getValue()));
        } catch (RuleCompileException single) {
          RuleError first = single.errors().get(0);
          return first.message().startsWith("the rule compiler failed") ? first
              : new RuleError(entry.getKey(), first.line(), first.column(), what);
        } catch (RuntimeException ignored) {
          return new RuleError(entry.getKey(), 0, 0, what);
        }
      }
    }
    return new RuleError(sources.size() == 1 ? sources.keySet().iterator().next() : "?", 0, 0, what);
  }

  /** Lists rules with their stage and codes; an unknown reason code or a duplicate name is an error. */
  private static void scan(String file, String text, List<RuleInfo> infos, List<RuleError> errors, Map<String, String> seen) {
    Matcher rm = RULE.matcher(text);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (rm.find()) {
      starts.add(new int[] {rm.start(), rm.end()});
      names.add(rm.group(1) != null ? rm.group(1) : rm.group(2));
    }
    int line = 1, at = 0; // the line of each rule's start, counted once through the file as the rules come
    for (int i = 0; i < names.size(); i++) {
      int from = starts.get(i)[0], to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
      String body = text.substring(from, to);
      for (; at < from; at++) if (text.charAt(at) == '\n') line++;
      String name = names.get(i);
      if (seen.containsKey(name)) {
        errors.add(new RuleError(file, line, 1, "duplicate rule name \"" + name + "\" (also in " + seen.get(name) + ")"));
      }
      seen.put(name, file + ":" + line);
      Matcher gm = GROUP.matcher(body);
      String stage = gm.find() ? gm.group(1) : "derive";
      Set<String> codes = new LinkedHashSet<>();
      Matcher cm = CODE.matcher(body);
      while (cm.find()) {
        if (!ReasonCodes.exists(cm.group(1))) {
          errors.add(new RuleError(file, lineOf(text, from + cm.start(1)), 1,
              "rule \"" + name + "\" uses unknown reason code " + cm.group(1) + " (see reason-codes.txt)"));
        }
        codes.add(cm.group(1));
      }
      infos.add(new RuleInfo(name, file, stage, List.copyOf(codes)));
    }
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  private static String hash(Map<String, String> sources) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      sources.forEach((n, t) -> {
        md.update(n.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(t.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      });
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
