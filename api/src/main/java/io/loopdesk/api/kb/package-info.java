/**
 * Search-engine-neutral knowledge base: articles (FAQs, scripts, manuals, policies, improvement
 * cases) with version history and effective dates, searched by agents, suggested for tickets and
 * ranked by usage feedback.
 *
 * <p>The entry point is {@link io.loopdesk.api.kb.KnowledgeBase}; the Lucene implementation lives
 * in the {@code loopdesk-kb-lucene} module. Nothing in this package refers to a search engine.
 *
 * <p>Articles are created as {@link io.loopdesk.api.kb.ArticleStatus#DRAFT drafts}, which agents
 * never see; build them with {@link io.loopdesk.api.kb.Article.Builder#published()} (or save a
 * published version) to make them searchable. Results report matches hidden because they are not
 * live in {@link io.loopdesk.api.kb.SearchResult#notLiveMatches()}.
 */
package io.loopdesk.api.kb;
