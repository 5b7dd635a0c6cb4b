/**
 * The archive and the personal-data lifecycle: closed tickets move to an archive after a
 * configurable period ({@link io.loopdesk.archive.TicketArchiver}), are sealed for everyone ({@link
 * io.loopdesk.archive.ArchiveSealingTicketStore}) and read with their personal data only by roles
 * granted {@code READ_ARCHIVE} ({@link io.loopdesk.archive.TicketArchive}); customers' personal
 * data is erased on request by destroying their data key ({@link
 * io.loopdesk.archive.ErasureService}), with a report ({@link io.loopdesk.archive.ErasureReport})
 * and histories that still verify ({@link io.loopdesk.archive.ErasedHistoryVerifier}). JDBC
 * implementations for H2 and PostgreSQL use the tables of schema version 6 of {@code
 * loopdesk-store-jdbc}.
 */
package io.loopdesk.archive;
