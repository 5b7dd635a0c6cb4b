package io.loopdesk.api;

/** Test oracle for Chinese resident ID numbers, written independently of {@link IdDocument}. */
final class CnResidentIds {
  private CnResidentIds() {}

  /** Returns the 18-character number for 17 digits, with the ISO 7064 MOD 11-2 check character. */
  static String withCheckCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int weight = (1 << (17 - i)) % 11;
      sum += (first17.charAt(i) - '0') * weight;
    }
    int check = (12 - sum % 11) % 11;
    return first17 + (check == 10 ? "X" : Integer.toString(check));
  }
}
