package org.contacts.telemetry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The timers of one metric, one per combination of tag values, each looked up in the registry once.
 * A registry lookup validates and sorts the tags and takes a lock the application shares; the
 * benchmark's profile showed it on every request and every datastore command.
 */
final class TaggedTimers {

  private final Metadata metadata;
  private final String[] tagNames;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  TaggedTimers(Metadata metadata, String... tagNames) {
    this.metadata = metadata;
    this.tagNames = tagNames.clone();
  }

  /** The timer for these tag values, given in the order of the tag names. */
  Timer get(MetricRegistry registry, String... values) {
    return timers.computeIfAbsent(String.join(" ", values), key -> register(registry, values));
  }

  private Timer register(MetricRegistry registry, String[] values) {
    Tag[] tags = new Tag[tagNames.length];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(tagNames[i], values[i]);
    }
    return registry.timer(metadata, tags);
  }
}
