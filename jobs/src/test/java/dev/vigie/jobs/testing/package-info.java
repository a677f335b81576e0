/**
 * Test helpers of the jobs module: a TCP proxy that can cut a connection on demand, and an SMTP server that can hold
 * its acknowledgements or refuse messages.
 */
package dev.vigie.jobs.testing;
