/** Tests of the deployment files that tie to the data contract (scripts, compose, Kubernetes). */
package dev.vigie.dashboards.deploy;
