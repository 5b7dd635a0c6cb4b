package io.loopdesk.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.store.jdbc.internal.Columns;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The column encodings keep equality and order exactly, for any UTF-16 text. */
class ColumnsProperties {

  @Property(tries = 2000)
  void keysAreEqualExactlyWhenTheValuesAre(
      @ForAll("nastyText") String a, @ForAll("nastyText") String b) {
    assertThat(Columns.key(a).equals(Columns.key(b))).isEqualTo(a.equals(b));
  }

  @Property(tries = 500)
  void keysHoldNoNulAndNoUnpairedSurrogate(@ForAll("nastyText") String value) {
    String key = Columns.key(value);
    assertThat(key).doesNotContain("\0");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < key.length() && Character.isLowSurrogate(key.charAt(i + 1)))
            .as("pair at %d", i)
            .isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
      }
    }
  }

  @Property(tries = 2000)
  void orderKeysSortLikeStringCompareTo(
      @ForAll("nastyText") String a, @ForAll("nastyText") String b) {
    assertThat(Integer.signum(Columns.order(a).compareTo(Columns.order(b))))
        .isEqualTo(Integer.signum(a.compareTo(b)));
    assertThat(Columns.order(a)).matches("[0-9a-f]*").hasSize(a.length() * 4);
  }

  @Provide
  Arbitrary<String> nastyText() {
    Arbitrary<Character> chars =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.chars().range('a', 'c')),
            net.jqwik.api.Tuple.of(2, Arbitraries.of('\\', '0', 'u', '\0', 'd', '8')),
            net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\uD800', '\uDFFF')),
            net.jqwik.api.Tuple.of(1, Arbitraries.of('张', '\uFFE5', '\uE000')));
    return chars
        .list()
        .ofMaxSize(8)
        .map(
            list -> {
              StringBuilder sb = new StringBuilder();
              list.forEach(sb::append);
              return sb.toString();
            });
  }
}
