package io.loopdesk.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A host application for the starter's tests: the starter and Spring Boot's own auto-configuration
 * only.
 */
@SpringBootApplication
public class TestApplication {}
