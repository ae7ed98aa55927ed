package dev.custody.cli.demo;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.RRef;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Part one of the demo: three protection domains in a chain, a fault injected into the middle
 * one, the error returned to its caller as a value, transparent recovery, and calls succeeding
 * again through the very same references.
 */
public final class IsolationTour {
  /** The demo's tokenizer; it trips over a word it was never meant to see. */
  static final class BuggyTokenizer implements Tokenizer {
    private final int incarnation;

    BuggyTokenizer(int incarnation) {
      this.incarnation = incarnation;
    }

    @Override
    public int countWords(String line) {
      String[] words = line.trim().split("\\s+");
      if (line.contains("\u2620")) {
        // The injected fault: an out-of-bounds read, as an unchecked bug in a plugin would do.
        return words[words.length + 1].length();
      }
      return words.length;
    }

    @Override
    public String toString() {
      return "tokenizer#" + incarnation;
    }
  }

  static final class RunningCounter implements Counter {
    private long total;

    @Override
    public long add(int words) {
      total += words;
      return total;
    }
  }

  static final class ChainFrontend implements Frontend {
    private final Tokenizer tokenizer;
    private final Counter counter;

    ChainFrontend(Tokenizer tokenizer, Counter counter) {
      this.tokenizer = tokenizer;
      this.counter = counter;
    }

    @Override
    public String submit(String line) throws CrossDomainException {
      int words = tokenizer.countWords(line);
      long total = counter.add(words);
      return words + (words == 1 ? " word" : " words") + ", running total " + total;
    }
  }

  private final Style out;

  public IsolationTour(Style out) {
    this.out = out;
  }

  /** Runs the tour; returns true when every step behaved as the design says. */
  public boolean run() throws Exception {
    out.section("1", "Isolation: a chain of protection domains in one JVM");
    AtomicInteger incarnations = new AtomicInteger();
    Domain tokenizerDomain =
        Domain.builder("tokenizer")
            .recovery(ctx -> {
              for (RRef<?> ref : ctx.pendingRefs()) {
                @SuppressWarnings("unchecked")
                RRef<Tokenizer> t = (RRef<Tokenizer>) ref;
                ctx.rebind(t, new BuggyTokenizer(incarnations.incrementAndGet()));
              }
            })
            .build();
    Domain counterDomain = Domain.create("counter");
    Domain frontendDomain = Domain.create("frontend");

    RRef<Tokenizer> tokRef =
        tokenizerDomain.execute(() -> RRef.of(Tokenizer.class, new BuggyTokenizer(incarnations.incrementAndGet())));
    RRef<Counter> cntRef = counterDomain.execute(() -> RRef.of(Counter.class, new RunningCounter()));
    Tokenizer tokenizer = TokenizerProxy.of(tokRef);
    Counter counter = CounterProxy.of(cntRef);
    RRef<Frontend> feRef =
        frontendDomain.execute(() -> RRef.of(Frontend.class, new ChainFrontend(tokenizer, counter)));
    Frontend frontend = FrontendProxy.of(feRef);

    out.line("host ─▶ frontend ─▶ tokenizer   (each box a Domain, each arrow an RRef proxy)");
    out.line("                 └─▶ counter");
    out.blank();

    boolean ok = true;
    ok &= submit(frontend, "the quick brown fox", true);
    ok &= submit(frontend, "jumps over", true);
    out.blank();
    out.line(out.warn("fault injected") + ": the tokenizer indexes past its array on the word \u2620");
    ok &= submit(frontend, "\u2620 this line crashes the tokenizer", false);
    out.line(String.format(
        "    tokenizer: state %s, failures %d, reference table %d/%d slots live",
        tokenizerDomain.state(), tokenizerDomain.failureCount(),
        tokenizerDomain.tableOccupancy(), tokenizerDomain.slotCount()));
    out.line(String.format(
        "    frontend and counter untouched: %s, %s; host still running", frontendDomain.state(), counterDomain.state()));
    out.blank();
    out.line("the same proxies, through the same RRefs, after recovery:");
    ok &= submit(frontend, "the lazy dog", true);
    ok &= submit(frontend, "sleeps", true);
    ok &= tokenizerDomain.state() == Domain.State.RUNNING && tokenizerDomain.failureCount() == 1;
    ok &= Domain.current().isHost();
    out.blank();
    return ok;
  }

  private boolean submit(Frontend frontend, String line, boolean expectSuccess) {
    String shown = String.format("    submit(%-40s", "\"" + line + "\")");
    try {
      String r = frontend.submit(line);
      out.line(shown + " → " + out.good(r));
      return expectSuccess;
    } catch (DomainFailedException e) {
      out.line(shown + " → " + out.bad("DomainFailedException"));
      out.line("        " + e.getMessage());
      return !expectSuccess && e.recovered();
    } catch (CrossDomainException e) {
      out.line(shown + " → " + out.bad(e.toString()));
      return false;
    }
  }

  /** For tests: prints to the given stream. */
  public static boolean runTo(PrintStream ps) throws Exception {
    return new IsolationTour(new Style(ps, false)).run();
  }
}
