/**
 * The dependency graph of a topology: cycles, direct and transitive neighbours, and which failing
 * entities are roots and which are casualties.
 *
 * <p>Everything here is pure and deterministic: names are kept in their natural (sorted) order, so
 * the same topology gives the same answers whatever order its entities were listed in. Algorithms are
 * iterative rather than recursive, because a chain of dependencies can be as long as the topology
 * (10,000 entities) and the JVM's stack is not.
 */
package dev.topowatch.topology.graph;
