package io.loopdesk.insights;

/**
 * A product and category that keep coming back, with how many tickets raised them.
 *
 * @param product the product or service
 * @param category the category code, or {@code UNCLASSIFIED}
 * @param tickets how many tickets
 */
public record RecurringProblem(String product, String category, long tickets) {}
