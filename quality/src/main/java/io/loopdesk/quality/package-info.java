/**
 * Quality assurance: {@link io.loopdesk.quality.QualitySampler} draws a reproducible stratified
 * sample of finished tickets for review, {@link io.loopdesk.quality.Scorecard} records a review on
 * service attitude, business knowledge and process compliance, and {@link
 * io.loopdesk.quality.QualityLedger} keeps each agent's record and flags agents for retraining.
 */
package io.loopdesk.quality;
