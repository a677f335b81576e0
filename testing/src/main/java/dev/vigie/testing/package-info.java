/**
 * Test support shared by the modules' tests (a test-scoped dependency of each; nothing here ships in a jar a user
 * runs). {@link dev.vigie.testing.SharedData} is the one way a test reaches the third-party data folder.
 */
package dev.vigie.testing;
