package org.contacts.datastore;

/**
 * The datastore could not serve a request now, and the same request may succeed later. The kind
 * says why, so that a client and an operator can tell an outage from slowness from overload.
 */
public class DatastoreUnavailableException extends RuntimeException {

  /** Why the datastore could not serve. */
  public enum Kind {
    /** The driver sees no datastore that answers. */
    UNREACHABLE,
    /** The datastore answers, but did not within the request's deadline. */
    TOO_SLOW,
    /** Too many requests already wait on the datastore; this one was not let through. */
    OVERLOADED;

    /** The name metrics and logs use: lower case, as a tag value. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The kind a tag names (as a 503's error code does), or null when it names none. */
    public static Kind ofTag(String tag) {
      for (Kind kind : values()) {
        if (kind.tag().equals(tag)) {
          return kind;
        }
      }
      return null;
    }
  }

  private final Kind kind;

  public DatastoreUnavailableException(Kind kind, Throwable cause) {
    super("the datastore is unavailable: " + kind.tag(), cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
