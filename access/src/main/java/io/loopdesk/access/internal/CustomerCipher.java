package io.loopdesk.access.internal;

import io.loopdesk.access.ErasedPersonalData;
import io.loopdesk.access.PersonalDataCryptoException;
import io.loopdesk.api.Customer;
import io.loopdesk.api.IdDocument;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.SealedPersonalData;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a customer's personal data (name, phone, e-mail, address, identity documents) into one
 * AES-GCM ciphertext (JDK provider, 96-bit random IV, 128-bit tag, the ticket id as associated data
 * so sealed data cannot be moved to another ticket) and opens it again.
 *
 * <p>The sealed customer is in {@link PersonalDataForm#SEALED} form with {@link
 * SealedPersonalData}: the key id and {@code base64url(iv | ciphertext | tag)}. The plaintext is a
 * format version byte followed by the fields in {@link DataOutputStream} encoding. Customer id and
 * tier stay in clear for queries and routing. With per-customer keys ({@link SealingKeys#of(
 * io.loopdesk.access.CustomerKeys)}) a customer whose key was erased opens as {@link
 * ErasedPersonalData}'s marker, which is stored and read back as it is. Thread-safe.
 */
public final class CustomerCipher {
  private static final byte FORMAT = 1;
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SealingKeys keys;
  private final SecureRandom random;

  /**
   * Creates the cipher.
   *
   * @param keys where keys come from
   * @param random the source of IVs
   */
  public CustomerCipher(SealingKeys keys, SecureRandom random) {
    this.keys = keys;
    this.random = random;
  }

  /**
   * Seals a customer's personal data. Only a customer in clear form is sealed: a masked one holds
   * no personal data in clear and a sealed one is already sealed, so both are returned unchanged.
   *
   * @param ticketId the ticket, bound as associated data
   * @param c the customer
   * @return the sealed customer
   * @throws PersonalDataCryptoException if the current key is unknown or malformed or encryption
   *     fails
   */
  public Customer seal(TicketId ticketId, Customer c) {
    if (c.form() != PersonalDataForm.CLEAR) {
      return c;
    }
    SealingKeys.Keyed keyed;
    try {
      keyed = keys.forSealing(c.customerId());
    } catch (LoopdeskException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(ticketId, "no key to seal with: " + e.getMessage(), e);
    }
    String keyId = keyed.keyId();
    SecretKey key = keyed.key();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    byte[] sealed;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(ticketId.value().getBytes(StandardCharsets.UTF_8));
      sealed = cipher.doFinal(plain(c));
    } catch (GeneralSecurityException e) {
      throw new PersonalDataCryptoException(
          ticketId, "encryption failed: " + e.getClass().getSimpleName(), e);
    }
    String ciphertext =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    try {
      return Customer.ofSealed(c.customerId(), c.tier(), new SealedPersonalData(keyId, ciphertext));
    } catch (LoopdeskException e) {
      throw new PersonalDataCryptoException(
          ticketId, "sealed personal data rejected: " + e.getMessage(), e);
    }
  }

  /**
   * Opens a sealed customer; a customer in clear or masked form, and the erased marker, are
   * returned unchanged, and a customer whose key was erased opens as the erased marker.
   *
   * @param ticketId the ticket it was sealed for
   * @param c the stored customer
   * @return the customer as it was before sealing
   * @throws PersonalDataCryptoException if the key is unknown, or the data was altered, sealed with
   *     another key or for another ticket
   */
  public Customer open(TicketId ticketId, Customer c) {
    if (c.form() != PersonalDataForm.SEALED) {
      return c;
    }
    if (ErasedPersonalData.isErased(c)) {
      return c;
    }
    SealedPersonalData data = c.sealed().orElseThrow();
    Optional<SecretKey> opening;
    try {
      opening = keys.forOpening(c.customerId(), data.keyId());
    } catch (LoopdeskException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(ticketId, e.getMessage(), e);
    }
    if (opening.isEmpty()) {
      return ErasedPersonalData.customer(c.customerId(), c.tier());
    }
    SecretKey key = opening.get();
    byte[] plain;
    try {
      byte[] all = Base64.getUrlDecoder().decode(data.ciphertext());
      if (all.length < IV_BYTES + TAG_BITS / 8) {
        throw new PersonalDataCryptoException(ticketId, "sealed personal data is truncated", null);
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(ticketId.value().getBytes(StandardCharsets.UTF_8));
      plain = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new PersonalDataCryptoException(
          ticketId,
          "sealed personal data cannot be opened (altered, wrong key or another ticket's data)",
          e);
    }
    try {
      return customer(c, plain);
    } catch (IOException | LoopdeskException e) {
      throw new PersonalDataCryptoException(
          ticketId, "sealed personal data is not a valid customer after decryption", e);
    }
  }

  private static byte[] plain(Customer c) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(c.name());
      writeOptional(out, c.phone());
      writeOptional(out, c.email());
      writeOptional(out, c.address());
      out.writeByte(c.idDocuments().size());
      for (IdDocument d : c.idDocuments()) {
        out.writeUTF(d.type().name());
        out.writeUTF(d.number());
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static void writeOptional(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static Customer customer(Customer sealed, byte[] plain) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      byte format = in.readByte();
      if (format != FORMAT) {
        throw new IOException("unknown plaintext format " + format);
      }
      Customer.Builder b =
          Customer.builder(sealed.customerId())
              .tier(sealed.tier())
              .name(in.readUTF())
              .phone(readOptional(in))
              .email(readOptional(in))
              .address(readOptional(in));
      int documents = in.readUnsignedByte();
      List<IdDocument> list = new ArrayList<>(documents);
      for (int i = 0; i < documents; i++) {
        list.add(IdDocument.of(IdDocumentType.of(in.readUTF()), in.readUTF()));
      }
      if (in.available() != 0) {
        throw new IOException("trailing bytes after the personal data");
      }
      return b.idDocuments(list).build();
    }
  }

  private static String readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
