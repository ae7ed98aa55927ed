package dev.custody.netfn.pipeline;

/**
 * What a pipeline run did.
 *
 * @param received packets the source produced
 * @param forwarded packets the sink accepted
 * @param dropped packets the network functions dropped (counted drops)
 * @param lost packets in batches whose stage failed
 * @param batches batches taken from the source
 * @param stageFailures stage calls that failed
 * @param droppedByStage counted drops per stage name, in pipeline order
 */
public record PipelineResult(
    long received, long forwarded, long dropped, long lost, long batches, long stageFailures,
    java.util.Map<String, Long> droppedByStage) {}
