package io.qccompanion.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.simulators.SupportReplies.Habit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SupportRepliesTest {
  static Map<Habit, Integer> habitsOver(double skill, int tickets) {
    Random random = new Random(7);
    Map<Habit, Integer> counts = new EnumMap<>(Habit.class);
    for (int i = 0; i < tickets; i++)
      for (Habit h : SupportReplies.habits(skill, random)) counts.merge(h, 1, Integer::sum);
    return counts;
  }

  @Test
  void weakAgentsShowEveryBadHabitFarMoreOftenThanStrongOnes() {
    Map<Habit, Integer> weak = habitsOver(0.35, 2000);
    Map<Habit, Integer> strong = habitsOver(0.95, 2000);
    for (Habit h : Habit.values()) {
      assertThat(weak.getOrDefault(h, 0)).as(h.name()).isGreaterThan(100);
      assertThat(weak.getOrDefault(h, 0)).as(h.name()).isGreaterThan(4 * strong.getOrDefault(h, 0));
    }
  }

  @Test
  void aPolishedReplyGreetsApologisesToAnUpsetCustomerAndSignsOff() {
    String reply =
        SupportReplies.reply(
            "The refund is on its way.",
            EnumSet.noneOf(Habit.class),
            true,
            true,
            true,
            "Maria",
            "Jonas",
            new Random(1));
    assertThat(reply).startsWith("H").contains("Maria,").contains("sorry").endsWith("Jonas");
  }

  @Test
  void aCurtDefensiveReplyWithTyposHasNoGreetingApologyOrClosing() {
    Set<Habit> habits = EnumSet.of(Habit.CURT, Habit.DEFENSIVE, Habit.TYPOS);
    String reply =
        SupportReplies.reply(
            "Please check the address on your account. It should work again tomorrow.",
            habits,
            true,
            true,
            true,
            "Maria",
            "Jonas",
            new Random(3));
    assertThat(reply).doesNotContain("Maria").doesNotContain("sorry").doesNotContain("Jonas");
    assertThat(reply).doesNotContain("It should work again");
    assertThat(reply).isNotEqualTo("Please check the address on your account.");
  }

  @Test
  void typosMisspellKnownWords() {
    String text = "Please check the address on your account.";
    String wrong = SupportReplies.typos(text, new Random(5));
    assertThat(wrong).isNotEqualTo(text);
    assertThat(wrong).containsAnyOf("plese", "teh", "adress", "you're", "acount");
  }
}
