package io.loopdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Customer;
import io.loopdesk.api.IdDocumentType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseResidentIdsTest {

  @Test
  void theStandardsWorkedExampleEndsInX() {
    // GB 11643-1999's example: Beijing Chaoyang, born 1949-12-31, sequence 002
    assertThat(ChineseResidentIds.of("110105", LocalDate.of(1949, 12, 31), 2))
        .isEqualTo("11010519491231002X");
    assertThat(ChineseResidentIds.isValid("11010519491231002X")).isTrue();
  }

  @Test
  void aWrongCheckCharacterAnImpossibleDateOrANonMainlandPrefixIsInvalid() {
    assertThat(ChineseResidentIds.isValid("110105194912310021")).isFalse();
    String feb30 = "11010519490230002";
    assertThat(ChineseResidentIds.isValid(feb30 + ChineseResidentIds.checkCharacter(feb30)))
        .isFalse();
    String hongKong = "81010519491231002";
    assertThat(ChineseResidentIds.isValid(hongKong + ChineseResidentIds.checkCharacter(hongKong)))
        .isFalse();
    assertThat(ChineseResidentIds.isValid(null)).isFalse();
    assertThat(ChineseResidentIds.isValid("1101051949123100")).isFalse();
  }

  @Test
  void theApiAcceptsWhatTheKitBuilds() {
    String number = ChineseResidentIds.of("440305", LocalDate.of(1990, 2, 28), 123);
    Customer customer =
        Customer.builder("C-1")
            .name("王芳")
            .phone("13800138000")
            .idDocument(IdDocumentType.CN_RESIDENT_ID, number)
            .build();
    assertThat(customer.idDocuments()).hasSize(1);
  }

  @Test
  void badPartsAreRefused() {
    assertThatThrownBy(() -> ChineseResidentIds.of("11010", LocalDate.of(1990, 1, 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseResidentIds.of("110105", LocalDate.of(1890, 1, 1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseResidentIds.of("110105", LocalDate.of(1990, 1, 1), 1000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChineseResidentIds.checkCharacter("1101A519491231002"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
