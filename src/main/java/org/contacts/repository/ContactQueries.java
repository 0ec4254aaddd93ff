package org.contacts.repository;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.contacts.model.ContactQuery;
import org.contacts.model.Cursor;
import org.contacts.model.SortKey;

/**
 * Turns a {@link ContactQuery} into MongoDB filters and sorts. Every order ends with the id, so
 * that it is total and a keyset (the values of the last contact seen) marks an exact position.
 */
final class ContactQueries {

  private ContactQueries() {}

  static Bson filterOf(ContactQuery query) {
    List<Bson> filters = new ArrayList<>();
    for (Map.Entry<String, List<String>> filter : query.filters().entrySet()) {
      List<String> values = filter.getValue();
      if (filter.getKey().equals(ContactQuery.UPDATED_SINCE)) {
        filters.add(gte(ContactMapping.UPDATED_AT, values.get(0)));
      } else {
        filters.add(
            values.size() == 1 ? eq(filter.getKey(), values.get(0)) : in(filter.getKey(), values));
      }
    }
    if (query.search() != null) {
      String prefix = escapeRegex(query.search().toLowerCase(Locale.ROOT));
      filters.add(regex(ContactMapping.SEARCH, "^" + prefix));
    }
    return filters.isEmpty() ? Filters.empty() : and(filters);
  }

  /** The sort keys a query asked for, then the id as the final tie-breaker. */
  static List<SortKey> orderOf(List<SortKey> requested) {
    List<SortKey> order = new ArrayList<>(requested);
    order.add(SortKey.ascending(ContactMapping.ID));
    return order;
  }

  static Bson sortOf(List<SortKey> order, boolean reversed) {
    List<Bson> sorts = new ArrayList<>(order.size());
    for (SortKey key : order) {
      boolean descending = key.descending() != reversed;
      sorts.add(descending ? Sorts.descending(key.attribute()) : Sorts.ascending(key.attribute()));
    }
    return Sorts.orderBy(sorts);
  }

  /** Contacts that come after the cursor in this order. */
  static Bson after(List<SortKey> order, Cursor cursor) {
    return beyond(order, cursor, false);
  }

  /** Contacts that come before the cursor in this order. */
  static Bson before(List<SortKey> order, Cursor cursor) {
    return beyond(order, cursor, true);
  }

  /**
   * (k1 beyond v1) or (k1 = v1 and k2 beyond v2) or ... ending with the id. MongoDB orders a
   * missing value before any string, which the null cases follow.
   */
  private static Bson beyond(List<SortKey> order, Cursor cursor, boolean backwards) {
    List<Bson> branches = new ArrayList<>();
    List<Bson> equalSoFar = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      SortKey key = order.get(i);
      boolean last = i == order.size() - 1;
      Object value = last ? new ObjectId(cursor.id()) : cursor.values().get(i);
      boolean upwards = key.descending() == backwards;
      Bson step = strictlyBeyond(key.attribute(), value, upwards);
      if (step != null) {
        List<Bson> branch = new ArrayList<>(equalSoFar);
        branch.add(step);
        branches.add(branch.size() == 1 ? branch.get(0) : and(branch));
      }
      equalSoFar.add(eq(key.attribute(), value));
    }
    return branches.isEmpty() ? in(ContactMapping.ID, List.of()) : or(branches);
  }

  private static Bson strictlyBeyond(String attribute, Object value, boolean upwards) {
    if (value == null) {
      return upwards ? ne(attribute, null) : null;
    }
    return upwards ? gt(attribute, value) : or(lt(attribute, value), eq(attribute, null));
  }

  /** Escapes regular-expression syntax so that text matches literally, keeping a simple prefix. */
  static String escapeRegex(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
