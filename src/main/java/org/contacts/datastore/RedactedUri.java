package org.contacts.datastore;

import java.util.regex.Pattern;

/** Makes a MongoDB connection string safe to print: any password in it is replaced. */
public final class RedactedUri {

  // scheme://user:password@hosts... ; the password is everything up to the last @ of the authority.
  private static final Pattern USER_INFO =
      Pattern.compile("^(mongodb(?:\\+srv)?://[^:@/]*:)[^/]*@");

  private RedactedUri() {}

  public static String of(String uri) {
    if (uri == null) {
      return null;
    }
    String redacted = USER_INFO.matcher(uri).replaceFirst("$1****@");
    // Options such as password-bearing TLS key settings are not needed to identify a datastore.
    int query = redacted.indexOf('?');
    return query < 0 ? redacted : redacted.substring(0, query) + "?…";
  }
}
