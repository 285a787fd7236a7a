/**
 * vigil-flink: the coordination stages of {@link org.vigil.coordination.CoordinationStages} as an Apache
 * Flink DataStream job keyed by shared object. {@link org.vigil.flink.FlinkCoordinationEngine} ("flink")
 * runs it on an in-process MiniCluster for {@code vigil coordinate --engine flink};
 * {@link org.vigil.flink.CoordinationJob} is the main class of the job jar that {@code flink run} submits.
 */
package org.vigil.flink;
