package dev.custody.checkpoint.domain;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

@Checkpointable
public final class Ledger {
  public HashMap<String, Long> balances = new HashMap<>();
  public List<Shared<Entry>> journal = new ArrayList<>();
  public Shared<Entry> lastEntry;

  public Ledger() {}
}
