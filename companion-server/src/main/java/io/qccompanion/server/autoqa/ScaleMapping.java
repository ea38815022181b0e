package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a check's raw measure into a criterion's scale value, e.g. spelling errors per 100 words to
 * 1-5, a first-reply time to yes/no, readability to points. Written as a one-line spec stored with
 * the criterion binding:
 *
 * <ul>
 *   <li>{@code bands <0.5:5 <1:4 <2:3 <4:2 else:1} — the first band whose comparison holds ({@code
 *       <}, {@code <=}, {@code >}, {@code >=}); {@code else} when none does
 *   <li>{@code target 1 0} — the first value when the check meets the team's target (or its own
 *       pass rule), the second otherwise
 *   <li>{@code linear 10 -2 0 10 1} — {@code intercept + slope * value}, clamped to min..max and
 *       rounded to a multiple of step
 * </ul>
 *
 * A check that does not apply maps to null (N/A).
 */
sealed interface ScaleMapping {
  /** The scale value for a result, or null when the check does not apply. */
  Double apply(CheckResult result);

  /** The spec this mapping was parsed from (normalised). */
  String spec();

  /** One band: {@code value op bound} gives {@code result}. */
  record Band(String op, double bound, double result) {
    public Band {
      if (!List.of("<", "<=", ">", ">=").contains(op))
        throw new IllegalArgumentException("band comparison must be <, <=, > or >=: " + op);
    }

    boolean holds(double v) {
      return switch (op) {
        case "<" -> v < bound;
        case "<=" -> v <= bound;
        case ">" -> v > bound;
        default -> v >= bound;
      };
    }
  }

  /** Bands tried in order. */
  record Bands(List<Band> bands, double otherwise) implements ScaleMapping {
    public Bands {
      bands = List.copyOf(bands);
    }

    @Override
    public Double apply(CheckResult r) {
      if (!r.applies()) return null;
      for (Band b : bands) if (b.holds(r.value())) return b.result();
      return otherwise;
    }

    @Override
    public String spec() {
      StringBuilder s = new StringBuilder("bands");
      for (Band b : bands)
        s.append(' ').append(b.op()).append(num(b.bound())).append(':').append(num(b.result()));
      return s.append(" else:").append(num(otherwise)).toString();
    }
  }

  /** Pass or fail against the target. */
  record Target(double pass, double fail) implements ScaleMapping {
    @Override
    public Double apply(CheckResult r) {
      if (!r.applies() || r.pass() == null) return null;
      return r.pass() ? pass : fail;
    }

    @Override
    public String spec() {
      return "target " + num(pass) + " " + num(fail);
    }
  }

  /** A clamped, stepped linear function. */
  record Linear(double intercept, double slope, double min, double max, double step)
      implements ScaleMapping {
    public Linear {
      if (min > max) throw new IllegalArgumentException("linear: min > max");
      if (step <= 0) throw new IllegalArgumentException("linear: step must be > 0");
    }

    @Override
    public Double apply(CheckResult r) {
      if (!r.applies()) return null;
      double v = Math.max(min, Math.min(max, intercept + slope * r.value()));
      return Math.max(min, Math.min(max, Math.round(v / step) * step));
    }

    @Override
    public String spec() {
      return "linear %s %s %s %s %s"
          .formatted(num(intercept), num(slope), num(min), num(max), num(step));
    }
  }

  /** Parses a spec; IllegalArgumentException with what is wrong. */
  static ScaleMapping parse(String spec) {
    if (spec == null || spec.isBlank()) throw new IllegalArgumentException("mapping is blank");
    String[] parts = spec.strip().split("\\s+");
    try {
      switch (parts[0].toLowerCase(Locale.ROOT)) {
        case "bands" -> {
          List<Band> bands = new ArrayList<>();
          Double otherwise = null;
          for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split(":", 2);
            if (kv.length != 2)
              throw new IllegalArgumentException("band needs 'op bound:value': " + parts[i]);
            if (kv[0].equals("else")) otherwise = Double.parseDouble(kv[1]);
            else {
              String op =
                  kv[0].startsWith("<=") || kv[0].startsWith(">=")
                      ? kv[0].substring(0, 2)
                      : kv[0].substring(0, 1);
              bands.add(
                  new Band(
                      op,
                      Double.parseDouble(kv[0].substring(op.length())),
                      Double.parseDouble(kv[1])));
            }
          }
          if (otherwise == null) throw new IllegalArgumentException("bands need an 'else:value'");
          return new Bands(bands, otherwise);
        }
        case "target" -> {
          if (parts.length != 3)
            throw new IllegalArgumentException("target needs 'target pass fail'");
          return new Target(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        }
        case "linear" -> {
          if (parts.length != 6)
            throw new IllegalArgumentException(
                "linear needs 'linear intercept slope min max step'");
          return new Linear(
              Double.parseDouble(parts[1]),
              Double.parseDouble(parts[2]),
              Double.parseDouble(parts[3]),
              Double.parseDouble(parts[4]),
              Double.parseDouble(parts[5]));
        }
        default ->
            throw new IllegalArgumentException("mapping must start with bands, target or linear");
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("mapping has a bad number: " + spec);
    }
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
