package io.qccompanion.model;

import java.util.List;

/**
 * One setting a connector reads from {@link ConnectionSettings#options()}, declared by {@link
 * ConnectorProvider#connectionOptions()} so the server can validate it and an admin form can be
 * drawn from it.
 *
 * @param name the key in {@link ConnectionSettings#options()}, e.g. {@code field.score}
 * @param type how to read and validate the value
 * @param required the connection cannot work without it
 * @param secret the value must never be shown or logged (the server stores it encrypted)
 * @param help one sentence an admin reads next to the field
 * @param defaultValue what the connector uses when the option is absent, or null
 * @param choices allowed values for {@link Type#CHOICE}; empty otherwise
 * @since 0.2
 */
public record ConnectionOption(
    String name,
    Type type,
    boolean required,
    boolean secret,
    String help,
    String defaultValue,
    List<String> choices) {

  /** Value types an admin form knows how to draw. */
  public enum Type {
    STRING,
    URL,
    INTEGER,
    BOOLEAN,
    CHOICE,
    /** Multi-line text such as a PEM public key. */
    TEXT
  }

  public ConnectionOption {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("name is blank");
    type = type == null ? Type.STRING : type;
    choices = choices == null ? List.of() : List.copyOf(choices);
    if (type == Type.CHOICE && choices.isEmpty())
      throw new IllegalArgumentException("choices is empty for CHOICE option " + name);
  }

  /** A builder for an option named {@code name}: STRING, optional, not secret, no default. */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /**
   * A builder holding this value's fields, to copy with a change.
   *
   * @since 0.2
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.type = type;
    b.required = required;
    b.secret = secret;
    b.help = help;
    b.defaultValue = defaultValue;
    b.choices = choices;
    return b;
  }

  /**
   * Builds {@link ConnectionOption}; a field never set keeps its default (null, empty, zero or
   * false unless the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String name;
    private Type type = Type.STRING;
    private boolean required;
    private boolean secret;
    private String help;
    private String defaultValue;
    private List<String> choices = List.of();

    private Builder() {}

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder type(Type type) {
      this.type = type;
      return this;
    }

    public Builder required(boolean required) {
      this.required = required;
      return this;
    }

    public Builder secret(boolean secret) {
      this.secret = secret;
      return this;
    }

    public Builder help(String help) {
      this.help = help;
      return this;
    }

    public Builder defaultValue(String defaultValue) {
      this.defaultValue = defaultValue;
      return this;
    }

    public Builder choices(List<String> choices) {
      this.choices = choices;
      return this;
    }

    public ConnectionOption build() {
      return new ConnectionOption(name, type, required, secret, help, defaultValue, choices);
    }
  }
}
