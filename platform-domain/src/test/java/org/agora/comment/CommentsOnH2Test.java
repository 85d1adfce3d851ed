package org.agora.comment;

import org.agora.testing.TestDatabase;

class CommentsOnH2Test extends CommentPersistenceContract {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabase.h2();
    }
}
