package tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes an RSA key pair and signs RS256 bearer tokens for trying contacts-service in jwt mode,
 * with nothing but the JDK (docs/security.md). Run it as a source file:
 *
 * <pre>
 *   java tools/MintToken.java keys target/keys
 *   java tools/MintToken.java token target/keys/private.pem --issuer https://issuer.example \
 *       --scope contacts:read [--sub alice] [--audience contacts] [--minutes 60]
 * </pre>
 *
 * The token carries the scopes twice: in MicroProfile JWT's groups claim, which the service
 * checks, and in the OAuth 2 scope claim. It is written to standard output and nowhere else.
 *
 * <p>This is the project's one RS256 signer: the integration tests compile it as a test source
 * and the benchmark compiles it beside its own classes, both calling {@link #sign}, {@link
 * #claims}, {@link #keyPair} and {@link #publicKeyPem}. So it uses the JDK alone and stays one
 * file, which is what JDK 17's source launcher can run.
 */
public final class MintToken {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("keys")) {
      keys(Path.of(args[1]));
    } else if (args.length >= 2 && args[0].equals("token")) {
      System.out.println(token(Path.of(args[1]), options(args)));
    } else {
      System.err.println(
          "usage: java tools/MintToken.java keys <dir>\n"
              + "       java tools/MintToken.java token <private.pem> --issuer <iss>"
              + " [--scope contacts:read|contacts:write]... [--sub <name>]"
              + " [--audience <aud>] [--minutes <n>]");
      System.exit(2);
    }
  }

  /** A new 2048-bit RSA key pair. */
  public static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** The public key as the service reads it from MP_JWT_VERIFY_PUBLICKEY. */
  public static String publicKeyPem(PublicKey key) {
    return pem("PUBLIC KEY", key.getEncoded());
  }

  /** A compact RS256 token (a JWS) of these claims, a JSON object, signed with the key. */
  public static String sign(PrivateKey key, String claims) throws Exception {
    String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(signature.sign());
  }

  /**
   * The claims the tool signs: issuer, subject, a fresh jti, issued now and valid for the minutes
   * given, the scopes in groups and scope, and the audience unless it is null.
   */
  public static String claims(
      String issuer, String subject, String audience, long minutes, List<String> scopes) {
    long now = Instant.now().getEpochSecond();
    StringBuilder claims =
        new StringBuilder("{")
            .append(member("iss", issuer))
            .append(',')
            .append(member("sub", subject))
            .append(',')
            .append(member("jti", UUID.randomUUID().toString()))
            .append(",\"iat\":")
            .append(now)
            .append(",\"exp\":")
            .append(now + minutes * 60)
            .append(",\"groups\":")
            .append(array(scopes))
            .append(',')
            .append(member("scope", String.join(" ", scopes)));
    if (audience != null) {
      claims.append(',').append(member("aud", audience));
    }
    return claims.append('}').toString();
  }

  /** Base64url without padding of the UTF-8 bytes, as each part of a token is written. */
  public static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** private.pem (PKCS #8, keep it) and public.pem (the service's MP_JWT_VERIFY_PUBLICKEY). */
  private static void keys(Path dir) throws Exception {
    KeyPair pair = keyPair();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(dir.resolve("public.pem"), publicKeyPem(pair.getPublic()));
    System.err.println("wrote " + dir.resolve("private.pem") + " and " + dir.resolve("public.pem"));
  }

  private static String token(Path privateKey, Map<String, List<String>> options) throws Exception {
    String issuer = single(options, "issuer", null);
    if (issuer == null) {
      throw new IllegalArgumentException("--issuer is required: the service's MP_JWT_VERIFY_ISSUER");
    }
    String claims =
        claims(
            issuer,
            single(options, "sub", "developer"),
            single(options, "audience", null),
            Long.parseLong(single(options, "minutes", "60")),
            options.getOrDefault("scope", List.of()));
    return sign(readPrivateKey(privateKey), claims);
  }

  private static Map<String, List<String>> options(String[] args) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (int i = 2; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option, found " + args[i]);
      }
      options.computeIfAbsent(args[i].substring(2), name -> new ArrayList<>()).add(args[i + 1]);
    }
    return options;
  }

  private static String single(Map<String, List<String>> options, String name, String fallback) {
    List<String> values = options.get(name);
    return values == null ? fallback : values.get(values.size() - 1);
  }

  private static PrivateKey readPrivateKey(Path file) throws Exception {
    String base64 =
        Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String member(String name, String value) {
    return quoted(name) + ":" + quoted(value);
  }

  private static String array(List<String> values) {
    return "[" + String.join(",", values.stream().map(MintToken::quoted).toList()) + "]";
  }

  /** Claim values here are issuer URLs, names and scopes: quotes and backslashes are escaped. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
