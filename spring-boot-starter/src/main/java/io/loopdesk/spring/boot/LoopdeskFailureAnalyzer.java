package io.loopdesk.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an invalid {@code loopdesk.*} configuration at start-up by the property that is wrong.
 */
public final class LoopdeskFailureAnalyzer
    extends AbstractFailureAnalyzer<LoopdeskConfigurationException> {

  /** Creates the analyzer; Spring Boot instantiates it from {@code META-INF/spring.factories}. */
  public LoopdeskFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, LoopdeskConfigurationException cause) {
    return new FailureAnalysis(
        "The Loopdesk desk definition is invalid at property '"
            + cause.property()
            + "': "
            + cause.problem(),
        "Correct '"
            + cause.property()
            + "' in your application.yml (or other property source). The keys and "
            + "values are those of io.loopdesk.desk.DeskDefinition; see the loopdesk-spring-boot-starter README.",
        cause);
  }
}
