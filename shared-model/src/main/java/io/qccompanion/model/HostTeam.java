package io.qccompanion.model;

/**
 * A host group (Zendesk group, Jira project or team field value) that tickets belong to.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @since 0.1
 */
public record HostTeam(String id, String name) {

  /**
   * A builder with every field at its documented default.
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this value's fields, to copy with a change.
   *
   * @since 0.2
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.name = name;
    return b;
  }

  /**
   * Builds {@link HostTeam}; a field never set keeps its default (null, empty, zero or false unless
   * the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String id;
    private String name;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public HostTeam build() {
      return new HostTeam(id, name);
    }
  }
}
