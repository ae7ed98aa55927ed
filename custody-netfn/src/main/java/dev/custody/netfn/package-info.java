/**
 * The paper's evaluation workload: a NetBricks-style, run-to-completion packet pipeline.
 *
 * <p>{@link dev.custody.netfn.packet} holds off-heap packet buffers and batches, {@link
 * dev.custody.netfn.pcap} the pcap/pcapng codec, {@link dev.custody.netfn.io} sources and sinks,
 * {@link dev.custody.netfn.pipeline} the pipeline and its stages, {@link dev.custody.netfn.nf} the
 * network functions and {@link dev.custody.netfn.maglev} the Maglev load balancer.
 */
package dev.custody.netfn;
