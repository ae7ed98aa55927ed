package dev.custody.checkpoint.domain;

import dev.custody.checkpoint.Checkpointable;

@Checkpointable
public record Entry(String account, long amount) {}
