package io.loopdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Chinese resident IDs are checked with ISO 7064 MOD 11-2; other documents by their generic rules.
 */
class IdDocumentProperties {

  private static Customer customerWith(IdDocument document) {
    return Customer.builder("C-1").name("张三").phone("13812345678").idDocument(document).build();
  }

  @Provide
  Arbitrary<String> validCnResidentIds() {
    Arbitrary<String> region = Arbitraries.of("110105", "310104", "440305", "510107", "650102");
    Arbitrary<String> birth =
        Arbitraries.integers()
            .between(1930, 2025)
            .flatMap(
                y ->
                    Arbitraries.integers()
                        .between(1, 12)
                        .flatMap(
                            m ->
                                Arbitraries.integers()
                                    .between(1, 28)
                                    .map(d -> String.format("%04d%02d%02d", y, m, d))));
    Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
    return Combinators.combine(region, birth, sequence)
        .as((r, b, s) -> CnResidentIds.withCheckCharacter(r + b + s));
  }

  @Property(tries = 500)
  void generatedValidIdsPass(@ForAll("validCnResidentIds") String number) {
    Customer c = customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, number));
    assertThat(c.idDocuments()).extracting(IdDocument::number).containsExactly(number);
  }

  @Property(tries = 1000)
  void anySingleCharacterChangeFails(
      @ForAll("validCnResidentIds") String number,
      @ForAll @IntRange(min = 0, max = 17) int position,
      @ForAll
          @CharRange(from = '0', to = '9')
          @CharRange(from = 'A', to = 'Z')
          @CharRange(from = 'a', to = 'z')
          char replacement) {
    if (number.charAt(position) == replacement) {
      return;
    }
    String changed = number.substring(0, position) + replacement + number.substring(position + 1);
    assertThatThrownBy(() -> customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, changed)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("customer.idDocuments[0].number");
              assertThat(e.getMessage())
                  .doesNotContain(changed)
                  .doesNotContain(changed.substring(2, 16));
            });
  }

  @Test
  void knownNumbersAndTheirErrors() {
    assertThat(CnResidentIds.withCheckCharacter("11010519491231002"))
        .isEqualTo("11010519491231002X");
    customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, "11010519491231002X"));
    customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, "440524188001010014"));
    assertThatThrownBy(
            () -> customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, "11010519491231002x")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customer.idDocuments[0].number")
        .hasMessageContaining("'1****' (18 characters)")
        .hasMessageNotContaining("11010519491231002x")
        .hasMessageContaining("17 digits");
    assertThatThrownBy(
            () -> customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, "110105194912310021")))
        .hasMessageContaining("check character")
        .hasMessageNotContaining("110105194912310021");
    assertThatThrownBy(
            () -> customerWith(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, "1101051949123100")))
        .hasMessageContaining("'1****' (16 characters)")
        .hasMessageNotContaining("1101051949123100");
    assertThatThrownBy(
            () ->
                Customer.builder("C-1")
                    .name("张三")
                    .phone("13812345678")
                    .idDocument(IdDocumentType.PASSPORT, "E12345678")
                    .idDocument(IdDocumentType.PASSPORT, "E1234 5678")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("customer.idDocuments[1].number"))
        .hasMessageNotContaining("E1234 5678");
    customerWith(IdDocument.of(IdDocumentType.DRIVING_LICENCE, "粤B-驾 0012"));
    customerWith(IdDocument.of(IdDocumentType.of("HK_MACAO_PERMIT"), "H12345678"));
  }

  @Test
  void documentsThemselvesCheckOnlyGenericRules() {
    assertThat(IdDocument.of(IdDocumentType.CN_RESIDENT_ID, "11****34").number())
        .isEqualTo("11****34");
    assertThatThrownBy(() -> IdDocument.of(null, "123"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("idDocument.type");
    assertThatThrownBy(() -> IdDocument.of(IdDocumentType.OTHER, " "))
        .hasMessageContaining("idDocument.number");
    assertThatThrownBy(
            () -> IdDocument.of(IdDocumentType.OTHER, "A".repeat(30) + "SECRET" + "9".repeat(30)))
        .hasMessageContaining("at most 64")
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> IdDocument.of(IdDocumentType.OTHER, "12345\n6789"))
        .hasMessageContaining("control");
    assertThatThrownBy(() -> IdDocumentType.of("passport"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("idDocumentType");
    assertThat(IdDocumentType.of("PASSPORT")).isEqualTo(IdDocumentType.PASSPORT);
    assertThat(IdDocument.of(IdDocumentType.PASSPORT, "E12345678").toString())
        .isEqualTo("IdDocument[type=PASSPORT, number=E1****78]");
  }
}
