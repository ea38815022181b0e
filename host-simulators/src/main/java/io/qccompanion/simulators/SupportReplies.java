package io.qccompanion.simulators;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How a simulated agent writes, so the generated conversations give AutoQA and the QCs something
 * real to find: a strong agent greets by name, acknowledges, answers and signs off; a weaker one
 * more often skips the greeting, makes typos, answers curtly or defensively and lets the customer
 * wait (for the first reply, or days for the answer to a follow-up). Both simulators draw every
 * ticket's habits from the assignee's skill with a per-ticket seed, so the data is deterministic. A
 * few tickets are in German, Spanish or French.
 */
public final class SupportReplies {
  /** One bad (or good) habit a ticket's replies show. */
  public enum Habit {
    /** No greeting in the first reply. */
    NO_GREETING,
    /** No closing in the last reply. */
    NO_CLOSING,
    /** Spelling mistakes and confused words. */
    TYPOS,
    /** One-line answers without acknowledgement. */
    CURT,
    /** Blames the customer; the customer ends unhappy and threatens to leave. */
    DEFENSIVE,
    /** The first reply comes after more than a day. */
    SLOW,
    /** A customer's follow-up is answered only a day or more later. */
    LATE_REPLY
  }

  private static final Map<String, String> MISSPELLED =
      Map.ofEntries(
          Map.entry("the", "teh"),
          Map.entry("your", "you're"),
          Map.entry("received", "recieved"),
          Map.entry("address", "adress"),
          Map.entry("account", "acount"),
          Map.entry("until", "untill"),
          Map.entry("which", "wich"),
          Map.entry("their", "there"),
          Map.entry("because", "becuase"),
          Map.entry("invoice", "invoce"),
          Map.entry("tomorrow", "tomorow"),
          Map.entry("separately", "seperately"),
          Map.entry("please", "plese"),
          Map.entry("again", "agian"),
          Map.entry("with", "wiht"),
          Map.entry("should", "shoud"));
  private static final List<String> DEFENSIVE_OPENERS =
      List.of(
          "As I already explained, ",
          "This is not an issue on our side. ",
          "You should have read the help article first. ");
  private static final List<String> UPSET_CUSTOMER =
      List.of(
          "This is ridiculous. I have explained it twice and nothing works. I want to cancel.",
          "Honestly this is terrible service. I'm filing a complaint.",
          "That doesn't help at all and I'm still stuck. Very disappointing.");
  private static final List<String> UNHAPPY_ENDINGS =
      List.of(
          "Still broken. This is useless and I'm really disappointed.",
          "Forget it, I'll cancel my subscription. Worst support I've had.");

  private SupportReplies() {}

  /** The habits of one ticket answered by an agent of {@code skill} (0..1). */
  public static Set<Habit> habits(double skill, Random random) {
    double weak = Math.max(0.03, 1 - skill);
    Set<Habit> out = EnumSet.noneOf(Habit.class);
    if (random.nextDouble() < 0.75 * weak) out.add(Habit.NO_GREETING);
    if (random.nextDouble() < 0.6 * weak) out.add(Habit.NO_CLOSING);
    if (random.nextDouble() < 0.7 * weak) out.add(Habit.TYPOS);
    if (random.nextDouble() < 0.45 * weak) out.add(Habit.CURT);
    if (random.nextDouble() < 0.22 * weak) out.add(Habit.DEFENSIVE);
    if (random.nextDouble() < 0.3 * weak) out.add(Habit.SLOW);
    if (random.nextDouble() < 0.35 * weak) out.add(Habit.LATE_REPLY);
    return out;
  }

  /** A language other than English for about one ticket in 30, else null. */
  public static String foreignLanguage(Random random) {
    double roll = random.nextDouble();
    return roll < 0.012 ? "de" : roll < 0.022 ? "es" : roll < 0.032 ? "fr" : null;
  }

  /**
   * One agent reply: a greeting on the first reply, {@code body} (shortened, defensive or with
   * typos as the habits say) and a closing with the agent's name on the last.
   */
  public static String reply(
      String body,
      Set<Habit> habits,
      boolean first,
      boolean last,
      boolean customerUpset,
      String customer,
      String agent,
      Random random) {
    StringBuilder out = new StringBuilder();
    boolean curt = habits.contains(Habit.CURT);
    if (first && !habits.contains(Habit.NO_GREETING) && !curt)
      out.append(random.nextBoolean() ? "Hi " : "Hello ").append(customer).append(",\n\n");
    if (customerUpset && !curt && !habits.contains(Habit.DEFENSIVE))
      out.append("I'm sorry for the trouble, I understand how frustrating this is. ");
    else if (first && !curt && random.nextBoolean())
      out.append("Thanks for reaching out about this. ");
    String text = curt ? firstSentence(body) : body;
    if (habits.contains(Habit.DEFENSIVE) && (customerUpset || !first))
      text = DEFENSIVE_OPENERS.get(random.nextInt(DEFENSIVE_OPENERS.size())) + lowerFirst(text);
    if (habits.contains(Habit.TYPOS)) text = typos(text, random);
    out.append(text);
    if (last && !habits.contains(Habit.NO_CLOSING) && !curt)
      out.append(
              random.nextBoolean()
                  ? "\n\nLet me know if there is anything else I can help with.\n\nKind regards,\n"
                  : "\n\nHave a great day!\n\nBest regards,\n")
          .append(agent);
    return out.toString();
  }

