package io.loopdesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three forms of a customer's personal data: validation, masking, sealing, toString. */
class CustomerTest {
  static final String ID_NUMBER = "11010519491231002X";
  static final String ADDRESS = "北京市朝阳区建国路88号 SOHO现代城 3-1702 🏠";

  static Customer full() {
    return Customer.builder("C-1")
        .name("欧阳娜娜")
        .phone("13987654321")
        .email("nana@example.com")
        .address(ADDRESS)
        .idDocument(IdDocumentType.CN_RESIDENT_ID, ID_NUMBER)
        .idDocument(IdDocumentType.PASSPORT, "E12345678")
        .tier(CustomerTier.VIP)
        .build();
  }

  static Customer sealedCustomer() {
    return Customer.ofSealed(
        "C-1",
        CustomerTier.VIP,
        new SealedPersonalData("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"));
  }

  @Test
  void aClearCustomerHoldsEveryField() {
    Customer c = full();
    assertThat(c.form()).isEqualTo(PersonalDataForm.CLEAR);
    assertThat(c.customerId()).isEqualTo("C-1");
    assertThat(c.name()).isEqualTo("欧阳娜娜");
    assertThat(c.phone()).isEqualTo("13987654321");
    assertThat(c.phoneNumber()).contains("13987654321");
    assertThat(c.email()).isEqualTo("nana@example.com");
    assertThat(c.address()).isEqualTo(ADDRESS);
    assertThat(c.postalAddress()).contains(ADDRESS);
    assertThat(c.idDocuments())
        .containsExactly(
            IdDocument.of(IdDocumentType.CN_RESIDENT_ID, ID_NUMBER),
            IdDocument.of(IdDocumentType.PASSPORT, "E12345678"));
    assertThat(c.sealed()).isEmpty();
    assertThat(c.tier()).isEqualTo(CustomerTier.VIP);
    assertThat(Customer.of("C-2", "张三", "13812345678", null))
        .isEqualTo(
            Customer.builder("C-2")
                .name("张三")
                .phone("13812345678")
                .tier(CustomerTier.STANDARD)
                .build());
    assertThat(c.withTier(CustomerTier.STANDARD).tier()).isEqualTo(CustomerTier.STANDARD);
  }

  @Test
  void documentListsAreImmutableCopies() {
    List<IdDocument> documents =
        new ArrayList<>(List.of(IdDocument.of(IdDocumentType.PASSPORT, "E12345678")));
    Customer c =
        Customer.builder("C-1").name("A").email("a@example.com").idDocuments(documents).build();
    documents.clear();
    assertThat(c.idDocuments()).hasSize(1);
    assertThatThrownBy(() -> c.idDocuments().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(
            () ->
                Customer.builder("C-1")
                    .name("A")
                    .email("a@example.com")
                    .idDocuments(Arrays.asList(null, null))
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("customer.idDocuments[0]"));
    List<IdDocument> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(IdDocument.of(IdDocumentType.OTHER, "N-" + i));
    }
    assertThatThrownBy(
            () ->
                Customer.builder("C-1")
                    .name("A")
                    .email("a@example.com")
                    .idDocuments(eleven)
                    .build())
        .hasMessageContaining("customer.idDocuments")
        .hasMessageContaining("at most 10");
  }

