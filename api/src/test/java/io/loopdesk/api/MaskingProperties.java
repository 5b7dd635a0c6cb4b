package io.loopdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Masks of addresses and ID numbers; every mask is idempotent and never longer than needed. */
class MaskingProperties {

  @Test
  void addressesKeepTheirFirstThreeCharacters() {
    assertThat(Masking.address("北京市朝阳区建国路88号")).isEqualTo("北京市****");
    assertThat(Masking.address("12 Baker Street, London")).isEqualTo("12 ****");
    assertThat(Masking.address("🏠🏠🏠🏠 Main St")).isEqualTo("🏠🏠🏠****");
    assertThat(Masking.address("上海市浦东区")).isEqualTo("****");
    assertThat(Masking.address("")).isEmpty();
    assertThat(Masking.address(null)).isNull();
  }

  @Test
  void idNumbersKeepTheirFirstAndLastTwoCharacters() {
    assertThat(Masking.idNumber("110105194912310021")).isEqualTo("11****21");
    assertThat(Masking.idNumber("E12345678")).isEqualTo("E1****78");
    assertThat(Masking.idNumber("12345678")).isEqualTo("12****78");
    assertThat(Masking.idNumber("1234567")).isEqualTo("****");
    assertThat(Masking.idNumber("粤B驾照😀0012")).isEqualTo("粤B****12");
    assertThat(Masking.idNumber(null)).isNull();
  }

  @Property(tries = 300)
  void everyMaskIsIdempotent(@ForAll String value) {
    for (UnaryOperator<String> mask :
        java.util.List.<UnaryOperator<String>>of(
            Masking::name, Masking::phone, Masking::email, Masking::address, Masking::idNumber)) {
      String once = mask.apply(value);
      assertThat(mask.apply(once)).isEqualTo(once);
    }
  }

  @Property(tries = 300)
  void maskedAddressesAndIdNumbersShowAtMostFourCharacters(@ForAll String value) {
    String address = Masking.address(value);
    String number = Masking.idNumber(value);
    assertThat(address.replace("****", "").codePointCount(0, address.replace("****", "").length()))
        .isLessThanOrEqualTo(3);
    assertThat(number.replace("****", "").codePointCount(0, number.replace("****", "").length()))
        .isLessThanOrEqualTo(4);
  }
}
