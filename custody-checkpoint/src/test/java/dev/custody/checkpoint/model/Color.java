package dev.custody.checkpoint.model;

public enum Color { RED, GREEN, BLUE }
