/**
 * Knowledge base on Apache Lucene, tuned for Chinese, English and mixed text.
 *
 * <p>Entry point: {@link io.loopdesk.kb.LuceneKnowledgeBase}, an implementation of {@link
 * io.loopdesk.api.kb.KnowledgeBase}:
 *
 * <pre>{@code
 * try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder()
 *     .directory(Path.of("/var/lib/loopdesk/kb"))   // or inMemory()
 *     .clock(clock)                                  // decides what is effective
 *     .synonyms(SynonymSet.afterSalesDefaults().with("扫地机", "robot vacuum"))
 *     .open()) {
 *   kb.save(Article.builder("policy-3g").title("三包政策").body("...")
 *       .kind(ArticleKind.POLICY).published().build());   // new articles are drafts unless published
 *   SearchResult result = kb.search(SearchRequest.of("保修 退货"));
 *   List<Hit> help = kb.suggestForTicket(ticketDescription, "AC-200", 5);
 *   kb.recordUsage(help.get(0).articleId(), ticketId);
 * }
 * }</pre>
 *
 * <p>Analysis and ranking choices are documented in {@link io.loopdesk.kb.internal.KbAnalyzers} and
 * {@link io.loopdesk.kb.internal.QueryFactory}; measured relevance and speed are in the module's
 * {@code BENCHMARKS.md}.
 */
package io.loopdesk.kb;
