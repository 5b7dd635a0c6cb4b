package io.loopdesk.kb;

import io.loopdesk.api.ValidationException;
import io.loopdesk.kb.internal.UnicodeSpaces;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups of interchangeable words used when searching, e.g. {@code 退货, 退换货} or {@code refund,
 * return}. Every word of a group matches every other word of the same group; words may be phrases
 * and may mix Chinese and English. Synonyms are applied to the query only, so changing them takes
 * effect without reindexing. Immutable.
 */
public final class SynonymSet {
  private static final SynonymSet NONE = new SynonymSet(List.of());

  private final List<Set<String>> groups;

  private SynonymSet(List<Set<String>> groups) {
    this.groups = List.copyOf(groups);
  }

  /** Returns a set without any synonyms. */
  public static SynonymSet none() {
    return NONE;
  }

  /**
   * Returns the built-in after-sales synonyms: return/refund/exchange wording, warranty and the
   * Chinese "three guarantees" (三包), repair, installation, delivery, complaint and battery terms.
   */
  public static SynonymSet afterSalesDefaults() {
    return none()
        .with("退货", "退换货", "退换")
        .with("保修", "三包", "质保", "保修期")
        .with("refund", "return", "money back")
        .with("warranty", "guarantee")
        .with("维修", "修理", "报修")
        .with("repair", "fix")
        .with("安装", "上门安装")
        .with("install", "installation", "setup")
        .with("配送", "送货", "物流", "快递")
        .with("delivery", "shipping", "courier")
        .with("投诉", "申诉", "不满")
        .with("complaint", "grievance")
        .with("电池", "电芯")
        .with("换货", "更换");
  }

  /**
   * Returns a copy with one more group.
   *
   * @param words at least two distinct, non-blank words or phrases of at most 64 characters
   * @return the extended set
   * @throws ValidationException when a word is blank or too long, or fewer than two are given
   */
  public SynonymSet with(String... words) {
    if (words == null) {
      throw new ValidationException("synonyms.group", null, "must not be null");
    }
    Set<String> group = new LinkedHashSet<>();
    for (String word : words) {
      if (word == null || UnicodeSpaces.isBlank(word) || word.length() > 64) {
        throw new ValidationException(
            "synonyms.group[]", word, "must be non-blank and at most 64 characters");
      }
      group.add(UnicodeSpaces.normalize(word).strip());
    }
    if (group.size() < 2) {
      throw new ValidationException(
          "synonyms.group", Arrays.toString(words), "must hold at least two distinct words");
    }
    List<Set<String>> copy = new ArrayList<>(groups);
    copy.add(Collections.unmodifiableSet(group));
    return new SynonymSet(copy);
  }

  /**
   * Returns the groups in the order they were added; each group is unmodifiable and iterates in the
   * order its words were given, so synonym expansion is the same in every JVM.
   */
  public List<Set<String>> groups() {
    return groups;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SynonymSet that && groups.equals(that.groups);
  }

  @Override
  public int hashCode() {
    return groups.hashCode();
  }

  @Override
  public String toString() {
    return "SynonymSet" + groups;
  }
}
