package org.contacts;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/** The container's thread factory, for a unit test without a container: plain daemon threads. */
public final class PlainThreads {

  private PlainThreads() {}

  public static ManagedThreadFactory daemons() {
    return new ManagedThreadFactory() {
      @Override
      public Thread newThread(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        return thread;
      }

      @Override
      public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        throw new UnsupportedOperationException("no fork-join pool in these tests");
      }
    };
  }
}
