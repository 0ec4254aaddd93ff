package org.contacts.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.contacts.PlainThreads;
import org.contacts.model.Contact;
import org.contacts.model.ContactChange;
import org.contacts.model.ContactId;
import org.contacts.model.FeedEntry;
import org.contacts.repository.ContactChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChangeHubTest {

  /** Changes as a datastore would report them: each read takes what was written since. */
  private static final class WrittenChanges implements ContactChanges {
    private final LinkedBlockingQueue<ContactChange> pending = new LinkedBlockingQueue<>();
    private int position;

    @Override
    public String present() {
      return "t0.0";
    }

    @Override
    public synchronized Batch after(String from, int max) {
      List<Positioned> batch = new ArrayList<>();
      pending.drainTo(
          new ArrayList<ContactChange>() {
            @Override
            public boolean add(ContactChange change) {
              return batch.add(new Positioned(change, "r" + ++position));
            }
          },
          max);
      return new Batch(batch, "r" + position, true);
    }
  }

  private final WrittenChanges changes = new WrittenChanges();
  private final ChangeHub hub = new ChangeHub();

  ChangeHubTest() {
    hub.changes = changes;
    hub.threads = PlainThreads.daemons();
  }

  @AfterEach
  void stopHub() {
    hub.stop();
  }

  private static ContactChange contact(int n) {
    return new ContactChange.Written(
        new Contact(new ContactId(String.format("%024x", n)), 1, Map.of("lastName", "N" + n)));
  }

  @Test
  void aSubscriberThatFallsBehindIsDroppedWhileTheOthersGetEveryChangeInOrder() throws Exception {
    ChangeHub.Subscription stalled = hub.subscribe(2);
    ChangeHub.Subscription reading = hub.subscribe(10);
    for (int n = 1; n <= 5; n++) {
      changes.pending.add(contact(n));
    }

    List<String> received = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      FeedEntry entry = reading.poll(10_000);
      assertNotNull(entry, "change " + n + " reaches the reading subscriber");
      received.add(entry.change().id().text());
    }

    assertEquals(
        List.of(1, 2, 3, 4, 5).stream().map(n -> String.format("%024x", n)).toList(),
        received,
        "every change, in order");
    assertTrue(stalled.dropped(), "the one that took nothing is dropped");
    assertTrue(!reading.dropped(), "the reading one is not");
  }
}
