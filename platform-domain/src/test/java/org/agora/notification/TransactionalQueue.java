package org.agora.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.agora.shared.Actor;
import org.agora.testing.TestDatabase;

/**
 * The outbox as a container gives it to the worker: each call one transaction of its own (here on a fresh entity
 * manager of the test database), committed when it returns.
 */
final class TransactionalQueue extends MailQueue {

    private final TestDatabase db;

    TransactionalQueue(TestDatabase db) {
        this.db = db;
    }

    @Override
    public List<Long> claimDue(String worker, Instant now, int max) {
        return db.inTransaction(em -> new MailQueue(em).claimDue(worker, now, max));
    }

    @Override
    public boolean claim(long id, String worker, Instant now) {
        return db.inTransaction(em -> new MailQueue(em).claim(id, worker, now));
    }

    @Override
    public Optional<Mail> held(long id, String worker) {
        return db.inTransaction(em -> new MailQueue(em).held(id, worker));
    }

    @Override
    public boolean sent(long id, String worker, String address, Instant now) {
        return db.inTransaction(em -> new MailQueue(em).sent(id, worker, address, now));
    }

    @Override
    public boolean failed(long id, String worker, String error, Instant now, RetrySchedule schedule) {
        return db.inTransaction(em -> new MailQueue(em).failed(id, worker, error, now, schedule));
    }

    @Override
    public boolean release(long id, String worker) {
        return db.inTransaction(em -> new MailQueue(em).release(id, worker));
    }

    @Override
    public boolean skipped(long id, String worker, Instant now) {
        return db.inTransaction(em -> new MailQueue(em).skipped(id, worker, now));
    }

    @Override
    public NotificationPreferences preferencesOf(String person) {
        return db.inTransaction(em -> new MailQueue(em).preferencesOf(person));
    }

    @Override
    public List<Mail> unsent(Actor actor, int max) {
        return db.inTransaction(em -> new MailQueue(em).unsent(actor, max));
    }

    @Override
    public Mail retry(Actor actor, long id, Instant now) {
        return db.inTransaction(em -> new MailQueue(em).retry(actor, id, now));
    }
}
