/**
 * {@code campaigns report}: conversion and revenue of the contacted customers against the holdout group
 * within a window after the send, overall and by segment, stage and channel, with cost and return per
 * channel when prices per message are configured. Reads the campaign tables, the orders and, when present,
 * the delivery ledger (send time, messages) and the segmentation snapshot the campaign was planned on.
 */
package dev.rekindle.report.campaign;
