/** Benchmarks of the run job and of the Elasticsearch sink: commands that print numbers (jobs/bench/run-benchmark.sh). */
package dev.vigie.jobs.bench;
