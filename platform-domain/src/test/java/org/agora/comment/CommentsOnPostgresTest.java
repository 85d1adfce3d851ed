package org.agora.comment;

import org.agora.testing.TestDatabase;

class CommentsOnPostgresTest extends CommentPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.postgres();
    }
}
