package it.org.contacts.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.org.contacts.support.Api;
import it.org.contacts.support.ApiResponse;
import it.org.contacts.support.DeployedServiceBase;
import it.org.contacts.support.TestDatastore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated bodies and query strings, from a fixed seed so that any failure can be replayed: never
 * a 5xx, never a hang (every request has a deadline), never a partial write.
 */
class FuzzIT extends DeployedServiceBase {

  private static final long SEED = Long.getLong("fuzz.seed", 20_261_127L);
  private static final int BODIES = 300;
  private static final int QUERIES = 300;

  private static final List<String> KEYS =
      List.of(
          "firstName",
          "lastName",
          "email",
          "website",
          "city",
          "zip",
          "data",
          "type",
          "id",
          "_id",
          "attributes",
          "relationships",
          "$set",
          "$where",
          "a.b",
          "",
          " ",
          "ü",
          "\\u0000",
          "firstName ",
          "__proto__");
  private static final List<String> PARAMETERS =
      List.of(
          "page[number]",
          "page[size]",
          "page[after]",
          "page[before]",
          "page[offset]",
          "sort",
          "filter[q]",
          "filter[state]",
          "filter[email][$ne]",
          "filter[]",
          "fields[contacts]",
          "fields[people]",
          "include",
          "q",
          "[",
          "%");
  private static final List<String> VALUES =
      List.of(
          "",
          "1",
          "0",
          "-1",
          "2147483648",
          "99999999999999999999",
          "lastName",
          "-firstName,lastName",
          "nickname",
          "CA,NY",
          "a%00b",
          "\u202e",
          "eyJzIjoiIn0",
          "{\"$gt\":\"\"}",
          ".*",
          "%",
          "%25",
          "ü",
          "x".repeat(300));

  private final Random random = new Random(SEED);

  @Test
  void generatedBodiesNeverCauseAServerErrorOrAPartialWrite() {
    for (int i = 0; i < BODIES; i++) {
      String body = random.nextInt(4) == 0 ? mutate(value(0)) : value(0);
      String method = random.nextBoolean() ? "POST" : "PUT";
      String path = method.equals("POST") ? "/contacts" : "/contacts/5f8f8c44b54764421b7156c3";
      long before = TestDatastore.contacts().countDocuments();
      ApiResponse response =
          Api.send(
              method,
              path,
              body,
              "Content-Type",
              random.nextBoolean() ? "application/json" : Api.JSON_API);
      String input = "seed " + SEED + ", body " + i + ": " + method + " " + body;
      assertTrue(response.status() < 500, () -> input + " -> " + response);
      if (response.status() == 201) {
        String id = response.data().getString("id");
        assertEquals(
            before + 1,
            TestDatastore.contacts().countDocuments(),
            () -> input + " stored one contact");
        Api.deleteContact(id);
      } else {
        assertEquals(
            before, TestDatastore.contacts().countDocuments(), () -> input + " stored nothing");
      }
    }
  }

  @Test
  void generatedQueryStringsNeverCauseAServerError() {
    for (int i = 0; i < QUERIES; i++) {
      StringBuilder query = new StringBuilder("/contacts?");
      int count = 1 + random.nextInt(4);
      for (int p = 0; p < count; p++) {
        query
            .append(p == 0 ? "" : "&")
            .append(encode(pick(PARAMETERS)))
            .append('=')
            .append(encode(pick(VALUES)));
      }
      String input = "seed " + SEED + ", query " + i + ": " + query;
      ApiResponse response = Api.getJsonApi(query.toString());
      assertTrue(
          response.status() == 200 || response.status() == 400, () -> input + " -> " + response);
    }
  }

  /** A random JSON text: mostly objects with attribute-like members, sometimes anything. */
  private String value(int depth) {
    int kind = depth > 5 ? random.nextInt(4) : random.nextInt(7);
    return switch (kind) {
      case 0 -> "\"" + pick(VALUES).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case 1 -> Integer.toString(random.nextInt());
      case 2 -> random.nextBoolean() ? "true" : "null";
      case 3 -> "\"" + "y".repeat(random.nextInt(400)) + "\"";
      case 4 -> "[" + value(depth + 1) + "," + value(depth + 1) + "]";
      default -> {
        StringBuilder object = new StringBuilder("{");
        int members = random.nextInt(6);
        for (int m = 0; m < members; m++) {
          object
              .append(m == 0 ? "" : ",")
              .append('"')
              .append(pick(KEYS))
              .append("\":")
              .append(value(depth + 1));
        }
        yield object.append('}').toString();
      }
    };
  }

  /** Breaks JSON text the way truncation and bit flips do. */
  private String mutate(String text) {
    if (text.isEmpty()) {
      return "{";
    }
    int at = random.nextInt(text.length());
    return switch (random.nextInt(3)) {
      case 0 -> text.substring(0, at);
      case 1 -> text.substring(0, at) + "\"{[,:".charAt(random.nextInt(5)) + text.substring(at);
      default -> text.substring(0, at) + text.substring(at + 1);
    };
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
