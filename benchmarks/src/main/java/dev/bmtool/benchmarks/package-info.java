/** JMH benchmarks of the proof-of-work engines and the vanity search. */
package dev.bmtool.benchmarks;
