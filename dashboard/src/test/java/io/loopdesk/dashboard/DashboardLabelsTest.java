package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Labels follow the browser's languages. */
class DashboardLabelsTest {
  private final DashboardLabels labels = new DashboardLabels();

  private String language(Locale... locales) {
    return labels.language(Collections.enumeration(List.of(locales)));
  }

  @Test
  void theFirstChineseOrEnglishLanguageWinsAndEnglishIsTheFallback() {
    assertThat(language(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)).isEqualTo("zh");
    assertThat(language(Locale.forLanguageTag("zh-TW"))).isEqualTo("zh");
    assertThat(language(Locale.GERMAN, Locale.US, Locale.CHINESE)).isEqualTo("en");
    assertThat(language(Locale.FRENCH)).isEqualTo("en");
    assertThat(language()).isEqualTo("en");
    assertThat(labels.language(null)).isEqualTo("en");
  }

  @Test
  void bothLanguagesLabelEveryKey() {
    assertThat(labels.labels("zh").keySet()).isEqualTo(labels.labels("en").keySet());
    assertThat(labels.label("zh", "tile.fcr")).isEqualTo("首次解决率");
    assertThat(labels.label("en", "tile.fcr")).isEqualTo("First-contact resolution");
    assertThat(labels.label("fr", "tile.fcr")).isEqualTo("First-contact resolution");
    assertThat(labels.label("en", "no.such.key")).isEqualTo("no.such.key");
  }
}
