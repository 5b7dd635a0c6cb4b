/**
 * Access control and personal-data protection: {@link io.loopdesk.access.AccessControl} hands out
 * {@link io.loopdesk.access.SecuredServiceDesk} views that enforce an {@link
 * io.loopdesk.access.AccessPolicy} of roles, permissions and scopes, audit denied actions and role
 * changes in an {@link io.loopdesk.access.AuditLog} and mask personal data per role; {@link
 * io.loopdesk.access.EncryptingTicketStore} encrypts personal data at rest with AES-GCM.
 */
package io.loopdesk.access;
