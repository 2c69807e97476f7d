/**
 * Message templates: FreeMarker files under {@code templates/<strategy>/<channel>.ftl} rendered in a
 * sandbox (no {@code ?new}, no {@code ?api}, no files outside the templates folder, a missing variable is
 * an error), the data model they see, the channel rules a rendered message must pass (SMS length and
 * parts, signature and opt-out, WeCom bytes, email subject), and {@code templates list|validate|preview}.
 */
package dev.rekindle.template;
