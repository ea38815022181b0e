package io.qccompanion.model;

/**
 * A host user referenced by tickets (assignee, replier), side-loaded with a page so the server can
 * link host identities to companion agents without extra requests.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param role the host's role name, e.g. {@code agent}, {@code admin}, {@code end-user}
 * @since 0.1
 */
public record HostUser(String id, String name, String email, String role) {

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
    b.email = email;
    b.role = role;
    return b;
  }

  /**
   * Builds {@link HostUser}; a field never set keeps its default (null, empty, zero or false unless
   * the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String id;
    private String name;
    private String email;
    private String role;

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder email(String email) {
      this.email = email;
      return this;
    }

    public Builder role(String role) {
      this.role = role;
      return this;
    }

    public HostUser build() {
      return new HostUser(id, name, email, role);
    }
  }
}
