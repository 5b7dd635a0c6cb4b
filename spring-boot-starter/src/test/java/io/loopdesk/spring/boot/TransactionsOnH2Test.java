package io.loopdesk.spring.boot;

import io.loopdesk.spring.boot.app.TestApplication;
import org.springframework.boot.test.context.SpringBootTest;

/** The transaction contract on the embedded H2 database Spring Boot creates. */
@SpringBootTest(classes = TestApplication.class, properties = "loopdesk.monitor.period=PT0.2S")
class TransactionsOnH2Test extends TransactionContract {}