  /** A customer message after an unhelpful or defensive reply: negative, with escalation words. */
  public static String upsetCustomer(Random random) {
    return UPSET_CUSTOMER.get(random.nextInt(UPSET_CUSTOMER.size()));
  }

  /** The customer's last word when the ticket ends badly. */
  public static String unhappyEnding(Random random) {
    return UNHAPPY_ENDINGS.get(random.nextInt(UNHAPPY_ENDINGS.size()));
  }

  /** Replaces a few words with common misspellings and drops the capital of the first word. */
  public static String typos(String text, Random random) {
    String[] words = text.split(" ");
    int changed = 0;
    for (int i = 0; i < words.length; i++) {
      String bare = words[i].replaceAll("[^A-Za-z]", "");
      String wrong = MISSPELLED.get(bare.toLowerCase(java.util.Locale.ROOT));
      if (wrong != null && (changed == 0 || random.nextInt(3) > 0)) {
        words[i] = words[i].replace(bare, wrong);
        changed++;
      } else if (changed < 2 && bare.length() > 7 && random.nextInt(4) == 0) {
        int cut = 2 + random.nextInt(bare.length() - 4);
        words[i] = words[i].replace(bare, bare.substring(0, cut) + bare.substring(cut + 1));
        changed++;
      }
    }
    String out = String.join(" ", words);
    return out.isEmpty() ? out : Character.toLowerCase(out.charAt(0)) + out.substring(1);
  }

  /**
   * A whole conversation in {@code language} (de, es, fr): alternating customer and agent lines,
   * the customer first; a polished agent greets, apologises and signs off, a weak one does not.
   */
  public static List<String> foreignConversation(
      String language, Set<Habit> habits, String customer, String agent) {
    boolean poor = habits.contains(Habit.CURT) || habits.contains(Habit.NO_GREETING);
    List<String> out = new ArrayList<>();
    switch (language) {
      case "de" -> {
        out.add(
            "Hallo, meine Bestellung ist seit zehn Tagen nicht angekommen und die Sendungsverfolgung"
                + " zeigt nichts Neues. Können Sie bitte nachsehen?");
        out.add(
            poor
                ? "Paket ist unterwegs. Bitte warten."
                : "Guten Tag "
                    + customer
                    + ",\n\nes tut mir leid, dass Sie so lange warten mussten. Ich habe beim"
                    + " Versanddienst nachgefragt: Das Paket wird morgen zugestellt.\n\nMit"
                    + " freundlichen Grüßen\n"
                    + agent);
        out.add(poor ? "Das ist wirklich ärgerlich." : "Vielen Dank für die schnelle Hilfe!");
      }
      case "es" -> {
        out.add(
            "Hola, me han cobrado dos veces la suscripción de este mes. ¿Pueden devolverme el"
                + " cargo duplicado?");
        out.add(
            poor
                ? "Revise su banco."
                : "Hola "
                    + customer
                    + ",\n\nsiento mucho las molestias. He revisado su cuenta y ya he devuelto el"
                    + " cargo duplicado; lo verá en unos días.\n\nUn saludo,\n"
                    + agent);
        out.add(poor ? "Muy mal servicio, quiero cancelar." : "Perfecto, muchas gracias.");
      }
      default -> {
        out.add(
            "Bonjour, je n'arrive plus à me connecter depuis la réinitialisation de mon mot de"
                + " passe. Pouvez-vous m'aider ?");
        out.add(
            poor
                ? "Essayez encore."
                : "Bonjour "
                    + customer
                    + ",\n\ndésolé pour ce problème. J'ai débloqué votre compte, vous pouvez vous"
                    + " reconnecter dès maintenant.\n\nCordialement,\n"
                    + agent);
        out.add(poor ? "Toujours bloqué, c'est inadmissible." : "Merci beaucoup, ça marche !");
      }
    }
    return out;
  }

  /** The subject of a {@link #foreignConversation} ticket. */
  public static String foreignSubject(String language) {
    return switch (language) {
      case "de" -> "Bestellung nicht angekommen";
      case "es" -> "Cobro duplicado este mes";
      default -> "Impossible de me connecter";
    };
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
