package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The customer a ticket is for. Immutable.
 *
 * <p>The customer id and the tier are not personal data and are always in clear. Name, phone,
 * e-mail, postal address and identity documents are personal data, held in one of three {@link
 * PersonalDataForm forms}:
 *
 * <ul>
 *   <li>{@link PersonalDataForm#CLEAR CLEAR}: as given, fully validated; built with {@link
 *       #builder(String)} or {@link #of(String, String, String, String)}.
 *   <li>{@link PersonalDataForm#MASKED MASKED}: every personal field holds its {@link Masking}
 *       output; built with {@link #masked()}. Only length limits are checked, so masked customers
 *       read back from JSON.
 *   <li>{@link PersonalDataForm#SEALED SEALED}: the personal fields are absent and {@link
 *       #sealed()} holds them encrypted; built with {@link #ofSealed(String, CustomerTier,
 *       SealedPersonalData)}. The accessors that return personal data directly ({@link #name()},
 *       {@link #phone()}, {@link #email()}, {@link #address()}, {@link #idDocuments()}) throw
 *       {@link IllegalStateException} for a sealed customer; the {@code Optional} accessors ({@link
 *       #phoneNumber()}, {@link #emailAddress()}, {@link #postalAddress()}) return empty.
 * </ul>
 *
 * <p>{@link #toString()} never shows personal data in clear nor the ciphertext; validation errors
 * mask the rejected value. {@code equals} compares every field, the form included.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public final class Customer {
  /** Longest accepted name, in characters. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Longest accepted phone number, in characters. */
  public static final int MAX_PHONE_LENGTH = 32;

  /** Longest accepted e-mail address, in characters. */
  public static final int MAX_EMAIL_LENGTH = 254;

  /** Longest accepted postal address, in characters. */
  public static final int MAX_ADDRESS_LENGTH = 500;

  /** Most identity documents per customer. */
  public static final int MAX_ID_DOCUMENTS = 10;

  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{2,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Masking may lengthen a value by its four stars (e.g. a one-letter e-mail local part). */
  private static final int MASK_ALLOWANCE = 4;

  private final String customerId;
  private final PersonalDataForm form;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final String name;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final String phone;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final String email;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final String address;

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private final List<IdDocument> idDocuments;

  @JsonInclude(JsonInclude.Include.NON_NULL)
  private final SealedPersonalData sealed;

  private final CustomerTier tier;

  private Customer(
      String customerId,
      PersonalDataForm form,
      String name,
      String phone,
      String email,
      String address,
      List<IdDocument> idDocuments,
      SealedPersonalData sealed,
      CustomerTier tier) {
    this.customerId = Checks.text("customer.customerId", customerId, 64);
    this.form = Checks.notNull("customer.form", form);
    this.tier = Checks.notNull("customer.tier", tier);
    this.name = name;
    this.phone = phone;
    this.email = email;
    this.address = address;
    this.idDocuments = copyOf(idDocuments);
    this.sealed = sealed;
    if (form == PersonalDataForm.SEALED) {
      checkSealed();
    } else {
      checkPersonalData();
    }
  }

  @JsonCreator
  private static Customer fromJson(
      @JsonProperty("customerId") String customerId,
      @JsonProperty("form") PersonalDataForm form,
      @JsonProperty("name") String name,
      @JsonProperty("phone") String phone,
      @JsonProperty("email") String email,
      @JsonProperty("address") String address,
      @JsonProperty("idDocuments") List<IdDocument> idDocuments,
      @JsonProperty("sealed") SealedPersonalData sealed,
      @JsonProperty("tier") CustomerTier tier) {
    return new Customer(
        customerId,
        form == null ? PersonalDataForm.CLEAR : form,
        name,
        phone,
        email,
        address,
        idDocuments,
        sealed,
        tier);
  }

  /**
   * Returns a builder for a customer in clear form.
   *
   * @param customerId the host CRM's customer reference (not personal data), 1-64 characters
   * @return the builder, with tier {@link CustomerTier#STANDARD}
   */
  public static Builder builder(String customerId) {
    return new Builder(customerId);
  }

  /**
   * Returns a standard-tier customer in clear form.
   *
   * @param customerId the CRM reference
   * @param name the name
   * @param phone the phone, or null
   * @param email the e-mail, or null
   * @return the customer
   * @throws ValidationException if a field is invalid
   */
  public static Customer of(String customerId, String name, String phone, String email) {
    return builder(customerId).name(name).phone(phone).email(email).build();
  }

  /**
   * Returns a customer whose personal data is sealed, e.g. encrypted at rest by a store decorator.
   *
   * @param customerId the CRM reference
   * @param tier the tier
   * @param data the encrypted personal data
   * @return the customer in {@link PersonalDataForm#SEALED} form
   * @throws ValidationException if a field is missing or invalid
   */
  public static Customer ofSealed(String customerId, CustomerTier tier, SealedPersonalData data) {
    return new Customer(
        customerId, PersonalDataForm.SEALED, null, null, null, null, List.of(), data, tier);
  }

  /** Returns the host CRM's customer reference (not personal data). */
  public String customerId() {
    return customerId;
  }

  /** Returns the commercial tier. */
  public CustomerTier tier() {
    return tier;
  }

  /** Returns the form in which the personal data is held. */
  public PersonalDataForm form() {
    return form;
  }

  /**
   * Returns the name (masked in {@link PersonalDataForm#MASKED} form).
   *
   * @return the name, never null
   * @throws IllegalStateException if the customer is sealed
   */
  public String name() {
    requireReadable("name");
    return name;
  }

  /**
   * Returns the phone number (masked in {@link PersonalDataForm#MASKED} form).
   *
   * @return the phone, or null if unknown
   * @throws IllegalStateException if the customer is sealed
   */
  public String phone() {
    requireReadable("phone");
    return phone;
  }

  /**
   * Returns the e-mail address (masked in {@link PersonalDataForm#MASKED} form).
   *
   * @return the e-mail, or null if unknown
   * @throws IllegalStateException if the customer is sealed
   */
  public String email() {
    requireReadable("email");
    return email;
  }

  /**
   * Returns the postal address (masked in {@link PersonalDataForm#MASKED} form).
   *
   * @return the address, or null if unknown
   * @throws IllegalStateException if the customer is sealed
   */
  public String address() {
    requireReadable("address");
    return address;
  }

  /**
   * Returns the identity documents (numbers masked in {@link PersonalDataForm#MASKED} form).
   *
   * @return an immutable list, empty if none are known
   * @throws IllegalStateException if the customer is sealed
   */
  public List<IdDocument> idDocuments() {
    requireReadable("idDocuments");
    return idDocuments;
  }

  /** Returns the phone number if known; empty for a sealed customer. */
  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phone);
  }

  /** Returns the e-mail address if known; empty for a sealed customer. */
  public Optional<String> emailAddress() {
    return Optional.ofNullable(email);
  }

  /** Returns the postal address if known; empty for a sealed customer. */
  public Optional<String> postalAddress() {
    return Optional.ofNullable(address);
  }

  /** Returns the encrypted personal data of a sealed customer; empty in the other forms. */
  public Optional<SealedPersonalData> sealed() {
    return Optional.ofNullable(sealed);
  }

  /** Returns a copy with another tier, in the same form. */
  public Customer withTier(CustomerTier newTier) {
    return new Customer(
        customerId, form, name, phone, email, address, idDocuments, sealed, newTier);
  }

  /**
   * Returns this customer with every personal field replaced by its {@link Masking} output: name
   * {@code 张*}, phone {@code 138****5678}, e-mail {@code a****@example.com}, address {@code
   * 北京市****}, ID numbers {@code 11****34}. Idempotent: a masked customer is returned as it is, and
   * so is a sealed one, which shows no personal data.
   *
   * @return the customer in {@link PersonalDataForm#MASKED} form, or this customer if not in clear
   */
  public Customer masked() {
    if (form != PersonalDataForm.CLEAR) {
      return this;
    }
    return new Customer(
        customerId,
        PersonalDataForm.MASKED,
        Masking.name(name),
        Masking.phone(phone),
        Masking.email(email),
        Masking.address(address),
        idDocuments.stream().map(IdDocument::masked).toList(),
        null,
        tier);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Customer c)) {
      return false;
    }
    return customerId.equals(c.customerId)
        && form == c.form
        && Objects.equals(name, c.name)
        && Objects.equals(phone, c.phone)
        && Objects.equals(email, c.email)
        && Objects.equals(address, c.address)
        && idDocuments.equals(c.idDocuments)
        && Objects.equals(sealed, c.sealed)
        && tier == c.tier;
  }

  @Override
  public int hashCode() {
    return Objects.hash(customerId, form, name, phone, email, address, idDocuments, sealed, tier);
  }

  /** Returns a description with the personal data masked and without ciphertext. */
  @Override
  public String toString() {
    if (form == PersonalDataForm.SEALED) {
      return "Customer[customerId="
          + customerId
          + ", form=SEALED, sealed="
          + sealed
          + ", tier="
          + tier
          + "]";
    }
    return "Customer[customerId="
        + customerId
        + ", form="
        + form
        + ", name="
        + Masking.name(name)
        + ", phone="
        + Masking.phone(phone)
        + ", email="
        + Masking.email(email)
        + ", address="
        + Masking.address(address)
        + ", idDocuments="
        + idDocuments
        + ", tier="
        + tier
        + "]";
  }

  private void requireReadable(String field) {
    if (form == PersonalDataForm.SEALED) {
      throw new IllegalStateException(
          "The personal data of customer "
              + customerId
              + " is sealed (encrypted with key "
              + sealed.keyId()
              + "), so its "
              + field
              + " cannot be read; read the ticket through the store decorator that sealed it");
    }
  }

  private static List<IdDocument> copyOf(List<IdDocument> documents) {
    if (documents == null) {
      return List.of();
    }
    for (int i = 0; i < documents.size(); i++) {
      Checks.notNull("customer.idDocuments[" + i + "]", documents.get(i));
    }
    return List.copyOf(documents);
  }

  private void checkSealed() {
    Checks.notNull("customer.sealed", sealed);
    absent("customer.name", name);
    absent("customer.phone", phone);
    absent("customer.email", email);
    absent("customer.address", address);
    if (!idDocuments.isEmpty()) {
      throw new ValidationException(
          "customer.idDocuments",
          idDocuments.size() + " documents",
          "must be absent when the personal data is sealed");
    }
  }

  private static void absent(String field, String value) {
    if (value != null) {
      throw new ValidationException(
          field, value, "must be absent when the personal data is sealed");
    }
  }

  private void checkPersonalData() {
    boolean clear = form == PersonalDataForm.CLEAR;
    int allowance = clear ? 0 : MASK_ALLOWANCE;
    if (sealed != null) {
      throw new ValidationException(
          "customer.sealed", sealed, "must be absent unless the form is SEALED");
    }
    if (name == null || name.isBlank()) {
      throw new ValidationException(
          "customer.name", name, name == null ? "must not be null" : "must not be blank");
    }
    maxLength("customer.name", name, MAX_NAME_LENGTH + allowance);
    if (phone != null) {
      maxLength("customer.phone", phone, MAX_PHONE_LENGTH + allowance);
      if (clear && !PHONE.matcher(phone).matches()) {
        throw new ValidationException(
            "customer.phone", phone, "must be digits, optionally with +, spaces or dashes");
      }
      notBlankIfPresent("customer.phone", phone);
    }
    if (email != null) {
      maxLength("customer.email", email, MAX_EMAIL_LENGTH + allowance);
      if (clear && !EMAIL.matcher(email).matches()) {
        throw new ValidationException("customer.email", email, "must look like name@domain.tld");
      }
      notBlankIfPresent("customer.email", email);
    }
    if (phone == null && email == null) {
      throw new ValidationException(
          "customer.phone",
          null,
          "a customer needs a phone or an e-mail so that a callback is possible");
    }
    if (address != null) {
      if (address.isBlank()) {
        throw new ValidationException(
            "customer.address", address, "must not be blank (leave it null when unknown)");
      }
      maxLength("customer.address", address, MAX_ADDRESS_LENGTH + allowance);
    }
    if (idDocuments.size() > MAX_ID_DOCUMENTS) {
      throw new ValidationException(
          "customer.idDocuments",
          idDocuments.size() + " documents",
          "must be at most " + MAX_ID_DOCUMENTS);
    }
    if (clear) {
      for (int i = 0; i < idDocuments.size(); i++) {
        idDocuments.get(i).checkFormat("customer.idDocuments[" + i + "].number");
      }
    }
  }

  private static void notBlankIfPresent(String field, String value) {
    if (value.isBlank()) {
      throw new ValidationException(field, value, "must not be blank (leave it null when unknown)");
    }
  }

  private static void maxLength(String field, String value, int max) {
    if (value.length() > max) {
      throw ValidationException.tooLong(field, value.length(), max);
    }
  }

  /** Builds customers in {@link PersonalDataForm#CLEAR} form; not thread-safe. */
  public static final class Builder {
    private final String customerId;
    private String name;
    private String phone;
    private String email;
    private String address;
    private final List<IdDocument> idDocuments = new ArrayList<>();
    private CustomerTier tier = CustomerTier.STANDARD;

    private Builder(String customerId) {
      this.customerId = customerId;
    }

    /** Sets the name (required, at most {@value Customer#MAX_NAME_LENGTH} characters). */
    public Builder name(String value) {
      this.name = value;
      return this;
    }

    /** Sets the phone: digits, optionally with +, spaces or dashes; null if unknown. */
    public Builder phone(String value) {
      this.phone = value;
      return this;
    }

    /** Sets the e-mail address; null if unknown. A phone or an e-mail is required. */
    public Builder email(String value) {
      this.email = value;
      return this;
    }

    /**
     * Sets the postal address, free text of at most {@value Customer#MAX_ADDRESS_LENGTH}
     * characters; null if unknown.
     */
    public Builder address(String value) {
      this.address = value;
      return this;
    }

    /** Adds an identity document. */
    public Builder idDocument(IdDocument value) {
      this.idDocuments.add(value);
      return this;
    }

    /** Adds an identity document of the given type and number. */
    public Builder idDocument(IdDocumentType type, String number) {
      return idDocument(IdDocument.of(type, number));
    }

    /** Replaces the identity documents added so far. */
    public Builder idDocuments(List<IdDocument> values) {
      this.idDocuments.clear();
      if (values != null) {
        this.idDocuments.addAll(values);
      }
      return this;
    }

    /** Sets the tier (default {@link CustomerTier#STANDARD}). */
    public Builder tier(CustomerTier value) {
      this.tier = value;
      return this;
    }

    /**
     * Builds the customer.
     *
     * @return the customer in {@link PersonalDataForm#CLEAR} form
     * @throws ValidationException naming the first invalid field, with personal data masked
     */
    public Customer build() {
      return new Customer(
          customerId, PersonalDataForm.CLEAR, name, phone, email, address, idDocuments, null, tier);
    }
  }
}
