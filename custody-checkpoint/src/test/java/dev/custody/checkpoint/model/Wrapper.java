package dev.custody.checkpoint.model;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;

@Checkpointable
public record Wrapper(String name, Shared<Box> box) {}
