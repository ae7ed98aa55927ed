package dev.custody.checker.ownership;

/**
 * How an expression that names a value is used by its context: does it borrow the value, move
 * it, or overwrite the variable?
 *
 * @param kind borrow, move or write
 * @param category for a move, what kind of move (decides which rule applies to borrowed values)
 * @param detail human-readable description of the move, for example {@code passed to 'send'}
 */
public record Use(Kind kind, Category category, String detail) {

  /** Whether the value survives the use. */
  public enum Kind {
    /** The value is only read: method receiver, field read, comparison, {@code @Borrowed} argument. */
    BORROW,
    /** The value changes owner. */
    MOVE,
    /** The variable is the target of an assignment (revives it). */
    WRITE
  }

  /** The kind of move. */
  public enum Category {
    NONE,
    ASSIGN,
    FIELD_STORE,
    ARRAY_STORE,
    RETURN,
    ARGUMENT,
    CAPTURE,
    THROW,
    /** {@code Owned.move()} or {@code Owned.take()} called on the value: an explicit take. */
    TAKE
  }

  static final Use BORROW = new Use(Kind.BORROW, Category.NONE, "borrowed");
  static final Use WRITE = new Use(Kind.WRITE, Category.NONE, "assigned to");

  static Use move(Category category, String detail) {
    return new Use(Kind.MOVE, category, detail);
  }

  public boolean isMove() {
    return kind == Kind.MOVE;
  }
}
