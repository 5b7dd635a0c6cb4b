package io.loopdesk.access.internal;

import io.loopdesk.access.KeyProvider;
import io.loopdesk.access.PersonalDataCryptoException;
import io.loopdesk.api.Customer;
import io.loopdesk.api.TicketId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a customer's name, phone and e-mail with AES-GCM (JDK provider, 96-bit random IV, 128-bit
 * tag, the ticket id as associated data so a sealed customer cannot be moved to another ticket).
 *
 * <p>{@link Customer} validates its fields, so the sealed form must be a valid customer: the token
 * {@code ldk1.<keyId>.<base64url(iv|ciphertext|tag)>} is stored in the name (up to 200
 * characters), its remainder as the local part of the e-mail at {@value #SEALED_DOMAIN}, and the
 * phone is removed. Customer id and tier stay in clear for queries and routing. Thread-safe.
 */
public final class CustomerCipher {
  static final String PREFIX = "ldk1.";
  static final String SEALED_DOMAIN = "@sealed.loopdesk.invalid";
  private static final int NAME_MAX = 200;
  private static final int EMAIL_LOCAL_MAX = 254 - SEALED_DOMAIN.length();
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  private final KeyProvider keys;
  private final SecureRandom random;

  /**
   * Creates the cipher.
   *
   * @param keys the key provider
   * @param random the source of IVs
   */
  public CustomerCipher(KeyProvider keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /** Returns true if the customer is in sealed form. */
  public static boolean isSealed(Customer c) {
    return c.name().startsWith(PREFIX) && c.email() != null && c.email().endsWith(SEALED_DOMAIN);
  }

  /**
   * Seals a customer's personal data.
   *
   * @param ticketId the ticket, bound as associated data
   * @param c the customer in clear
   * @return the sealed customer
   */
  public Customer seal(TicketId ticketId, Customer c) {
    String keyId = keys.currentKeyId();
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new PersonalDataCryptoException(ticketId, "current key id must be 1-16 letters, digits, _ or -", null);
    }
    SecretKey key = keys.key(keyId).orElseThrow(() -> new PersonalDataCryptoException(ticketId, "key " + keyId + " is unknown", null));
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(ticketId.value().getBytes(StandardCharsets.UTF_8));
      sealed = cipher.doFinal(plain(c));
    } catch (GeneralSecurityException e) {
      throw new PersonalDataCryptoException(ticketId, "encryption failed: " + e.getClass().getSimpleName(), e);
    }
    String token = PREFIX + keyId + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    if (token.length() > NAME_MAX + EMAIL_LOCAL_MAX) {
      throw new PersonalDataCryptoException(
          ticketId, "personal data too long to seal in place (" + token.length() + " > " + (NAME_MAX + EMAIL_LOCAL_MAX) + " characters)", null);
    }
    String name = token.substring(0, Math.min(NAME_MAX, token.length()));
    String rest = token.substring(name.length());
    return new Customer(c.customerId(), name, null, (rest.isEmpty() ? "-" : rest) + SEALED_DOMAIN, c.tier());
  }

  /**
   * Opens a sealed customer; a customer in clear is returned unchanged.
   *
   * @param ticketId the ticket it was sealed for
   * @param c the stored customer
   * @return the customer in clear
   */
  public Customer open(TicketId ticketId, Customer c) {
    if (!isSealed(c)) {
      return c;
    }
    String local = c.email().substring(0, c.email().length() - SEALED_DOMAIN.length());
    String token = c.name() + (local.equals("-") ? "" : local);
    int dot = token.indexOf('.', PREFIX.length());
    if (dot < 0) {
      throw new PersonalDataCryptoException(ticketId, "sealed customer data is malformed", null);
    }
    String keyId = token.substring(PREFIX.length(), dot);
    SecretKey key = keys.key(keyId).orElseThrow(() -> new PersonalDataCryptoException(ticketId, "key " + keyId + " is unknown", null));
    try {
      byte[] all = Base64.getUrlDecoder().decode(token.substring(dot + 1));
      if (all.length < IV_BYTES + TAG_BITS / 8) {
        throw new PersonalDataCryptoException(ticketId, "sealed customer data is truncated", null);
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(ticketId.value().getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      return customer(c, plain);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(
          ticketId, "sealed customer data cannot be opened (altered, wrong key or another ticket's data)", e);
    }
  }

  private static byte[] plain(Customer c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(c.name());
      out.writeUTF(c.phone() == null ? "" : c.phone());
      out.writeUTF(c.email() == null ? "" : c.email());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static Customer customer(Customer sealed, byte[] plain) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      String name = in.readUTF();
      String phone = in.readUTF();
      String email = in.readUTF();
      return new Customer(sealed.customerId(), name, phone.isEmpty() ? null : phone, email.isEmpty() ? null : email, sealed.tier());
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed plaintext", e);
    }
  }
}
