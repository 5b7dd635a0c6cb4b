package io.loopdesk.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The dashboard's labels in English and Chinese, chosen by the browser's languages (the request's
 * {@code Accept-Language}): the first of them that is Chinese or English wins, English when none
 * is. Immutable and thread-safe.
 */
public final class DashboardLabels {

  private final Map<String, Map<String, String>> byLanguage;

  /** Loads the built-in labels. */
  public DashboardLabels() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put("en", load("labels_en.properties"));
    m.put("zh", load("labels_zh.properties"));
    this.byLanguage = Collections.unmodifiableMap(m);
  }

  /**
   * Returns the language to use for the browser's preferred locales.
   *
   * @param locales the request's locales, most preferred first
   * @return {@code zh} or {@code en}
   */
  public String language(Enumeration<Locale> locales) {
    if (locales != null) {
      while (locales.hasMoreElements()) {
        String language = locales.nextElement().getLanguage();
        if (byLanguage.containsKey(language)) {
          return language;
        }
      }
    }
    return "en";
  }

  /**
   * Returns every label of a language.
   *
   * @param language {@code zh} or {@code en}; any other gives English
   * @return the labels by key
   */
  public Map<String, String> labels(String language) {
    return byLanguage.getOrDefault(language, byLanguage.get("en"));
  }

  /**
   * Returns one label, or the key itself when there is none.
   *
   * @param language the language
   * @param key the key, e.g. {@code tile.fcr}
   * @return the label
   */
  public String label(String language, String key) {
    return labels(language).getOrDefault(key, key);
  }

  private static Map<String, String> load(String name) {
    try (InputStream in = DashboardLabels.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing dashboard labels " + name);
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> out = new LinkedHashMap<>();
      for (String key : p.stringPropertyNames()) {
        out.put(key, p.getProperty(key));
      }
      return Collections.unmodifiableMap(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
