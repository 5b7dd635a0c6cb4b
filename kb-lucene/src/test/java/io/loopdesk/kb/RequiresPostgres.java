package io.loopdesk.kb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, on JUnit Jupiter and on jqwik alike, unless {@code LOOPDESK_PG_URL} names a
 * PostgreSQL database (run under {@code store-jdbc/scripts/with-postgres.sh}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
@AddLifecycleHook(RequiresPostgres.Condition.class)
@interface RequiresPostgres {

  /** The condition for both engines. */
  final class Condition implements ExecutionCondition, SkipExecutionHook {
    private static final String REASON =
        "LOOPDESK_PG_URL is not set: run under store-jdbc/scripts/with-postgres.sh";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return KbDatabases.postgresConfigured()
          ? ConditionEvaluationResult.enabled("PostgreSQL configured")
          : ConditionEvaluationResult.disabled(REASON);
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return KbDatabases.postgresConfigured() ? SkipResult.doNotSkip() : SkipResult.skip(REASON);
    }
  }
}
