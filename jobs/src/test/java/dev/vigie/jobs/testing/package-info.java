/** Test helpers of the jobs module: a TCP proxy that can cut a connection on demand. */
package dev.vigie.jobs.testing;
