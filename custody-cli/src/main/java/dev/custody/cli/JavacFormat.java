package dev.custody.cli;

import java.io.IOException;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Renders a diagnostic the way javac's command line does: {@code file:line: kind: message}, then
 * the source line and a caret under the column, then any further lines of the message.
 */
final class JavacFormat {
  private JavacFormat() {}

  static String format(Diagnostic<? extends JavaFileObject> d) {
    String kind = switch (d.getKind()) {
      case ERROR -> "error: ";
      case WARNING, MANDATORY_WARNING -> "warning: ";
      case NOTE -> d.getSource() == null ? "Note: " : "note: ";
      default -> "";
    };
    String[] msg = d.getMessage(Locale.getDefault()).split("\n", -1);
    StringBuilder sb = new StringBuilder();
    JavaFileObject src = d.getSource();
    if (src == null || d.getLineNumber() == Diagnostic.NOPOS) {
      if (src != null) {
        sb.append(src.getName()).append(": ");
      }
      sb.append(kind).append(String.join("\n", msg)).append('\n');
      return sb.toString();
    }
    sb.append(src.getName()).append(':').append(d.getLineNumber()).append(": ").append(kind).append(msg[0]).append('\n');
    String line = sourceLine(src, d.getLineNumber());
    if (line != null) {
      sb.append(line).append('\n');
      long col = Math.max(1, d.getColumnNumber());
      for (int i = 0; i < col - 1 && i < line.length(); i++) {
        sb.append(line.charAt(i) == '\t' ? '\t' : ' ');
      }
      sb.append("^\n");
    }
    for (int i = 1; i < msg.length; i++) {
      sb.append(msg[i]).append('\n');
    }
    return sb.toString();
  }

  private static String sourceLine(JavaFileObject src, long lineNumber) {
    try {
      String[] lines = src.getCharContent(true).toString().split("\r\n|\r|\n", -1);
      return lineNumber >= 1 && lineNumber <= lines.length ? lines[(int) lineNumber - 1] : null;
    } catch (IOException e) {
      return null;
    }
  }
}
