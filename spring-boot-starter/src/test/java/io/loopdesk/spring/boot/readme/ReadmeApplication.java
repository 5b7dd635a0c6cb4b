package io.loopdesk.spring.boot.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The README's application: Spring Boot, the starter, and the README's {@link Complaints} service.
 */
@SpringBootApplication
class ReadmeApplication {}
