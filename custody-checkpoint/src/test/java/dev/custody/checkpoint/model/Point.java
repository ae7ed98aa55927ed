package dev.custody.checkpoint.model;

import dev.custody.checkpoint.Checkpointable;
import java.util.List;

@Checkpointable
public record Point(int x, double y, List<String> tags, Leaf leaf) {}
