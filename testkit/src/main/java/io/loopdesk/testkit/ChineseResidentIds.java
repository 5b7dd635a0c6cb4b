package io.loopdesk.testkit;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Facts about mainland Chinese resident identity numbers (GB 11643-1999), for tests: 6 digits of
 * region code (GB/T 2260), 8 digits of birth date {@code yyyyMMdd}, 3 digits of sequence (odd for
 * men) and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>{@link #REGION_CODES} is a fixed sample of real county-level region codes, which the {@link
 * LoopdeskArbitraries#chineseResidentIdNumbers() arbitrary} draws from. Stateless and thread-safe.
 */
public final class ChineseResidentIds {
  /**
   * County-level region codes (GB/T 2260) that generated numbers start with, one or more per
   * province-level region sampled.
   */
  public static final List<String> REGION_CODES =
      List.of(
          "110101", "110105", "110108", // Beijing: Dongcheng, Chaoyang, Haidian
          "120101", "120104", // Tianjin: Heping, Nankai
          "130102", "130104", // Shijiazhuang: Chang'an, Qiaoxi
          "210102", "210202", // Shenyang Heping, Dalian Zhongshan
          "220102", // Changchun Nanguan
          "230102", // Harbin Daoli
          "310101", "310104", "310115", // Shanghai: Huangpu, Xuhui, Pudong
          "320102", "320505", // Nanjing Xuanwu, Suzhou Huqiu
          "330102", "330106", // Hangzhou: Shangcheng, Xihu
          "340102", // Hefei Yaohai
          "350102", // Fuzhou Gulou
          "360102", // Nanchang Donghu
          "370102", "370202", // Jinan Lixia, Qingdao Shinan
          "410102", // Zhengzhou Zhongyuan
          "420102", "420106", // Wuhan: Jiang'an, Wuchang
          "430102", // Changsha Furong
          "440103", "440106", "440304",
          "440305", // Guangzhou Liwan, Tianhe; Shenzhen Futian, Nanshan
          "450102", // Nanning Xingning
          "460105", // Haikou Xiuying
          "500103", // Chongqing Yuzhong
          "510104", "510107", // Chengdu: Jinjiang, Wuhou
          "520102", // Guiyang Nanming
          "530102", // Kunming Wuhua
          "610103", "610113", // Xi'an: Beilin, Yanta
          "620102", // Lanzhou Chengguan
          "630102", // Xining Chengdong
          "640104", // Yinchuan Xingqing
          "650102"); // Urumqi Tianshan

  /** Province-level prefixes (first two digits) of mainland region codes. */
  private static final List<String> PROVINCE_PREFIXES =
      List.of(
          "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
          "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
          "65");

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK_CHARACTERS = "10X98765432";

  private ChineseResidentIds() {}

  /**
   * Returns the check character of a number's first 17 digits (ISO 7064 MOD 11-2).
   *
   * @param first17 at least 17 characters, the first 17 of them digits
   * @return {@code 0-9} or {@code X}
   * @throws IllegalArgumentException if the first 17 characters are not digits
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() < 17) {
      throw new IllegalArgumentException("need 17 digits");
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("character " + (i + 1) + " is not a digit");
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  /**
   * Builds a number from its parts, computing the check character.
   *
   * @param regionCode six digits
   * @param birthDate the birth date, years 1900-2099
   * @param sequence 0-999; odd for men, even for women
   * @return the 18-character number
   * @throws IllegalArgumentException if a part is out of range
   */
  public static String of(String regionCode, LocalDate birthDate, int sequence) {
    if (regionCode == null || !regionCode.matches("[0-9]{6}")) {
      throw new IllegalArgumentException("region code must be six digits");
    }
    if (birthDate == null || birthDate.getYear() < 1900 || birthDate.getYear() > 2099) {
      throw new IllegalArgumentException("birth year must be 1900-2099");
    }
    if (sequence < 0 || sequence > 999) {
      throw new IllegalArgumentException("sequence must be 0-999");
    }
    String first17 =
        regionCode
            + String.format(
                "%04d%02d%02d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth())
            + String.format("%03d", sequence);
    return first17 + checkCharacter(first17);
  }

  /**
   * Returns whether a number has the full GB 11643 form: 17 digits and the matching check
   * character, a mainland province prefix, and a real calendar date of birth in 1900-2099.
   *
   * @param number the number, may be null
   * @return whether it is valid
   */
  public static boolean isValid(String number) {
    if (number == null || !number.matches("[0-9]{17}[0-9X]")) {
      return false;
    }
    if (!PROVINCE_PREFIXES.contains(number.substring(0, 2))) {
      return false;
    }
    return birthDate(number) != null && number.charAt(17) == checkCharacter(number);
  }

  private static LocalDate birthDate(String number) {
    int year = Integer.parseInt(number.substring(6, 10));
    if (year < 1900 || year > 2099) {
      return null;
    }
    try {
      return LocalDate.of(
          year,
          Integer.parseInt(number.substring(10, 12)),
          Integer.parseInt(number.substring(12, 14)));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