  @Test
  void clearFieldsAreValidatedWithTheValueMasked() {
    assertThatThrownBy(() -> full().withTier(null)).hasMessageContaining("customer.tier");
    assertThatThrownBy(
            () -> Customer.builder("C-1").name("张三").phone("13812345678").tier(null).build())
        .hasMessageContaining("customer.tier");
    assertThatThrownBy(
            () -> Customer.builder("C-1").name("张三").phone("13812345678").address("  ").build())
        .hasMessageContaining("customer.address");
    String longAddress = "上海市浦东新区" + "世纪大道".repeat(130);
    assertThatThrownBy(
            () ->
                Customer.builder("C-1")
                    .name("张三")
                    .phone("13812345678")
                    .address(longAddress)
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.value()).isEqualTo("527 characters"))
        .hasMessageContaining("at most 500")
        .hasMessageNotContaining("世纪大道");
    assertThatThrownBy(
            () -> Customer.builder("C-1").name("名字很长".repeat(60)).phone("13812345678").build())
        .hasMessageContaining("customer.name")
        .hasMessageNotContaining("名字很长");
    assertThatThrownBy(() -> Customer.builder("C-1").name("张三").build())
        .hasMessageContaining("customer.phone");
  }

  @Test
  void maskingKeepsEveryFieldMaskedAndIsIdempotent() {
    Customer masked = full().masked();
    assertThat(masked.form()).isEqualTo(PersonalDataForm.MASKED);
    assertThat(masked.name()).isEqualTo("欧*");
    assertThat(masked.phone()).isEqualTo("139****4321");
    assertThat(masked.email()).isEqualTo("n****@example.com");
    assertThat(masked.address()).isEqualTo("北京市****");
    assertThat(masked.idDocuments())
        .extracting(IdDocument::number)
        .containsExactly("11****2X", "E1****78");
    assertThat(masked.idDocuments())
        .extracting(IdDocument::type)
        .containsExactly(IdDocumentType.CN_RESIDENT_ID, IdDocumentType.PASSPORT);
    assertThat(masked.customerId()).isEqualTo("C-1");
    assertThat(masked.tier()).isEqualTo(CustomerTier.VIP);
    assertThat(masked.masked()).isSameAs(masked);
    assertThat(masked).isNotEqualTo(full()).isEqualTo(full().masked());
    assertThat(masked.withTier(CustomerTier.STANDARD).form()).isEqualTo(PersonalDataForm.MASKED);
    Customer phoneOnly = Customer.of("C-3", "Bob", "12345", null).masked();
    assertThat(phoneOnly.phone()).isEqualTo("****45");
    assertThat(phoneOnly.email()).isNull();
  }

  @Test
  void aSealedCustomerHidesItsDataAndSaysSoWhenAskedForIt() {
    Customer s = sealedCustomer();
    assertThat(s.form()).isEqualTo(PersonalDataForm.SEALED);
    assertThat(s.sealed()).map(SealedPersonalData::keyId).contains("k1");
    assertThat(s.phoneNumber()).isEmpty();
    assertThat(s.emailAddress()).isEmpty();
    assertThat(s.postalAddress()).isEmpty();
    assertThat(s.masked()).isSameAs(s);
    assertThat(s.withTier(CustomerTier.STANDARD).sealed()).isEqualTo(s.sealed());
    for (Runnable access :
        List.<Runnable>of(s::name, s::phone, s::email, s::address, s::idDocuments)) {
      assertThatThrownBy(access::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("customer C-1")
          .hasMessageContaining("sealed");
    }
    assertThat(s.toString())
        .isEqualTo(
            "Customer[customerId=C-1, form=SEALED, sealed=SealedPersonalData[keyId=k1, 43 characters], tier=VIP]");
    assertThat(s).isEqualTo(sealedCustomer()).hasSameHashCodeAs(sealedCustomer());
    assertThat(s)
        .isNotEqualTo(
            Customer.ofSealed(
                "C-1",
                CustomerTier.VIP,
                new SealedPersonalData("k2", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")));
  }

  @Test
  void sealedDataIsValidatedWithoutEchoingTheCiphertext() {
    assertThatThrownBy(() -> Customer.ofSealed("C-1", CustomerTier.VIP, null))
        .hasMessageContaining("customer.sealed");
    assertThatThrownBy(() -> new SealedPersonalData("bad key", "AAAA"))
        .hasMessageContaining("sealed.keyId");
    assertThatThrownBy(() -> new SealedPersonalData("k1", "AAAA+/=="))
        .hasMessageContaining("sealed.ciphertext")
        .hasMessageNotContaining("AAAA");
    assertThatThrownBy(() -> new SealedPersonalData("k1", "AAAAA"))
        .hasMessageContaining("base64url");
    assertThatThrownBy(() -> new SealedPersonalData("k1", ""))
        .hasMessageContaining("sealed.ciphertext");
    assertThatThrownBy(
            () ->
                new SealedPersonalData(
                    "k1", "A".repeat(SealedPersonalData.MAX_CIPHERTEXT_LENGTH + 4)))
        .hasMessageContaining("sealed.ciphertext");
  }

  @Test
  void toStringNeverShowsPersonalDataInAnyForm() {
    for (Customer c : List.of(full(), full().masked(), sealedCustomer())) {
      assertThat(c.toString())
          .doesNotContain(
              "欧阳",
              "13987654321",
              "nana@",
              "朝阳区",
              "建国路",
              "0519491231",
              "E12345678",
              "1234567",
              "AAECAwQF");
    }
    assertThat(full().toString())
        .isEqualTo(
            "Customer[customerId=C-1, form=CLEAR, name=欧*, phone=139****4321, email=n****@example.com, address=北京市****, "
                + "idDocuments=[IdDocument[type=CN_RESIDENT_ID, number=11****2X], IdDocument[type=PASSPORT, number=E1****78]], tier=VIP]");
    assertThat(full().masked().toString())
        .isEqualTo(full().toString().replace("form=CLEAR", "form=MASKED"));
  }
}
