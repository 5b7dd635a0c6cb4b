/**
 * Search-engine-neutral knowledge base: articles (FAQs, scripts, manuals, policies, improvement
 * cases) with version history and effective dates, searched by agents, suggested for tickets and
 * ranked by usage feedback.
 *
 * <p>The entry point is {@link io.loopdesk.api.kb.KnowledgeBase}; the Lucene implementation lives in
 * the {@code loopdesk-kb-lucene} module. Nothing in this package refers to a search engine.
 */
package io.loopdesk.api.kb;
