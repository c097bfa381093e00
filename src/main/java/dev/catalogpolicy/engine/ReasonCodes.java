package dev.catalogpolicy.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The closed vocabulary of reason codes (reason-codes.txt): each code's outcome and AWS error. */
public final class ReasonCodes {
  public record Code(String code, String outcome, String awsError, String rules) {}

  private static final Map<String, Code> CODES = load();

  private ReasonCodes() {}

  public static Code get(String code) {
    Code c = CODES.get(code);
    if (c == null) throw new IllegalArgumentException("unknown reason code " + code + " (not in reason-codes.txt)");
    return c;
  }

  public static boolean exists(String code) {
    return CODES.containsKey(code);
  }

  public static Map<String, Code> all() {
    return CODES;
  }

  private static Map<String, Code> load() {
    Map<String, Code> m = new LinkedHashMap<>();
    try (InputStream in = ReasonCodes.class.getResourceAsStream("/reason-codes.txt")) {
      if (in == null) throw new IllegalStateException("reason-codes.txt missing from the classpath");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        String[] f = t.split("\\s+", 4);
        m.put(f[0], new Code(f[0], f[1], f[2].equals("-") ? null : f[2], f.length > 3 ? f[3] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }
}
