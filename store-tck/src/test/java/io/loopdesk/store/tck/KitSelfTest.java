package io.loopdesk.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.loopdesk.api.Ticket;
import io.loopdesk.api.spi.TicketStore;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit is only worth something if it fails on broken stores: each store below plants one bug,
 * and the kit, run through the JUnit Platform, must report the tests that catch it. A correct store
 * must pass every test.
 */
class KitSelfTest {

  @Test
  void aCorrectStorePassesEveryTest() {
    assertThat(failuresOf(CorrectKit.class)).isEmpty();
  }

  @Test
  void aStoreWithoutVersionCheckFailsTheConcurrencyTests() {
    assertThat(failuresOf(NoVersionCheckKit.class))
        .contains(
            "creatingAnExistingTicketConflictsAndWritesNothing",
            "aStaleUpdateConflictsAndWritesNothing",
            "aVersionGapConflictsAndWritesNothing",
            "ofConcurrentSavesOnOneVersionExactlyOneWins");
  }

  @Test
  void aStoreThatLosesNanosecondsFailsTheRoundTripTests() {
    assertThat(failuresOf(MillisecondKit.class))
        .contains(
            "everyFieldRoundTripsAfterEverySave", "instantsRoundTripToTheNanosecondFarFromToday");
  }

  @Test
  void aStoreThatOrdersByIdOnlyFailsTheQueryTests() {
    assertThat(failuresOf(IdOrderKit.class))
        .contains(
            "pagingWalksEveryMatchExactlyOnce",
            "resultsAreOrderedByCreationInstantThenIdAsJavaComparesStrings");
  }

  @Test
  void aStoreWithAnOffByOneHasMoreFailsThePagingTests() {
    assertThat(failuresOf(HasMoreKit.class))
        .contains(
            "pagingWalksEveryMatchExactlyOnce",
            "queriesReturnExactlyWhatTheReferenceSemanticsSelect");
  }

  @Test
  void aStoreThatWritesTheEventAfterTheTicketFailsTheAtomicityTest() {
    assertThat(failuresOf(SeparateEventKit.class))
        .contains("readersNeverSeeATicketWithoutTheEventThatProducedIt");
  }

  @Test
  void aCorrectFeedPassesEveryFeedTest() {
    assertThat(failuresOf(CorrectFeedKit.class)).isEmpty();
  }

  @Test
  void aFeedThatNumbersEventsBeforeTheyCommitFailsTheTailingTest() {
    assertThat(failuresOf(EarlyPositionFeedKit.class))
        .contains("concurrentWritersWithATailingReaderLoseAndDuplicateNothing");
  }

  @Test
  void aFeedWhoseSubscriptionsMoveBackwardsFailsTheSubscriptionTest() {
    assertThat(failuresOf(BackwardsSubscriptionFeedKit.class))
        .contains("subscriptionPositionsAreDurablePerNameAndOnlyMoveForward");
  }

  private static Set<String> failuresOf(Class<?> kit) {
    Set<String> failed = new TreeSet<>();
    TestExecutionListener listener =
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              String name = id.getDisplayName();
              failed.add(name.contains("(") ? name.substring(0, name.indexOf('(')) : name);
            }
          }
        };
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kit)).build(),
            listener);
    return failed;
  }

  // The kits below are run by the launcher above; their names keep Surefire from running them.

  static class CorrectKit extends TicketStoreConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore();
    }
  }

  static class NoVersionCheckKit extends TicketStoreConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        boolean checksVersions() {
          return false;
        }
      };
    }
  }

  static class MillisecondKit extends TicketStoreConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        Ticket stored(Ticket t) {
          return t.toBuilder()
              .createdAt(t.createdAt().truncatedTo(ChronoUnit.MILLIS))
              .updatedAt(t.updatedAt().truncatedTo(ChronoUnit.MILLIS))
              .build();
        }
      };
    }
  }

  static class IdOrderKit extends TicketStoreConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        Comparator<Ticket> order() {
          return Comparator.comparing(t -> t.id().value());
        }
      };
    }
  }

  static class HasMoreKit extends TicketStoreConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        boolean hasMore(int end, int total, int returned, int limit) {
          return returned == limit;
        }
      };
    }
  }

  static class SeparateEventKit extends TicketStoreConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        boolean eventWrittenSeparately() {
          return true;
        }
      };
    }
  }

  static class CorrectFeedKit extends TicketEventFeedConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore();
    }
  }

  static class EarlyPositionFeedKit extends TicketEventFeedConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        boolean positionTakenBeforeCommit() {
          return true;
        }
      };
    }

    @Override
    protected java.time.Duration settleTime() {
      return java.time.Duration.ofMillis(200);
    }
  }

  static class BackwardsSubscriptionFeedKit extends TicketEventFeedConformanceTest {
    @Override
    protected TicketStore newStore() {
      return new SimpleStore() {
        @Override
        boolean subscriptionsOnlyMoveForward() {
          return false;
        }
      };
    }
  }
}
