package dev.custody.domains.confine;

/**
 * One line of a policy's deny list. Matching is on JVM internal names ({@code java/lang/System}).
 *
 * <ul>
 *   <li>{@code owner}: an exact class ({@code java/lang/System}), a package and its subpackages
 *       (ending in {@code /}), or a class-name prefix (ending in {@code *}).
 *   <li>{@code member}: {@code null} means any reference to the class at all; otherwise a method or
 *       field name, a name prefix ending in {@code *}, or a name suffix starting with {@code *}.
 *   <li>{@code descriptorPrefix}: {@code null} for any descriptor.
 *   <li>{@code category}: the category it refuses, or {@code null} for an explicit allowance that
 *       stops the search (used to carve exceptions such as {@code java.net.URI} out of {@code
 *       java.net}).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
record Rule(String owner, String member, String descriptorPrefix, Category category) {

  static Rule deny(String owner, String member, Category category) {
    return new Rule(owner, member, null, category);
  }

  static Rule denyClass(String owner, Category category) {
    return new Rule(owner, null, null, category);
  }

  static Rule allowClass(String owner) {
    return new Rule(owner, null, null, null);
  }

  boolean isClassLevel() {
    return member == null;
  }

  boolean matchesOwner(String internalName) {
    if (owner.endsWith("/")) {
      return internalName.startsWith(owner);
    }
    if (owner.endsWith("*")) {
      return internalName.regionMatches(0, owner, 0, owner.length() - 1);
    }
    return internalName.equals(owner);
  }

  /** Whether this member rule matches; {@code name} may be {@code null} for a bare class use. */
  boolean matchesMember(String name, String descriptor) {
    if (member == null) {
      return true;
    }
    if (name == null) {
      return false;
    }
    boolean nameOk;
    if (member.startsWith("*")) {
      nameOk = name.endsWith(member.substring(1)) && name.length() >= member.length() - 1;
    } else if (member.endsWith("*")) {
      nameOk = name.regionMatches(0, member, 0, member.length() - 1);
    } else {
      nameOk = name.equals(member);
    }
    return nameOk && (descriptorPrefix == null
        || (descriptor != null && descriptor.startsWith(descriptorPrefix)));
  }
}
