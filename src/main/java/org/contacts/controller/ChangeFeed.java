package org.contacts.controller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.contacts.model.Contact;
import org.contacts.model.ContactChange;
import org.contacts.model.ContactPage;
import org.contacts.model.ContactQuery;
import org.contacts.model.Cursor;
import org.contacts.model.FeedCursor;
import org.contacts.model.FeedEntry;
import org.contacts.repository.ChangeHistoryLostException;
import org.contacts.repository.ContactChanges;
import org.contacts.repository.ContactRepository;

/**
 * The change feed: first every contact there is, in pages by id, then the changes since, oldest
 * first. The position the changes follow from is taken before the first page, so a change made
 * while a reader pages through comes again among the changes: nothing is lost, some things come
 * twice, and versions tell which copy is newer.
 */
@ApplicationScoped
public class ChangeFeed {

  private ContactRepository repository;
  private ContactChanges changes;

  @Inject
  public ChangeFeed(ContactRepository repository, ContactChanges changes) {
    this.repository = repository;
    this.changes = changes;
  }

  /** For CDI's proxies only. */
  protected ChangeFeed() {}

  /** Where a new reader starts: the full read, from the first contact. */
  public FeedCursor start() {
    return new FeedCursor.FullRead(changes.present(), null);
  }

  /** Where a reader that wants only what changes from now on starts. */
  public FeedCursor now() {
    return new FeedCursor.Changes(changes.present());
  }

  /**
   * At most {@code size} entries from the cursor on.
   *
   * @throws ChangesNoLongerKeptException when the cursor is older than the changes the datastore
   *     keeps
   */
  public FeedEntry.Page read(FeedCursor cursor, int size) {
    return cursor instanceof FeedCursor.FullRead fullRead
        ? fullRead(fullRead, size)
        : changes((FeedCursor.Changes) cursor, size);
  }

  private FeedEntry.Page fullRead(FeedCursor.FullRead from, int size) {
    Cursor after = from.afterId() == null ? null : new Cursor(List.of(), from.afterId());
    ContactPage page =
        repository.findPage(
            new ContactQuery(
                Map.of(), null, List.of(), new ContactQuery.Page(size, 0, after, null)));
    List<FeedEntry> entries = new ArrayList<>(page.contacts().size());
    for (Contact contact : page.contacts()) {
      entries.add(
          new FeedEntry(
              new ContactChange.Written(contact),
              new FeedCursor.FullRead(from.changesFrom(), contact.id().text())));
    }
    FeedCursor next =
        page.hasMore()
            ? entries.get(entries.size() - 1).after()
            : new FeedCursor.Changes(from.changesFrom());
    return new FeedEntry.Page(entries, next, false);
  }

  private FeedEntry.Page changes(FeedCursor.Changes from, int size) {
    ContactChanges.Batch batch;
    try {
      batch = changes.after(from.changesFrom(), size);
    } catch (ChangeHistoryLostException e) {
      throw new ChangesNoLongerKeptException();
    }
    List<FeedEntry> entries = new ArrayList<>(batch.changes().size());
    for (ContactChanges.Positioned change : batch.changes()) {
      entries.add(new FeedEntry(change.change(), new FeedCursor.Changes(change.after())));
    }
    return new FeedEntry.Page(entries, new FeedCursor.Changes(batch.next()), batch.caughtUp());
  }
}
