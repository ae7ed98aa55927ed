package dev.custody.bench.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer and reader for the benchmark result files (objects, arrays, strings,
 * numbers, booleans, null). Stateless; thread-safe. Parse errors name the character offset.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 0);
    return sb.append('\n').toString();
  }

  private static void write(StringBuilder sb, Object v, int indent) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      sb.append('"');
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      sb.append('"');
    } else if (v instanceof Double d) {
      sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null");
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      sb.append("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "\n" : ",\n").append("  ".repeat(indent + 1));
        write(sb, e.getKey().toString(), 0);
        sb.append(": ");
        write(sb, e.getValue(), indent + 1);
        first = false;
      }
      sb.append('\n').append("  ".repeat(indent)).append('}');
    } else if (v instanceof List<?> l) {
      boolean flat = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (!flat) {
          sb.append(i == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
        } else if (i > 0) {
          sb.append(", ");
        }
        write(sb, l.get(i), indent + 1);
      }
      if (!flat && !l.isEmpty()) {
        sb.append('\n').append("  ".repeat(indent));
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass() + " as JSON");
    }
  }

  /** Parses a JSON text into maps, lists, strings, doubles/longs, booleans and null. */
  public static Object parse(String text) {
    Parser p = new Parser(text);
    Object v = p.value();
    p.ws();
    if (p.i != text.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  private static final class Parser {
    final String s;
    int i;

    Parser(String s) {
      this.s = s;
    }

    IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at offset " + i);
    }

    void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    Object value() {
      ws();
      if (i >= s.length()) {
        throw error("unexpected end");
      }
      char c = s.charAt(i);
      switch (c) {
        case '{' -> {
          i++;
          Map<String, Object> m = new LinkedHashMap<>();
          ws();
          if (peek('}')) {
            return m;
          }
          do {
            ws();
            Object k = value();
            if (!(k instanceof String key)) {
              throw error("object key is not a string");
            }
            ws();
            expect(':');
            m.put(key, value());
            ws();
          } while (peek(','));
          expect('}');
          return m;
        }
        case '[' -> {
          i++;
          List<Object> l = new ArrayList<>();
          ws();
          if (peek(']')) {
            return l;
          }
          do {
            l.add(value());
            ws();
          } while (peek(','));
          expect(']');
          return l;
        }
        case '"' -> {
          i++;
          StringBuilder sb = new StringBuilder();
          while (true) {
            if (i >= s.length()) {
              throw error("unterminated string");
            }
            char ch = s.charAt(i++);
            if (ch == '"') {
              return sb.toString();
            }
            if (ch == '\\') {
              char e = s.charAt(i++);
              switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                  sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                  i += 4;
                }
                default -> sb.append(e);
              }
            } else {
              sb.append(ch);
            }
          }
        }
        default -> {
          if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
          }
          if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
          }
          if (s.startsWith("null", i)) {
            i += 4;
            return null;
          }
          int start = i;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
          }
          if (start == i) {
            throw error("unexpected character '" + c + "'");
          }
          String num = s.substring(start, i);
          try {
            if (num.contains(".") || num.contains("e") || num.contains("E")) {
              return Double.parseDouble(num);
            }
            return Long.parseLong(num);
          } catch (NumberFormatException e) {
            throw error("bad number '" + num + "'");
          }
        }
      }
    }

    boolean peek(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
    }
  }
}
