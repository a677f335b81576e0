/** Rendering of alert digests (Mustache templates, snippets with highlighted terms) and the ledger's documents. */
package dev.vigie.jobs.mail.internal;
